package org.radassist.panel;

import java.time.LocalDate;
import java.util.List;

/**
 * A prior comparison as the panel shows it: the summary paragraph and one trend per tracked
 * measurement (e.g. a nodule's long axis over three studies).
 */
public record PriorComparison(String summary, List<MeasurementTrend> trends) {
  public PriorComparison {
    summary = summary == null ? "" : summary;
    trends = trends == null ? List.of() : List.copyOf(trends);
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
