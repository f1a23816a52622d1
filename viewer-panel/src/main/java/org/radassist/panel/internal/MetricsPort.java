package org.radassist.panel.internal;

import org.radassist.panel.model.UsageMetrics;

/**
 * The audit trail's metrics as the Metrics tab uses them; the adapter ({@code
 * internal.metrics.AuditMetricsPort}) is the only class naming the audit bundle's types.
 */
public interface MetricsPort {

  /**
   * Reads the trail and computes the figures of one modality (all studies when blank). Slow (reads
   * files): call off the UI thread.
   */
  UsageMetrics metrics(String modality) throws Exception;
}
