package org.radassist.panel;

import java.time.LocalDate;
import java.util.List;
import org.radassist.model.StudyContext;

/**
 * A prior comparison as the panel shows it: the summary paragraph and one trend per tracked
 * measurement (e.g. a nodule's long axis over three studies), and the prior studies compared (given
 * to the speech hook's session of the study, minimised there, for its draft requests).
 */
public record PriorComparison(
    String summary, List<MeasurementTrend> trends, List<ComparedPrior> compared) {
  public PriorComparison {
    summary = summary == null ? "" : summary;
    trends = trends == null ? List.of() : List.copyOf(trends);
    compared = compared == null ? List.of() : List.copyOf(compared);
  }

  /** Without the prior studies compared (as before they were carried). */
  public PriorComparison(String summary, List<MeasurementTrend> trends) {
    this(summary, trends, List.of());
  }

  /**
   * A prior study compared, with what the comparison says of it (e.g. the sentences of the changes
   * since it), "" when nothing. Its identifiers stay on this machine.
   *
   * @since 1.2
   */
  public record ComparedPrior(StudyContext study, String impression) {
    public ComparedPrior {
      if (study == null) {
        throw new IllegalArgumentException("study must not be null");
      }
      impression = impression == null ? "" : impression;
    }
  }

  /** One measurement over time, oldest first. */
  public record MeasurementTrend(String label, String unit, List<TrendPoint> points) {
    public MeasurementTrend {
      if (label == null || label.isBlank()) {
        throw new IllegalArgumentException("label must not be blank");
      }
      unit = unit == null ? "" : unit;
      points = points == null ? List.of() : List.copyOf(points);
    }
  }

  /** A value measured on a study date. */
  public record TrendPoint(LocalDate date, double value) {
    public TrendPoint {
      if (date == null) {
        throw new IllegalArgumentException("date must not be null");
      }
    }
  }
}
