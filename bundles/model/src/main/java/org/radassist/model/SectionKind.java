package org.radassist.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Report sections with their IHE IDR / LOINC codes. */
public enum SectionKind {
  CLINICAL_HISTORY("55752-0", "Clinical information"),
  PROCEDURE("55111-9", "Current imaging procedure description"),
  COMPARISON("18834-2", "Radiology Comparison study"),
  FINDINGS("59776-5", "Procedure Findings"),
  IMPRESSION("19005-8", "Radiology Impression"),
  RECOMMENDATION("18783-1", "Radiology Study recommendation"),
  COMMUNICATION("73568-8", "Communication of critical unexpected and urgent results");

  private final String loinc;
  private final String loincName;

  SectionKind(String loinc, String loincName) {
    this.loinc = loinc;
    this.loincName = loincName;
  }

  public CodedConcept code() {
    return CodedConcept.of(loinc, "LN", loincName);
  }

  /** The heading a report shows, e.g. "Clinical History". */
  public String title() {
    String[] words = name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder b = new StringBuilder();
    for (String w : words) {
      b.append(b.length() == 0 ? "" : " ")
          .append(Character.toUpperCase(w.charAt(0)))
          .append(w, 1, w.length());
    }
    return b.toString();
  }

  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static SectionKind fromJson(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
