package org.radassist.audit.metrics;

import java.util.Collection;
import org.radassist.audit.AuditRecord;

/**
 * Computes {@link MetricsSummary} from audit records. Events are grouped by study (the study token,
 * or the trace id when an event has none); a study's modality is the first {@code modality} detail
 * any of its events carries. Time to report runs from a study's first {@code draft_requested} to
 * the first {@code report_signed} after it. A pure function.
 *
 * <p>The implementation is internal to the bundle.
 */
public interface AuditMetrics {
  /** The metrics of the given records (in any order). */
  static MetricsSummary compute(Collection<AuditRecord> records) {
    return org.radassist.audit.internal.metrics.RecordMetrics.compute(records);
  }
}
