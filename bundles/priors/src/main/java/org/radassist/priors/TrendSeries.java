package org.radassist.priors;

import java.util.List;

/**
 * The sizes of one lesion over time, oldest first, for the chart.
 *
 * @param metric what {@link TrendPoint#sizeMillimetres()} holds
 */
public record TrendSeries(
    String label,
    String trackingUid,
    String trackingIdentifier,
    SizeMetric metric,
    List<TrendPoint> points) {
  public TrendSeries {
    points = List.copyOf(points == null ? List.of() : points);
  }
}
