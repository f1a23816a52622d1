package org.radassist.drafting;

import org.radassist.model.Sex;

/**
 * What the drafting service may know of the patient: age in years, with 90 and over collapsed to 90
 * (HIPAA Safe Harbor), and sex.
 */
public record PatientInfo(Integer ageYears, Sex sex) {
  public static final int OLDEST_REPORTED_AGE = 90;

  public PatientInfo {
    if (ageYears != null) {
      if (ageYears < 0) {
        throw new IllegalArgumentException("ageYears must not be negative, was " + ageYears);
      }
      ageYears = Math.min(ageYears, OLDEST_REPORTED_AGE);
    }
    sex = sex == null ? Sex.UNKNOWN : sex;
  }

  /** The age as shown: "67", or "90+" for the collapsed band. */
  public String ageBand() {
    if (ageYears == null) {
      return "";
    }
    return ageYears >= OLDEST_REPORTED_AGE ? OLDEST_REPORTED_AGE + "+" : ageYears.toString();
  }
}
