package org.radassist.hl7;

import java.util.Objects;

/**
 * A coded element (HL7 CE / CWE: identifier ^ text ^ name of coding system), e.g. {@code
 * 18748-4^Diagnostic imaging study^LN}.
 */
public record CodedValue(String code, String text, String codingSystem) {
  public CodedValue {
    Objects.requireNonNull(code, "code");
    text = text == null ? "" : text;
    codingSystem = codingSystem == null ? "" : codingSystem;
  }

  /** A LOINC code. */
  public static CodedValue loinc(String code, String text) {
    return new CodedValue(code, text, "LN");
  }
}
