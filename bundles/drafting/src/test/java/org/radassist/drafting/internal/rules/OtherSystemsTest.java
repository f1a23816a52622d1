package org.radassist.drafting.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.drafting.internal.rules.BiRads.Management;
import org.radassist.drafting.internal.rules.TiRads.Composition;
import org.radassist.drafting.internal.rules.TiRads.EchogenicFocus;
import org.radassist.drafting.internal.rules.TiRads.Echogenicity;
import org.radassist.drafting.internal.rules.TiRads.Margin;
import org.radassist.drafting.internal.rules.TiRads.Shape;

class OtherSystemsTest {

  @ParameterizedTest(name = "Fleischner {0} {1} mm multiple={2} high={3} -> {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SOLID| 5.4| false| false| <6 mm| no routine follow-up",
        "SOLID| 5.5| false| false| 6-8 mm| CT at 6-12 months, then consider CT at 18-24 months",
        "SOLID| 5.9| false| true| 6-8 mm| CT at 6-12 months, then CT at 18-24 months",
        "SOLID| 8.4| false| false| 6-8 mm| CT at 6-12 months, then consider CT at 18-24 months",
        "SOLID| 8.5| false| false| >8 mm| consider CT at 3 months, PET/CT, or tissue sampling",
        "SOLID| 4.0| false| true| <6 mm| optional CT at 12 months",
        "SOLID| 7.0| true| false| 6-8 mm| CT at 3-6 months, then consider CT at 18-24 months",
        "SOLID| 12.0| true| true| >8 mm| CT at 3-6 months, then CT at 18-24 months",
        "GROUND_GLASS| 5.4| false| false| <6 mm| no routine follow-up",
        "GROUND_GLASS| 6.0| false| false| >=6 mm| CT at 6-12 months to confirm persistence, then CT every 2 years until 5 years",
        "PART_SOLID| 6.0| false| false| >=6 mm| CT at 3-6 months to confirm persistence; if unchanged and solid component < 6 mm, annual CT for 5 years",
        "PART_SOLID| 5.0| true| false| <6 mm| CT at 3-6 months; if stable, consider CT at 2 and 4 years",
      })
  void fleischnerTable(
      Fleischner.NoduleType type,
      double mm,
      boolean multiple,
      boolean high,
      String band,
      String management) {
    Assessment a = Fleischner.recommend(new Fleischner.Nodule(type, mm, multiple, high), 60);
    assertThat(a.category()).isEqualTo(band);
    assertThat(a.management()).isEqualTo(management);
  }

  @ParameterizedTest(name = "Fleischner {0} {1} mm3 multiple={2} -> {3}")
  @CsvSource({
    "SOLID, 99, false, <6 mm",
    "SOLID, 100, false, 6-8 mm",
    "SOLID, 250, true, 6-8 mm",
    "SOLID, 251, false, >8 mm",
    "GROUND_GLASS, 99, false, <6 mm",
    "PART_SOLID, 100, false, >=6 mm",
  })
  void fleischnerVolumesUseTheTablesVolumeBands(
      Fleischner.NoduleType type, double mm3, boolean multiple, String band) {
    // the diameter given is ignored: a volume-only nodule is banded by its volume
    Assessment a = Fleischner.recommend(new Fleischner.Nodule(type, 0, multiple, false, mm3), 60);
    assertThat(a.category()).isEqualTo(band);
    assertThat(a.reason()).contains(Math.round(mm3) + " mm³");
  }

  @Test
  void fleischnerNeedsAgeAndRiskAndStopsBelowThirtyFive() {
    var solid = new Fleischner.Nodule(Fleischner.NoduleType.SOLID, 7, false, null);
    assertThat(Fleischner.recommend(solid, null).missing()).containsExactly("patient age");
    assertThat(Fleischner.recommend(solid, 50).missing()).containsExactly("risk (low or high)");
    assertThat(Fleischner.recommend(solid, 34).category()).isEqualTo("not applicable");
  }

  @ParameterizedTest(name = "BI-RADS {0} with {1} consistent={2}")
  @CsvSource({
    "0, ADDITIONAL_IMAGING, true",
    "1, ROUTINE_SCREENING, true",
    "2, ROUTINE_SCREENING, true",
    "3, SHORT_INTERVAL_FOLLOW_UP, true",
    "3, ROUTINE_SCREENING, false",
    "4, ROUTINE_SCREENING, false",
    "4A, TISSUE_DIAGNOSIS, true",
    "4C, SHORT_INTERVAL_FOLLOW_UP, false",
    "5, TISSUE_DIAGNOSIS, true",
    "5, ROUTINE_SCREENING, false",
    "6, SURGICAL_EXCISION, true",
    "2, TISSUE_DIAGNOSIS, false",
  })
  void biRadsCategoryMustAgreeWithManagement(String category, Management m, boolean ok) {
    assertThat(BiRads.consistent(category, m)).isEqualTo(ok);
  }

  @ParameterizedTest(name = "BI-RADS composition of \"{0}\" = {1}")
  @CsvSource({
    "The breasts are almost entirely fatty., a",
    "There are scattered areas of fibroglandular density., b",
    "The breasts are heterogeneously dense which may obscure small masses., c",
    "The breasts are extremely dense., d",
    "Breast density c., c",
  })
  void biRadsComposition(String text, String letter) {
    assertThat(BiRads.composition(text)).contains(letter);
  }

  @Test
  void biRadsScreeningAllowsZeroToTwoOnly() {
    assertThat(BiRads.allowedOnScreening("2")).isTrue();
    assertThat(BiRads.allowedOnScreening("3")).isFalse();
    assertThat(BiRads.assess("4b").category()).isEqualTo("4B");
    assertThatThrownBy(() -> BiRads.assess("7")).hasMessageContaining("not a BI-RADS category");
  }

  @ParameterizedTest(name = "LI-RADS APHE={0} {1} mm capsule={2} washout={3} growth={4} -> {5}")
  @CsvSource({
    // every cell of the diagnostic table, with the size boundaries 9.9/10, 19.9/20
    "false, 19.9, false, false, false, LR-3",
    "false, 19.9, true, false, false, LR-3",
    "false, 19.9, true, true, false, LR-4",
    "false, 20.0, false, false, false, LR-3",
    "false, 20.0, false, true, false, LR-4",
    "false, 20.0, true, true, true, LR-4",
    "true, 9.9, false, false, false, LR-3",
    "true, 9.9, false, true, false, LR-4",
    "true, 9.9, true, true, false, LR-4",
    "true, 10.0, false, false, false, LR-3",
    "true, 10.0, true, false, false, LR-4",
    "true, 10.0, false, true, false, LR-5",
    "true, 19.9, false, false, true, LR-5",
    "true, 15.0, true, true, false, LR-5",
    "true, 19.9, false, false, false, LR-3",
    "true, 20.0, false, false, false, LR-4",
    "true, 20.0, true, false, false, LR-5",
    "true, 25.0, false, true, true, LR-5",
  })
  void liRadsDiagnosticTable(
      boolean aphe, double mm, boolean capsule, boolean washout, boolean growth, String category) {
    assertThat(
            LiRads.categorize(new LiRads.Observation(aphe, mm, capsule, washout, growth))
                .category())
        .isEqualTo(category);
  }

  @ParameterizedTest(name = "threshold growth {0} -> {1} in {2} months = {3}")
  @CsvSource({"10, 15, 6, true", "10, 14.9, 6, false", "10, 20, 7, false"})
  void liRadsThresholdGrowth(double prior, double now, double months, boolean growth) {
    assertThat(LiRads.isThresholdGrowth(prior, now, months)).isEqualTo(growth);
  }

  @ParameterizedTest(name = "PI-RADS {0} T2W={1} DWI={2} DCE={3} -> {4}")
  @CsvSource({
    "PERIPHERAL, , 1, false, 1",
    "PERIPHERAL, , 2, false, 2",
    "PERIPHERAL, , 3, false, 3",
    "PERIPHERAL, , 3, true, 4",
    "PERIPHERAL, 5, 4, true, 4",
    "PERIPHERAL, , 5, false, 5",
    "TRANSITION, 1, 5, , 1",
    "TRANSITION, 2, 3, , 2",
    "TRANSITION, 2, 4, , 3",
    "TRANSITION, 2, 5, , 3",
    "TRANSITION, 3, 4, , 3",
    "TRANSITION, 3, 5, , 4",
    "TRANSITION, 4, 2, , 4",
    "TRANSITION, 5, 1, , 5",
  })
  void piRadsDominantSequenceAndUpgrades(
      PiRads.Zone zone, Integer t2w, Integer dwi, Boolean dce, String category) {
    assertThat(PiRads.assess(zone, t2w, dwi, dce).category()).isEqualTo(category);
  }

  @Test
  void piRadsNamesWhatIsMissingAndSplitsFourFromFiveAtOnePointFiveCentimetres() {
    assertThat(PiRads.assess(PiRads.Zone.PERIPHERAL, 3, 3, null).missing())
        .containsExactly("DCE (positive or negative)");
    assertThat(PiRads.assess(PiRads.Zone.TRANSITION, 2, null, null).missing())
        .containsExactly("DWI score");
    assertThat(PiRads.assess(null, 2, 2, null).isComplete()).isFalse();
    assertThat(PiRads.markedLesionScore(14.9, false)).isEqualTo(4);
    assertThat(PiRads.markedLesionScore(15.0, false)).isEqualTo(5);
    assertThat(PiRads.markedLesionScore(9.0, true)).isEqualTo(5);
  }

  @ParameterizedTest(name = "TI-RADS {0}/{1}/{2}/{3}/{4} = {5} points {6}")
  @CsvSource({
    "SPONGIFORM, HYPERECHOIC_OR_ISOECHOIC, WIDER_THAN_TALL, SMOOTH, NONE_OR_COMET_TAIL, 1, TR1",
    "CYSTIC, ANECHOIC, WIDER_THAN_TALL, SMOOTH, NONE_OR_COMET_TAIL, 0, TR1",
    "MIXED, HYPERECHOIC_OR_ISOECHOIC, WIDER_THAN_TALL, SMOOTH, NONE_OR_COMET_TAIL, 2, TR2",
    "SOLID, HYPERECHOIC_OR_ISOECHOIC, WIDER_THAN_TALL, SMOOTH, NONE_OR_COMET_TAIL, 3, TR3",
    "SOLID, HYPOECHOIC, WIDER_THAN_TALL, SMOOTH, NONE_OR_COMET_TAIL, 4, TR4",
    "SOLID, HYPOECHOIC, WIDER_THAN_TALL, LOBULATED_OR_IRREGULAR, NONE_OR_COMET_TAIL, 6, TR4",
    "SOLID, HYPOECHOIC, WIDER_THAN_TALL, LOBULATED_OR_IRREGULAR, MACROCALCIFICATION, 7, TR5",
    "SOLID, VERY_HYPOECHOIC, TALLER_THAN_WIDE, EXTRATHYROIDAL_EXTENSION, PUNCTATE, 14, TR5",
    "MIXED, HYPOECHOIC, WIDER_THAN_TALL, SMOOTH, PERIPHERAL_RIM, 5, TR4",
  })
  void tiRadsPointSums(
      Composition c,
      Echogenicity e,
      Shape s,
      Margin m,
      EchogenicFocus f,
      int points,
      String level) {
    TiRads.Nodule n = new TiRads.Nodule(c, e, s, m, Set.of(f), 12.0);
    assertThat(TiRads.points(n)).isEqualTo(points);
    assertThat(TiRads.assess(n).category()).isEqualTo(level);
  }

  @Test
  void tiRadsEchogenicFociAreAdditive() {
    TiRads.Nodule n =
        new TiRads.Nodule(
            Composition.SOLID,
            Echogenicity.HYPOECHOIC,
            Shape.WIDER_THAN_TALL,
            Margin.SMOOTH,
            EnumSet.of(EchogenicFocus.MACROCALCIFICATION, EchogenicFocus.PUNCTATE),
            null);
    assertThat(TiRads.points(n)).isEqualTo(8);
    assertThat(TiRads.assess(n).management()).startsWith("size needed");
    TiRads.Nodule partial =
        new TiRads.Nodule(Composition.SOLID, null, null, Margin.SMOOTH, null, 9.0);
    assertThat(TiRads.assess(partial).missing())
        .containsExactly("echogenicity", "shape", "echogenic foci");
  }

  @Test
  void tiRadsLevelIsDeterminedWhenTheUnstatedFeaturesCannotChangeIt() {
    // solid 2 + hypoechoic 2 + taller than wide 3 = 7: TR5 whatever margin and foci add
    TiRads.Nodule tallHypo =
        new TiRads.Nodule(
            Composition.SOLID, Echogenicity.HYPOECHOIC, Shape.TALLER_THAN_WIDE, null, null, 9.0);
    Assessment a = TiRads.assess(tallHypo);
    assertThat(a.category()).isEqualTo("TR5");
    assertThat(a.reason()).contains("7 points").contains("margin").contains("echogenic foci");
    // solid 2 + isoechoic 1 + irregular 2 + rim 2 = 7 with the shape unstated: TR5
    TiRads.Nodule noShape =
        new TiRads.Nodule(
            Composition.SOLID,
            Echogenicity.HYPERECHOIC_OR_ISOECHOIC,
            null,
            Margin.LOBULATED_OR_IRREGULAR,
            Set.of(EchogenicFocus.PERIPHERAL_RIM),
            15.0);
    assertThat(TiRads.assess(noShape).category()).isEqualTo("TR5");
  }

  @Test
  void tiRadsLevelStaysOpenWhenAnUnstatedFeatureCouldMoveIt() {
    // solid 2 + hypoechoic 2 + smooth 0 + wider than tall 0 = 4, foci unstated: 4 to 10 points
    TiRads.Nodule n =
        new TiRads.Nodule(
            Composition.SOLID,
            Echogenicity.HYPOECHOIC,
            Shape.WIDER_THAN_TALL,
            Margin.SMOOTH,
            null,
            12.0);
    Assessment a = TiRads.assess(n);
    assertThat(a.isComplete()).isFalse();
    assertThat(a.missing()).containsExactly("echogenic foci");
    assertThat(a.reason()).contains("up to 10");
    // 6 points (TR4) with the shape unstated could reach 9 (TR5): still open
    TiRads.Nodule six =
        new TiRads.Nodule(
            Composition.SOLID,
            Echogenicity.HYPOECHOIC,
            null,
            Margin.LOBULATED_OR_IRREGULAR,
            Set.of(EchogenicFocus.NONE_OR_COMET_TAIL),
            12.0);
    assertThat(TiRads.assess(six).missing()).containsExactly("shape");
    assertThat(TiRads.possibleLevels(n)).containsExactly("TR4", "TR5");
    assertThat(TiRads.possibleLevels(six)).containsExactly("TR4", "TR5");
  }

  @Test
  void asDictatedUnstatedShapeMarginAndFociScoreZeroOnceCompositionAndEchogenicityAreStated() {
    // solid 2 + hypoechoic 2, nothing else said: the points range is 4..13, the dictation gives TR4
    TiRads.Nodule said =
        new TiRads.Nodule(Composition.SOLID, Echogenicity.HYPOECHOIC, null, null, null, 16.0);
    assertThat(TiRads.assess(said).isComplete()).isFalse();
    Assessment a = TiRads.assessAsDictated(said);
    assertThat(a.category()).isEqualTo("TR4");
    assertThat(a.management()).startsWith("FNA");
    assertThat(a.reason())
        .contains("4 points")
        .contains("shape not stated: scored wider-than-tall")
        .contains("margin not stated: scored as cannot be determined (0)")
        .contains("echogenic foci not stated: scored as none");
    // only the unstated groups are named as assumed
    TiRads.Nodule noShape =
        new TiRads.Nodule(
            Composition.MIXED,
            Echogenicity.HYPERECHOIC_OR_ISOECHOIC,
            null,
            Margin.SMOOTH,
            Set.of(EchogenicFocus.PERIPHERAL_RIM),
            20.0);
    Assessment rim = TiRads.assessAsDictated(noShape);
    assertThat(rim.category()).isEqualTo("TR4");
    assertThat(rim.reason()).contains("shape not stated").doesNotContain("margin not stated");
  }

  @Test
  void asDictatedCompositionOrEchogenicityUnstatedStaysIncomplete() {
    TiRads.Nodule noEcho =
        new TiRads.Nodule(
            Composition.SOLID, null, Shape.WIDER_THAN_TALL, Margin.SMOOTH, Set.of(), 12.0);
    assertThat(TiRads.assessAsDictated(noEcho).missing()).containsExactly("echogenicity");
    TiRads.Nodule noComposition =
        new TiRads.Nodule(null, Echogenicity.HYPOECHOIC, null, null, null, 12.0);
    assertThat(TiRads.assessAsDictated(noComposition).missing()).contains("composition", "shape");
    // the range still decides where it can: taller than wide + very hypoechoic + irregular = 8
    TiRads.Nodule decided =
        new TiRads.Nodule(
            null,
            Echogenicity.VERY_HYPOECHOIC,
            Shape.TALLER_THAN_WIDE,
            Margin.LOBULATED_OR_IRREGULAR,
            null,
            12.0);
    assertThat(TiRads.assessAsDictated(decided).category()).isEqualTo("TR5");
  }

  @ParameterizedTest(name = "{0} at {1} mm -> {2}")
  @CsvSource({
    "TR3, 24.9, follow-up ultrasound",
    "TR3, 25.0, FNA",
    "TR3, 14.9, no FNA or follow-up",
    "TR3, 15.0, follow-up ultrasound",
    "TR4, 14.9, follow-up ultrasound",
    "TR4, 15.0, FNA",
    "TR4, 9.9, no FNA or follow-up",
    "TR5, 9.9, follow-up ultrasound",
    "TR5, 10.0, FNA",
    "TR5, 4.9, no FNA or follow-up",
    "TR2, 40.0, no FNA",
  })
  void tiRadsSizeThresholds(String level, double mm, String advice) {
    assertThat(TiRads.recommendation(level, mm)).startsWith(advice);
  }
}
