package org.radassist.priors;

/** Which size a change was computed on. */
public enum SizeMetric {
  /** (long axis + short axis) / 2 to one decimal: the Lung-RADS convention. */
  MEAN_DIAMETER,
  /** A single diameter or the longest length measured. */
  DIAMETER,
  /** A measured volume (no diameters available). */
  VOLUME,
  NONE
}
