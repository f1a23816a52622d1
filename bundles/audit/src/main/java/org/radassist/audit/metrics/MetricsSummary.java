package org.radassist.audit.metrics;

import java.util.List;

/**
 * Metrics per modality (sorted by modality name) and over everything.
 *
 * @param records how many audit records were read
 * @param byModality one entry per modality seen
 * @param overall the same figures over all studies
 */
public record MetricsSummary(
    long records, List<ModalityMetrics> byModality, ModalityMetrics overall) {
  /** The modality name used for the overall figures. */
  public static final String ALL = "ALL";

  public MetricsSummary {
    byModality = List.copyOf(byModality);
  }
}
