package org.radassist.priors.internal.change;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.radassist.model.CodedConcept;
import org.radassist.model.Finding;
import org.radassist.model.Measurement;
import org.radassist.priors.SizeMetric;

/**
 * The sizes of one finding in millimetres, read from its measurements whatever unit they were
 * encoded in (um, mm, cm, m; mm3, cm3, ml). Lengths are rounded to one decimal as Lung-RADS
 * prescribes before the mean diameter is taken, so that boundary comparisons (growth &gt; 1.5 mm)
 * are exact decimal arithmetic rather than floating point.
 *
 * @param longAxis long axis, or null
 * @param shortAxis short axis, or null
 * @param thirdAxis the axis perpendicular to both, or null
 * @param longest the longest length of any kind (diameter, axis), or null
 * @param volume a measured volume, else the ellipsoid volume from three axes, else null
 * @param volumeFromAxes true when {@code volume} was computed from three axes
 */
public record FindingSize(
    BigDecimal longAxis,
    BigDecimal shortAxis,
    BigDecimal thirdAxis,
    BigDecimal longest,
    BigDecimal volume,
    boolean volumeFromAxes) {

  private static final Set<String> LONG_AXIS = Set.of("103339001", "G-A185");
  private static final Set<String> SHORT_AXIS = Set.of("103340004", "G-A186");
  private static final Set<String> THIRD_AXIS = Set.of("G-A193");
  private static final Set<String> VOLUME = Set.of("118565006", "G-D705");
  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  public static FindingSize of(Finding finding) {
    BigDecimal longAxis = null;
    BigDecimal shortAxis = null;
    BigDecimal thirdAxis = null;
    BigDecimal longest = null;
    BigDecimal volume = null;
    for (Measurement m : finding.measurements()) {
      Optional<BigDecimal> length = millimetres(m);
      if (length.isPresent()) {
        BigDecimal mm = length.get();
        switch (axisOf(m.concept())) {
          case "long" -> longAxis = max(longAxis, mm);
          case "short" -> shortAxis = max(shortAxis, mm);
          case "third" -> thirdAxis = max(thirdAxis, mm);
          default -> {}
        }
        longest = max(longest, mm);
        continue;
      }
      Optional<BigDecimal> cubic = cubicMillimetres(m);
      if (cubic.isPresent() && isVolume(m.concept())) {
        volume = max(volume, cubic.get());
      }
    }
    boolean fromAxes = false;
    if (volume == null && longAxis != null && shortAxis != null && thirdAxis != null) {
      // ellipsoid: pi/6 * a * b * c
      volume =
          BigDecimal.valueOf(Math.PI / 6)
              .multiply(longAxis)
              .multiply(shortAxis)
              .multiply(thirdAxis)
              .setScale(0, RoundingMode.HALF_UP);
      fromAxes = true;
    }
    return new FindingSize(longAxis, shortAxis, thirdAxis, longest, volume, fromAxes);
  }

  /** (long + short) / 2 to one decimal, when both axes were measured. */
  public Optional<BigDecimal> meanDiameter() {
    if (longAxis == null || shortAxis == null) {
      return Optional.empty();
    }
    return Optional.of(longAxis.add(shortAxis).divide(TWO, 1, RoundingMode.HALF_UP));
  }

  /** The size used for comparison, in the metric a finding of this kind is best compared by. */
  public SizeMetric preferredMetric() {
    if (meanDiameter().isPresent()) {
      return SizeMetric.MEAN_DIAMETER;
    }
    if (longest != null) {
      return SizeMetric.DIAMETER;
    }
    return volume != null ? SizeMetric.VOLUME : SizeMetric.NONE;
  }

  /** The size in the given metric (mm for diameters, mm3 for volume). */
  public Optional<BigDecimal> in(SizeMetric metric) {
    return switch (metric) {
      case MEAN_DIAMETER -> meanDiameter();
      case DIAMETER -> Optional.ofNullable(longest);
      case VOLUME -> Optional.ofNullable(volume);
      case NONE -> Optional.empty();
    };
  }

  /** The metric both sizes can be compared in, the most precise one first. */
  public static SizeMetric commonMetric(FindingSize a, FindingSize b) {
    if (a.meanDiameter().isPresent() && b.meanDiameter().isPresent()) {
      return SizeMetric.MEAN_DIAMETER;
    }
    if (a.longest != null && b.longest != null) {
      return SizeMetric.DIAMETER;
    }
    if (a.volume != null && b.volume != null) {
      return SizeMetric.VOLUME;
    }
    return SizeMetric.NONE;
  }

  static Optional<BigDecimal> millimetres(Measurement m) {
    BigDecimal factor =
        switch (m.unit().code()) {
          case "um" -> new BigDecimal("0.001");
          case "mm" -> BigDecimal.ONE;
          case "cm" -> BigDecimal.TEN;
          case "m" -> BigDecimal.valueOf(1000);
          default -> null;
        };
    return factor == null
        ? Optional.empty()
        : Optional.of(m.value().multiply(factor).setScale(1, RoundingMode.HALF_UP));
  }

  static Optional<BigDecimal> cubicMillimetres(Measurement m) {
    BigDecimal factor =
        switch (m.unit().code().toLowerCase(Locale.ROOT)) {
          case "mm3" -> BigDecimal.ONE;
          case "cm3", "ml" -> BigDecimal.valueOf(1000);
          default -> null;
        };
    return factor == null
        ? Optional.empty()
        : Optional.of(m.value().multiply(factor, MathContext.DECIMAL64));
  }

  private static String axisOf(CodedConcept concept) {
    String meaning = concept.meaning().toLowerCase(Locale.ROOT);
    if (LONG_AXIS.contains(concept.code()) || meaning.contains("long axis")) {
      return "long";
    }
    if (SHORT_AXIS.contains(concept.code()) || meaning.contains("short axis")) {
      return "short";
    }
    if (THIRD_AXIS.contains(concept.code())
        || meaning.contains("perpendicular")
        || meaning.contains("third axis")) {
      return "third";
    }
    return "other";
  }

  private static boolean isVolume(CodedConcept concept) {
    return VOLUME.contains(concept.code())
        || concept.meaning().toLowerCase(Locale.ROOT).contains("volume");
  }

  private static BigDecimal max(BigDecimal a, BigDecimal b) {
    return a == null || b.compareTo(a) > 0 ? b : a;
  }
}
