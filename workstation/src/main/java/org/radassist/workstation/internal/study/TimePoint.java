package org.radassist.workstation.internal.study;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One examination of the synthetic patient: its name in UIDs and folders ("prior", "current"), when
 * it was made, and the nodule size at that time.
 */
public record TimePoint(
    String label,
    LocalDate studyDate,
    LocalTime studyTime,
    String accessionNumber,
    double noduleDiameterMm,
    long noiseSeed) {
  public TimePoint {
    if (label == null || !label.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("label must be lower-case letters, digits or '-'");
    }
  }
}
