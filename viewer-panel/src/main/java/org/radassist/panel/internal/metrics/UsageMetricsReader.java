package org.radassist.panel.internal.metrics;

import java.util.Locale;
import java.util.Optional;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.AuditTrail;
import org.radassist.audit.metrics.AuditMetrics;
import org.radassist.audit.metrics.MetricsSummary;
import org.radassist.audit.metrics.ModalityMetrics;
import org.radassist.panel.model.UsageMetrics;

/** The Metrics tab's figures from the audit trail's records, with the audit bundle's metrics. */
public final class UsageMetricsReader {
  private UsageMetricsReader() {}

  /**
   * Reads the trail and computes the figures of one modality (all studies when blank). Slow (reads
   * files): call off the UI thread.
   */
  public static UsageMetrics metrics(AuditTrail trail, String modality) throws Exception {
    java.util.List<AuditRecord> records = trail.readAll();
    MetricsSummary summary = AuditMetrics.compute(records);
    String wanted =
        modality == null || modality.isBlank()
            ? MetricsSummary.ALL
            : modality.strip().toUpperCase(Locale.ROOT);
    ModalityMetrics m =
        summary.byModality().stream()
            .filter(x -> x.modality().equals(wanted))
            .findFirst()
            .orElse(
                wanted.equals(MetricsSummary.ALL)
                    ? summary.overall()
                    : new ModalityMetrics(
                        wanted,
                        0,
                        0,
                        0,
                        0,
                        0,
                        java.util.OptionalDouble.empty(),
                        java.util.OptionalDouble.empty(),
                        java.util.OptionalDouble.empty(),
                        java.util.OptionalDouble.empty(),
                        java.util.OptionalDouble.empty(),
                        0,
                        Optional.empty(),
                        Optional.empty()));
    return new UsageMetrics(
        m.modality(),
        summary.records(),
        m.studies(),
        m.accepted(),
        m.edited(),
        m.rejected(),
        m.adoptionRate(),
        m.meanWordEditDistance(),
        m.reportsSigned(),
        m.medianTimeToReport());
  }
}
