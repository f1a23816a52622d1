package org.radassist.hl7;

import java.util.Objects;

/**
 * One OBX of a result: a text (TX) observation.
 *
 * @param identifier OBX-3, e.g. a LOINC report section code
 * @param text OBX-5, the observation's text as it is sent (scrub it before)
 * @param abnormalFlag OBX-8, e.g. "AA" (critically abnormal), "" for none
 * @param status OBX-11, e.g. "P" (preliminary) or "F" (final)
 */
public record ObservationResult(
    CodedValue identifier, String text, String abnormalFlag, String status) {
  public ObservationResult {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(text, "text");
    abnormalFlag = abnormalFlag == null ? "" : abnormalFlag;
    Objects.requireNonNull(status, "status");
  }
}
