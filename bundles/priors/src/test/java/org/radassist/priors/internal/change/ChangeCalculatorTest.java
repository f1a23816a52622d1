package org.radassist.priors.internal.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radassist.priors.testing.Lesions.LIVER;
import static org.radassist.priors.testing.Lesions.RUL;
import static org.radassist.priors.testing.Lesions.lesion;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.priors.ChangeKind;
import org.radassist.priors.SizeMetric;
import org.radassist.priors.testing.Lesions;

class ChangeCalculatorTest {

  private final ChangeCalculator calculator = ChangeCalculator.defaults();

  private SizeChange lung(
      String priorLong,
      String priorShort,
      String priorUnit,
      String priorDate,
      String nowLong,
      String nowShort,
      String nowUnit,
      String nowDate) {
    return calculator.compute(
        FindingSize.of(lesion("p").site(RUL).axes(priorLong, priorShort, priorUnit).build()),
        LocalDate.parse(priorDate),
        FindingSize.of(lesion("c").site(RUL).axes(nowLong, nowShort, nowUnit).build()),
        LocalDate.parse(nowDate),
        Organ.LUNG);
  }

  @ParameterizedTest(name = "{0}x{1} {2} -> {3}x{4} {5}: delta {6} mm, growth {7}, {8}")
  @CsvSource({
    // growth is an increase in mean diameter of MORE than 1.5 mm
    "6.0, 6.0, mm, 7.5, 7.5, mm, 1.5, false, STABLE",
    "6.0, 6.0, mm, 7.6, 7.6, mm, 1.6, true, INCREASED",
    "6.0, 5.0, mm, 7.0, 6.6, mm, 1.3, false, STABLE",
    // mixed units: 0.60 cm is 6.0 mm
    "0.60, 0.60, cm, 7.6, 7.6, mm, 1.6, true, INCREASED",
    "0.60, 0.60, cm, 0.75, 0.75, cm, 1.5, false, STABLE",
    // the mean is taken to one decimal: (7.7 + 7.4) / 2 = 7.55 -> 7.6
    "6.0, 6.0, mm, 7.7, 7.4, mm, 1.6, true, INCREASED",
    "9.0, 8.0, mm, 6.5, 6.1, mm, -2.2, false, DECREASED",
    "9.0, 8.0, mm, 7.5, 6.5, mm, -1.5, false, STABLE",
  })
  void lungRadsGrowthAtTheBoundary(
      String pl,
      String ps,
      String pu,
      String cl,
      String cs,
      String cu,
      String delta,
      boolean growth,
      ChangeKind kind) {
    SizeChange change = lung(pl, ps, pu, "2025-11-20", cl, cs, cu, "2026-05-20");
    assertThat(change.metric()).isEqualTo(SizeMetric.MEAN_DIAMETER);
    assertThat(change.absoluteChange()).isEqualByComparingTo(delta);
    assertThat(change.lungRadsGrowth()).isEqualTo(growth);
    assertThat(change.kind()).isEqualTo(kind);
  }

  @ParameterizedTest(name = "{0} -> {1}: within 12 months {2}")
  @CsvSource({
    "2025-11-20, 2026-11-20, true",
    "2025-11-20, 2026-11-21, false",
    "2024-02-29, 2025-02-28, true",
    "2024-02-29, 2025-03-01, false",
  })
  void lungRadsGrowthOnlyWithinTwelveMonths(String prior, String now, boolean growth) {
    SizeChange change = lung("6.0", "6.0", "mm", prior, "8.0", "8.0", "mm", now);
    assertThat(change.lungRadsGrowth()).isEqualTo(growth);
    assertThat(change.kind()).isEqualTo(ChangeKind.INCREASED);
  }

  @ParameterizedTest(name = "{0} -> {1} mm from {2} to {3}: threshold growth {4}")
  @CsvSource({
    "20, 29.9, 2026-01-10, 2026-07-10, false",
    "20, 30.0, 2026-01-10, 2026-07-10, true",
    "2.0, 3.0, 2026-01-10, 2026-07-10, true",
    "20, 30.0, 2026-01-10, 2026-07-11, false",
    "20, 40.0, 2026-01-10, 2026-03-01, true",
  })
  void liRadsThresholdGrowthAtTheBoundary(
      String prior, String now, String priorDate, String nowDate, boolean growth) {
    SizeChange change =
        calculator.compute(
            FindingSize.of(lesion("p").site(LIVER).diameter(prior, "mm").build()),
            LocalDate.parse(priorDate),
            FindingSize.of(lesion("c").site(LIVER).diameter(now, "mm").build()),
            LocalDate.parse(nowDate),
            Organ.LIVER);
    assertThat(change.liRadsThresholdGrowth()).isEqualTo(growth);
    assertThat(change.lungRadsGrowth()).isFalse();
  }

  @Test
  void liRadsThresholdGrowthReadsCentimetres() {
    SizeChange change =
        calculator.compute(
            FindingSize.of(lesion("p").site(LIVER).diameter("1.2", "cm").build()),
            LocalDate.parse("2026-01-10"),
            FindingSize.of(lesion("c").site(LIVER).diameter("18", "mm").build()),
            LocalDate.parse("2026-06-10"),
            Organ.LIVER);
    assertThat(change.relativeChangePercent()).isEqualByComparingTo("50.0");
    assertThat(change.liRadsThresholdGrowth()).isTrue();
  }

  @Test
  void growthRulesApplyOnlyToTheirOrgan() {
    SizeChange liverRuleOnLung =
        lung("10", "10", "mm", "2026-01-01", "20", "20", "mm", "2026-02-01");
    assertThat(liverRuleOnLung.liRadsThresholdGrowth()).isFalse();
    SizeChange lungRuleOnLiver =
        calculator.compute(
            FindingSize.of(lesion("p").site(LIVER).axes("10", "10", "mm").build()),
            LocalDate.parse("2026-01-01"),
            FindingSize.of(lesion("c").site(LIVER).axes("13", "13", "mm").build()),
            LocalDate.parse("2026-02-01"),
            Organ.of(lesion("c").site(LIVER).build()));
    assertThat(lungRuleOnLiver.lungRadsGrowth()).isFalse();
  }

  @Test
  void volumeDoublingTimeFromMeasuredVolumes() {
    SizeChange change =
        calculator.compute(
            FindingSize.of(lesion("p").site(RUL).volume("100", "mm3").build()),
            LocalDate.parse("2025-01-01"),
            FindingSize.of(lesion("c").site(RUL).volume("0.2", "ml").build()),
            LocalDate.parse("2026-01-01"),
            Organ.LUNG);
    assertThat(change.metric()).isEqualTo(SizeMetric.VOLUME);
    assertThat(change.currentVolume()).isEqualByComparingTo("200");
    assertThat(change.volumeDoublingTimeDays()).isEqualTo(365L);
    assertThat(change.kind()).isEqualTo(ChangeKind.INCREASED);
  }

  @Test
  void volumeDoublingTimeFromThreeDiameters() {
    // every axis x 2^(1/3): the ellipsoid volume doubles
    double f = Math.cbrt(2);
    Lesions before = lesion("p").site(RUL).axes("10", "8", "mm").thirdAxis("6", "mm");
    Lesions after =
        lesion("c").site(RUL).axes(fmt(10 * f), fmt(8 * f), "mm").thirdAxis(fmt(6 * f), "mm");
    SizeChange change =
        calculator.compute(
            FindingSize.of(before.build()),
            LocalDate.parse("2025-06-01"),
            FindingSize.of(after.build()),
            LocalDate.parse("2025-12-01"),
            Organ.LUNG);
    assertThat(FindingSize.of(before.build()).volumeFromAxes()).isTrue();
    assertThat(change.priorVolume()).isEqualByComparingTo("251");
    // rounding the axes to 0.1 mm moves the ratio slightly off 2: 183 days +- a few
    assertThat(change.volumeDoublingTimeDays()).isBetween(175L, 190L);
  }

  @Test
  void noVolumeDoublingTimeFromTwoDiametersOrWhenShrinking() {
    assertThat(
            lung("6", "6", "mm", "2025-01-01", "9", "9", "mm", "2026-01-01")
                .volumeDoublingTimeDays())
        .isNull();
    SizeChange shrinking =
        calculator.compute(
            FindingSize.of(lesion("p").volume("300", "mm3").build()),
            LocalDate.parse("2025-01-01"),
            FindingSize.of(lesion("c").volume("100", "mm3").build()),
            LocalDate.parse("2026-01-01"),
            Organ.OTHER);
    assertThat(shrinking.volumeDoublingTimeDays()).isNull();
    assertThat(shrinking.kind()).isEqualTo(ChangeKind.DECREASED);
  }

  @ParameterizedTest(name = "volume {0} -> {1} mm3: {2}")
  @CsvSource({"100, 125, STABLE", "100, 126, INCREASED", "100, 75, STABLE", "100, 74, DECREASED"})
  void volumeOnlyFindingsUseARelativeTolerance(String before, String after, ChangeKind kind) {
    SizeChange change =
        calculator.compute(
            FindingSize.of(lesion("p").volume(before, "mm3").build()),
            LocalDate.parse("2025-01-01"),
            FindingSize.of(lesion("c").volume(after, "mm3").build()),
            LocalDate.parse("2026-01-01"),
            Organ.OTHER);
    assertThat(change.kind()).isEqualTo(kind);
  }

  @Test
  void relativeChangeToOneDecimal() {
    SizeChange change = lung("6.0", "6.0", "mm", "2025-11-20", "8.2", "8.2", "mm", "2026-11-20");
    assertThat(change.relativeChangePercent()).isEqualByComparingTo(new BigDecimal("36.7"));
    assertThat(change.intervalDays()).isEqualTo(365L);
  }

  @Test
  void findingsWithoutCommonMeasurementsAreNotComparable() {
    SizeChange change =
        calculator.compute(
            FindingSize.of(lesion("p").volume("100", "mm3").build()),
            LocalDate.parse("2025-01-01"),
            FindingSize.of(lesion("c").build()),
            LocalDate.parse("2026-01-01"),
            Organ.OTHER);
    assertThat(change.kind()).isEqualTo(ChangeKind.NOT_COMPARABLE);
  }

  private static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.1f", v);
  }
}
