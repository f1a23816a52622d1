package org.radassist.priors.internal.change;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.radassist.priors.ChangeKind;
import org.radassist.priors.SizeMetric;

/**
 * Size change between two dated measurements of one lesion, with the published growth rules:
 *
 * <ul>
 *   <li>Lung-RADS v2022 growth: mean diameter up by <em>more than</em> 1.5 mm within 12 months
 *       (lung findings only).
 *   <li>LI-RADS v2018 threshold growth: size up by <em>at least</em> 50% in at most 6 months (liver
 *       findings only, on the longest diameter).
 *   <li>Volume doubling time = interval x ln 2 / ln(V2 / V1), from measured volumes or the
 *       ellipsoid volume of three axes, when the volume grew.
 * </ul>
 *
 * Stable / increased / decreased: a diameter change within {@code toleranceMillimetres} (1.5 mm by
 * default, the Lung-RADS growth step and about the inter-reader variability of small nodules) is
 * stable; for volume-only findings a change within {@code volumeTolerancePercent} (25% by default)
 * is stable.
 */
public final class ChangeCalculator {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal LUNG_RADS_GROWTH_MM = new BigDecimal("1.5");

  private final BigDecimal toleranceMillimetres;
  private final BigDecimal volumeTolerancePercent;

  public ChangeCalculator(BigDecimal toleranceMillimetres, BigDecimal volumeTolerancePercent) {
    this.toleranceMillimetres = toleranceMillimetres;
    this.volumeTolerancePercent = volumeTolerancePercent;
  }

  public static ChangeCalculator defaults() {
    return new ChangeCalculator(new BigDecimal("1.5"), BigDecimal.valueOf(25));
  }

  public BigDecimal toleranceMillimetres() {
    return toleranceMillimetres;
  }

  public SizeChange compute(
      FindingSize prior,
      LocalDate priorDate,
      FindingSize current,
      LocalDate currentDate,
      Organ organ) {
    SizeMetric metric = FindingSize.commonMetric(prior, current);
    Long interval =
        priorDate != null && currentDate != null
            ? ChronoUnit.DAYS.between(priorDate, currentDate)
            : null;
    BigDecimal priorVolume = bothVolumes(prior, current) ? prior.volume() : null;
    BigDecimal currentVolume = bothVolumes(prior, current) ? current.volume() : null;
    Long vdt = volumeDoublingTime(priorVolume, currentVolume, interval);
    if (metric == SizeMetric.NONE) {
      return new SizeChange(
          ChangeKind.NOT_COMPARABLE,
          metric,
          null,
          null,
          null,
          null,
          priorVolume,
          currentVolume,
          vdt,
          interval,
          priorDate,
          currentDate,
          false,
          false);
    }
    BigDecimal before = prior.in(metric).orElseThrow();
    BigDecimal after = current.in(metric).orElseThrow();
    BigDecimal delta = after.subtract(before);
    BigDecimal relative =
        before.signum() == 0
            ? null
            : delta.multiply(HUNDRED).divide(before, 1, RoundingMode.HALF_UP);
    ChangeKind kind = classify(metric, delta, before);
    boolean lungRadsGrowth =
        organ == Organ.LUNG
            && metric != SizeMetric.VOLUME
            && delta.compareTo(LUNG_RADS_GROWTH_MM) > 0
            && within(priorDate, currentDate, 12);
    boolean liRadsGrowth =
        organ == Organ.LIVER
            && liRadsThresholdGrowth(prior, current)
            && within(priorDate, currentDate, 6);
    return new SizeChange(
        kind,
        metric,
        before,
        after,
        metric == SizeMetric.VOLUME ? delta.setScale(0, RoundingMode.HALF_UP) : delta,
        relative,
        priorVolume,
        currentVolume,
        vdt,
        interval,
        priorDate,
        currentDate,
        lungRadsGrowth,
        liRadsGrowth);
  }

  /** True when the change from {@code before} to {@code after} is within the stable tolerance. */
  public boolean isStable(SizeMetric metric, BigDecimal before, BigDecimal after) {
    return classify(metric, after.subtract(before), before) == ChangeKind.STABLE;
  }

  private ChangeKind classify(SizeMetric metric, BigDecimal delta, BigDecimal before) {
    if (metric == SizeMetric.VOLUME) {
      if (before.signum() == 0) {
        return delta.signum() > 0 ? ChangeKind.INCREASED : ChangeKind.STABLE;
      }
      BigDecimal percent = delta.multiply(HUNDRED).divide(before, 4, RoundingMode.HALF_UP);
      if (percent.abs().compareTo(volumeTolerancePercent) <= 0) {
        return ChangeKind.STABLE;
      }
      return percent.signum() > 0 ? ChangeKind.INCREASED : ChangeKind.DECREASED;
    }
    if (delta.abs().compareTo(toleranceMillimetres) <= 0) {
      return ChangeKind.STABLE;
    }
    return delta.signum() > 0 ? ChangeKind.INCREASED : ChangeKind.DECREASED;
  }

  // LI-RADS measures the longest dimension (not volume); 2 x after >= 3 x before is ">= 50%"
  // exactly
  private static boolean liRadsThresholdGrowth(FindingSize prior, FindingSize current) {
    BigDecimal before = prior.longest();
    BigDecimal after = current.longest();
    return before != null
        && after != null
        && before.signum() > 0
        && after.multiply(BigDecimal.valueOf(2)).compareTo(before.multiply(BigDecimal.valueOf(3)))
            >= 0;
  }

  /** Whether the current date is no later than {@code months} calendar months after the prior. */
  static boolean within(LocalDate priorDate, LocalDate currentDate, int months) {
    if (priorDate == null || currentDate == null || currentDate.isBefore(priorDate)) {
      return false;
    }
    return !currentDate.isAfter(priorDate.plusMonths(months));
  }

  private static boolean bothVolumes(FindingSize a, FindingSize b) {
    return a.volume() != null && b.volume() != null;
  }

  static Long volumeDoublingTime(BigDecimal before, BigDecimal after, Long intervalDays) {
    if (before == null
        || after == null
        || intervalDays == null
        || intervalDays <= 0
        || before.signum() <= 0
        || after.compareTo(before) <= 0) {
      return null;
    }
    double ratio = after.doubleValue() / before.doubleValue();
    return Math.round(intervalDays * Math.log(2) / Math.log(ratio));
  }
}
