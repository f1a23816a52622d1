package org.radassist.workstation.internal.study;

import java.time.LocalDate;

/**
 * The one synthetic patient of the default study; obviously not a person. No part of the name is a
 * word a dictation uses: the speech hook scrubs the patient's name from outgoing text.
 */
public record SyntheticPatient(
    String name, String id, String issuer, LocalDate birthDate, String sex) {
  public static final SyntheticPatient DEFAULT =
      new SyntheticPatient(
          "PHANTOM^ALEX", "RA-PHANTOM-0001", "RADASSIST", LocalDate.of(1961, 4, 17), "M");
}
