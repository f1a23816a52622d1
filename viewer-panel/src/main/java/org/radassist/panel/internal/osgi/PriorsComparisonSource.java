package org.radassist.panel.internal.osgi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.radassist.model.StudyContext;
import org.radassist.panel.PriorComparison;
import org.radassist.panel.PriorComparisonSource;
import org.radassist.priors.ChangeRecord;
import org.radassist.priors.ComparisonSummary;
import org.radassist.priors.PriorComparisonService;
import org.radassist.priors.TrendPoint;
import org.radassist.priors.TrendSeries;

/**
 * Feeds the panel's Priors tab from the priors bundle: the Comparison paragraph and one size trend
 * per matched finding, and the priors compared (for the speech hook's draft requests). Present only
 * where the priors bundle runs.
 */
@Component(service = PriorComparisonSource.class)
public final class PriorsComparisonSource implements PriorComparisonSource {
  private final PriorComparisonService priors;

  @Activate
  public PriorsComparisonSource(@Reference PriorComparisonService priors) {
    this.priors = priors;
  }

  @Override
  public Optional<PriorComparison> compare(StudyContext study) {
    return toPanel(priors.summarize(study.studyInstanceUid()));
  }

  public static Optional<PriorComparison> toPanel(ComparisonSummary summary) {
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
