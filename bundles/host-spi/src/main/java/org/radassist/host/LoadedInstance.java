package org.radassist.host;

import java.net.URI;

/**
 * A DICOM instance the host has loaded for a study, with where its bytes can be read (a file or
 * WADO-RS URI). RadAssist reads SR instances from here.
 */
public record LoadedInstance(
    String studyInstanceUid,
    String seriesInstanceUid,
    String sopClassUid,
    String sopInstanceUid,
    String modality,
    URI location) {
  public LoadedInstance {
    if (sopInstanceUid == null || sopInstanceUid.isBlank()) {
      throw new IllegalArgumentException("sopInstanceUid must not be blank");
    }
    if (location == null) {
      throw new IllegalArgumentException("location must not be null");
    }
  }

  /** True for any Structured Report or Key Object Selection document (Modality SR or KO). */
  public boolean isStructuredReport() {
    return "SR".equals(modality)
        || "KO".equals(modality)
        || (sopClassUid != null && sopClassUid.startsWith("1.2.840.10008.5.1.4.1.1.88."));
  }
}
