package org.radassist.priors.internal.dicomweb;

import java.time.Duration;

/**
 * How the DICOMweb provider talks to the PACS.
 *
 * @param connectTimeout TCP connect
 * @param readTimeout silence on an open connection
 * @param deadline the whole lookup, documents included; what is not read by then is left out
 * @param pageSize QIDO-RS limit per page
 * @param maxCandidates stop paging after this many of the patient's studies
 * @param parallelism studies whose documents are read at the same time
 */
public record DicomWebSettings(
    String baseUrl,
    Duration connectTimeout,
    Duration readTimeout,
    Duration deadline,
    int pageSize,
    int maxCandidates,
    int parallelism) {

  public DicomWebSettings {
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new IllegalArgumentException("the DICOMweb base URL must not be blank");
    }
    if (pageSize < 1 || maxCandidates < 1 || parallelism < 1) {
      throw new IllegalArgumentException("pageSize, maxCandidates and parallelism must be >= 1");
    }
  }

  public static DicomWebSettings of(String baseUrl) {
    return new DicomWebSettings(
        baseUrl,
        Duration.ofSeconds(3),
        Duration.ofSeconds(10),
        Duration.ofSeconds(20),
        100,
        1000,
        6);
  }
}
