package org.radassist.audit.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * ECMAScript {@code Number.prototype.toString} for IEEE-754 doubles, as RFC 8785 section 3.2.2.3
 * requires. JDK 17's {@code Double.toString} does not always yield the shortest digits, so the
 * digits are found here: the fewest significant digits that read back as the same double, and of
 * those the decimal closest to the exact binary value.
 */
public final class EcmaNumbers {
  private EcmaNumbers() {}

  /**
   * Serialises {@code value}; NaN and the infinities are not JSON and are refused.
   *
   * @throws IllegalArgumentException for NaN or an infinity
   */
  public static String toString(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("JSON has no representation for " + value);
    }
    if (value == 0) {
      return "0"; // also -0
    }
    if (value < 0) {
      return "-" + toString(-value);
    }
    BigDecimal shortest = shortestDigits(value);
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    // value = digits x 10^(n - k)
    int n = k - shortest.scale();
    return layout(digits, k, n);
  }

  private static BigDecimal shortestDigits(double value) {
    BigDecimal exact = new BigDecimal(value);
    // A precision that reads back implies every larger one does, so bisect over 1..17.
    int low = 1;
    int high = 17;
    BigDecimal found = closestReadingBack(exact, value, high);
    while (low < high) {
      int mid = (low + high) >>> 1;
      BigDecimal candidate = closestReadingBack(exact, value, mid);
      if (candidate != null) {
        high = mid;
        found = candidate;
      } else {
        low = mid + 1;
      }
    }
    return found.stripTrailingZeros();
  }

  /**
   * Of the decimals with {@code precision} digits next to {@code exact}, the closest that reads
   * back as {@code value}, or null.
   */
  private static BigDecimal closestReadingBack(BigDecimal exact, double value, int precision) {
    BigDecimal best = null;
    for (RoundingMode mode :
        new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
      BigDecimal candidate = exact.round(new MathContext(precision, mode));
      if (candidate.doubleValue() != value) {
        continue;
      }
      if (best == null
          || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0) {
        best = candidate;
      }
    }
    return best;
  }

  /** ECMA-262 Number::toString steps 6 to 10 for digits s (k of them) and exponent n. */
  private static String layout(String s, int k, int n) {
    StringBuilder out = new StringBuilder(32);
    if (k <= n && n <= 21) {
      out.append(s);
      out.append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      out.append(s, 0, n).append('.').append(s, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.").append("0".repeat(-n)).append(s);
    } else {
      int exponent = n - 1;
      out.append(s.charAt(0));
      if (k > 1) {
        out.append('.').append(s, 1, k);
      }
      out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
    }
    return out.toString();
  }
}
