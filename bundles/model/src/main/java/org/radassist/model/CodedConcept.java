package org.radassist.model;

/**
 * A coded concept as DICOM and FHIR carry it: code value, coding scheme designator and code meaning
 * (e.g. {@code 121071 / DCM / Finding}).
 */
public record CodedConcept(String code, String scheme, String meaning) {
  public CodedConcept {
    Checks.requireText(code, "code");
    Checks.requireText(scheme, "scheme");
    meaning = meaning == null ? "" : meaning;
  }

  public static CodedConcept of(String code, String scheme, String meaning) {
    return new CodedConcept(code, scheme, meaning);
  }

  /** Equality by code and scheme only: code meanings differ between producers. */
  public boolean sameCode(CodedConcept other) {
    return other != null && code.equals(other.code) && scheme.equalsIgnoreCase(other.scheme);
  }

  @Override
  public String toString() {
    return "(" + code + ", " + scheme + ", \"" + meaning + "\")";
  }
}
