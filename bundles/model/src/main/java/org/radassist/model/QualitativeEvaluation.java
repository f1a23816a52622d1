package org.radassist.model;

/** A named qualitative statement about a finding, coded (e.g. Margin = Spiculated) or as text. */
public record QualitativeEvaluation(CodedConcept name, CodedConcept codedValue, String textValue) {
  public QualitativeEvaluation {
    Checks.requireValue(name, "name");
    if (codedValue == null && (textValue == null || textValue.isBlank())) {
      throw new IllegalArgumentException("a qualitative evaluation needs a coded or a text value");
    }
  }

  /** The value as a reader sees it. */
  public String displayValue() {
    return codedValue != null ? codedValue.meaning() : textValue;
  }
}
