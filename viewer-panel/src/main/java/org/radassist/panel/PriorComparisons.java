package org.radassist.panel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.radassist.model.StudyContext;
import org.radassist.priors.ChangeRecord;
import org.radassist.priors.ComparisonSummary;
import org.radassist.priors.PriorComparisonService;
import org.radassist.priors.TrendPoint;
import org.radassist.priors.TrendSeries;

/**
 * The priors bundle's comparison as the panel's {@link PriorComparisonSource}, for hosts without
 * OSGi (inside OSGi the panel's tool contribution wraps the PriorComparisonService it finds the
 * same way):
 *
 * <pre>{@code
 * RadAssistPanels.builder(host)
 *     .priors(PriorComparisons.of(Priors.comparison(Priors.fromHost(host))))
 * }</pre>
 *
 * <p>The Priors tab then shows the Comparison paragraph, a size trend per matched finding, or the
 * look-up's status ("PACS unreachable: ...") when there is no comparison.
 *
 * @since 1.4
 */
public final class PriorComparisons {
  private PriorComparisons() {}

  /** Compares each study the panel opens through {@code service} (on the panel's worker). */
  public static PriorComparisonSource of(PriorComparisonService service) {
    Objects.requireNonNull(service, "service");
    return study -> toPanel(service.summarize(study.studyInstanceUid()));
  }

  static Optional<PriorComparison> toPanel(ComparisonSummary summary) {
    if (summary.paragraph() == null || summary.paragraph().isBlank()) {
      // e.g. "PACS unreachable: ...": the tab says why there is no comparison
      return summary.statusMessage().isBlank()
          ? Optional.empty()
          : Optional.of(new PriorComparison(summary.statusMessage(), List.of()));
    }
    List<PriorComparison.MeasurementTrend> trends = new ArrayList<>();
    for (TrendSeries series : summary.trends()) {
      List<PriorComparison.TrendPoint> points = new ArrayList<>();
      for (TrendPoint p : series.points()) {
        BigDecimal size = p.sizeMillimetres();
        if (p.date() != null && size != null) {
          points.add(new PriorComparison.TrendPoint(p.date(), size.doubleValue()));
        }
      }
      if (!points.isEmpty()) {
        trends.add(new PriorComparison.MeasurementTrend(series.label(), "mm", points));
      }
    }
    return Optional.of(new PriorComparison(summary.paragraph(), trends, compared(summary)));
  }

  /**
   * The priors the paragraph names, each with the sentences of the changes measured against it (the
   * priors bundle's summary holds no prior report text).
   */
  static List<PriorComparison.ComparedPrior> compared(ComparisonSummary summary) {
    List<PriorComparison.ComparedPrior> out = new ArrayList<>();
    for (StudyContext prior : summary.priorsCompared()) {
      String sentences =
          summary.changes().stream()
              .filter(c -> prior.studyInstanceUid().equals(c.priorStudyInstanceUid()))
              .map(ChangeRecord::sentence)
              .collect(Collectors.joining(" "));
      out.add(new PriorComparison.ComparedPrior(prior, sentences));
    }
    return out;
  }
}
