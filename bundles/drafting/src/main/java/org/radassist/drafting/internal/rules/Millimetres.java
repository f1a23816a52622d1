package org.radassist.drafting.internal.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Sizes as the guidelines state them. Thresholds are compared in tenths of a millimetre after
 * decimal rounding, so that 5.95 typed by a radiologist means 6.0 and never 5.9499999.
 */
public final class Millimetres {
  private Millimetres() {}

  /** The size to one decimal (half up), in tenths of a millimetre: 5.95 -> 60. */
  public static long tenths(double mm) {
    if (!Double.isFinite(mm) || mm < 0) {
      throw new IllegalArgumentException("size must be a finite, non-negative number, was " + mm);
    }
    return BigDecimal.valueOf(mm).setScale(1, RoundingMode.HALF_UP).movePointRight(1).longValue();
  }

  /** The size rounded to one decimal. */
  public static double oneDecimal(double mm) {
    return tenths(mm) / 10.0;
  }

  /** The size rounded to the nearest whole millimetre (half up), as Fleischner 2017 measures. */
  public static long wholeMillimetres(double mm) {
    return BigDecimal.valueOf(oneDecimal(mm)).setScale(0, RoundingMode.HALF_UP).longValue();
  }

  /** Mean diameter = (long + short) / 2, each axis and the mean to one decimal (Lung-RADS 2022). */
  public static double meanDiameter(double longAxisMm, double shortAxisMm) {
    long sum = tenths(longAxisMm) + tenths(shortAxisMm);
    return BigDecimal.valueOf(sum)
        .divide(BigDecimal.valueOf(20), 1, RoundingMode.HALF_UP)
        .doubleValue();
  }
}
