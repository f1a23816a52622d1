package org.radassist.host;

/** The series the radiologist selected within the current study. */
public record SeriesContext(
    String studyInstanceUid,
    String seriesInstanceUid,
    String modality,
    String seriesDescription,
    Integer seriesNumber) {
  public SeriesContext {
    if (studyInstanceUid == null || studyInstanceUid.isBlank()) {
      throw new IllegalArgumentException("studyInstanceUid must not be blank");
    }
    if (seriesInstanceUid == null || seriesInstanceUid.isBlank()) {
      throw new IllegalArgumentException("seriesInstanceUid must not be blank");
    }
  }
}
