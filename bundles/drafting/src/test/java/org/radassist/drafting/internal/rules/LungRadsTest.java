package org.radassist.drafting.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.drafting.internal.rules.LungRads.Nodule;
import org.radassist.drafting.internal.rules.LungRads.NoduleType;
import org.radassist.drafting.internal.rules.LungRads.Status;

class LungRadsTest {

  @ParameterizedTest(name = "{0} {1} {2} mm -> {3}")
  @CsvSource({
    // type, status, mean diameter, expected category: every published solid boundary
    "SOLID, BASELINE, 5.9, 2",
    "SOLID, BASELINE, 6.0, 3",
    "SOLID, BASELINE, 7.9, 3",
    "SOLID, BASELINE, 8.0, 4A",
    "SOLID, BASELINE, 14.9, 4A",
    "SOLID, BASELINE, 15.0, 4B",
    "SOLID, BASELINE, 5.95, 3",
    "SOLID, NEW, 3.9, 2",
    "SOLID, NEW, 4.0, 3",
    "SOLID, NEW, 5.9, 3",
    "SOLID, NEW, 6.0, 4A",
    "SOLID, NEW, 7.9, 4A",
    "SOLID, NEW, 8.0, 4B",
    "SOLID, GROWING, 7.9, 4A",
    "SOLID, GROWING, 8.0, 4B",
    "SOLID, SLOW_GROWING, 5.0, 4B",
    "SOLID, STABLE, 12.0, 2",
    "GROUND_GLASS, BASELINE, 29.9, 2",
    "GROUND_GLASS, BASELINE, 30.0, 3",
    "GROUND_GLASS, NEW, 30.0, 3",
    "GROUND_GLASS, STABLE, 35.0, 2",
    "GROUND_GLASS, SLOW_GROWING, 35.0, 2",
  })
  void solidAndNonSolidNodules(NoduleType type, Status status, double mm, String category) {
    Assessment a = LungRads.classify(new Nodule(type, mm, null, status, false, false, false, null));
    assertThat(a.category()).isEqualTo(category);
    assertThat(a.management()).isEqualTo(LungRads.management(category));
    assertThat(a.reason()).isNotBlank();
  }

  @ParameterizedTest(name = "part-solid {0} total {1} solid {2} -> {3}")
  @CsvSource({
    "BASELINE, 5.9, 3.0, 2",
    "BASELINE, 6.0, 5.9, 3",
    "BASELINE, 10.0, 6.0, 4A",
    "BASELINE, 10.0, 7.9, 4A",
    "BASELINE, 12.0, 8.0, 4B",
    "NEW, 5.9, 2.0, 3",
    "NEW, 9.0, 3.9, 4A",
    "NEW, 9.0, 4.0, 4B",
    "GROWING, 9.0, 3.9, 4A",
    "GROWING, 9.0, 4.0, 4B",
  })
  void partSolidNodulesDependOnTheSolidComponent(
      Status status, double total, double solid, String category) {
    Assessment a =
        LungRads.classify(
            new Nodule(NoduleType.PART_SOLID, total, solid, status, false, false, false, null));
    assertThat(a.category()).isEqualTo(category);
  }

  @ParameterizedTest(name = "prior {0} mm, now {1} mm, {2} months -> growth {3}")
  @CsvSource({
    "6.0, 7.5, 12, false",
    "6.0, 7.6, 12, true",
    "6.1, 7.6, 6, false",
    "6.1, 7.7, 6, true",
    "6.0, 8.0, 13, false",
    "8.0, 6.0, 3, false",
  })
  void growthIsMoreThanOnePointFiveMillimetresWithinTwelveMonths(
      double prior, double now, double months, boolean growth) {
    assertThat(LungRads.isGrowth(prior, now, months)).isEqualTo(growth);
  }

  @ParameterizedTest(name = "stepped: {0} stable -> {1}")
  @CsvSource({"4A, 3", "3, 2", "2, 2", "4B, 4B"})
  void steppedManagementOfStableNodules(String prior, String category) {
    Assessment a =
        LungRads.classify(
            new Nodule(NoduleType.SOLID, 9.0, null, Status.STABLE, false, false, false, prior));
    assertThat(a.category()).isEqualTo(category);
  }

  @ParameterizedTest(name = "features: {0} mm benign={1} juxtapleural={2} suspicious={3} -> {4}")
  @CsvSource({
    "20.0, true, false, false, 1",
    "9.9, false, true, false, 2",
    "10.0, false, true, false, 4A",
    "7.0, false, false, true, 4X",
    "9.0, false, false, true, 4X",
    "5.0, false, false, true, 2",
  })
  void benignAndSuspiciousFeatures(
      double mm, boolean benign, boolean juxta, boolean suspicious, String category) {
    Assessment a =
        LungRads.classify(
            new Nodule(
                NoduleType.SOLID, mm, null, Status.BASELINE, benign, juxta, suspicious, null));
    assertThat(a.category()).isEqualTo(category);
  }

  @ParameterizedTest(name = "mean of {0} x {1} = {2}")
  @CsvSource({"8.2, 6.1, 7.2", "6.0, 5.9, 6.0", "5.9, 5.8, 5.9", "10.0, 8.0, 9.0"})
  void meanDiameterIsTakenToOneDecimal(double longAxis, double shortAxis, double mean) {
    assertThat(Millimetres.meanDiameter(longAxis, shortAxis)).isEqualTo(mean);
  }

  @org.junit.jupiter.api.Test
  void theExamTakesTheMostSuspiciousNoduleAndAPartSolidNoduleNeedsItsSolidPart() {
    Assessment a = LungRads.classify(Nodule.solid(6.5, Status.BASELINE));
    Assessment b = LungRads.classify(Nodule.solid(8.5, Status.NEW));
    assertThat(LungRads.exam(List.of(a, b)).category()).isEqualTo("4B");
    assertThat(LungRads.exam(List.of()).category()).isEqualTo("1");
    Assessment incomplete =
        LungRads.classify(
            new Nodule(NoduleType.PART_SOLID, 9, null, Status.BASELINE, false, false, false, null));
    assertThat(incomplete.isComplete()).isFalse();
    assertThat(incomplete.missing()).containsExactly("solid component size");
  }

  @ParameterizedTest(name = "airway nodule {0} {1} -> {2}")
  @CsvSource({
    "SUBSEGMENTAL, BASELINE, 2",
    "SUBSEGMENTAL, STABLE, 2",
    "SEGMENTAL_OR_PROXIMAL, BASELINE, 4A",
    "SEGMENTAL_OR_PROXIMAL, NEW, 4A",
    "SEGMENTAL_OR_PROXIMAL, STABLE, 4B",
  })
  void airwayNodulesGoByTheirLevel(LungRads.AirwayLevel level, Status status, String category) {
    Assessment a = LungRads.airwayNodule(level, status);
    assertThat(a.category()).isEqualTo(category);
    assertThat(a.management()).isEqualTo(LungRads.management(category));
  }

  @ParameterizedTest(name = "cyst thick={0} multilocular={1} {2} -> {3}")
  @CsvSource({
    "true, false, NONE, 4A",
    "false, true, NONE, 4A",
    "true, true, NONE, 4A",
    "false, false, BECAME_MULTILOCULAR, 4A",
    "true, false, BECAME_MULTILOCULAR, 4A",
    "true, false, GROWING, 3",
    "false, true, GROWING, 4B",
    "true, false, WALL_GROWING, 4B",
    "false, true, MORE_LOCULATION_OR_OPACITY, 4B",
    "true, false, STABLE, 2",
  })
  void atypicalCystsGoByWallLoculationAndChange(
      boolean thick, boolean multi, LungRads.CystChange change, String category) {
    assertThat(LungRads.atypicalCyst(thick, multi, change, null).category()).isEqualTo(category);
  }

  @org.junit.jupiter.api.Test
  void aThinWalledUnilocularCystIsNotCategorisedAndAStableAtypicalCystStepsDown() {
    assertThat(LungRads.atypicalCyst(false, false, LungRads.CystChange.NONE, null)).isNull();
    assertThat(LungRads.atypicalCyst(false, false, LungRads.CystChange.GROWING, null)).isNull();
    assertThat(LungRads.atypicalCyst(true, false, LungRads.CystChange.STABLE, "4A").category())
        .isEqualTo("3");
  }

  @org.junit.jupiter.api.Test
  void categoryZeroSaysWhyAndAsksForComparisonOrShortFollowUp() {
    Assessment a = LungRads.incompleteExam("prior chest CT being located for comparison");
    assertThat(a.category()).isEqualTo("0");
    assertThat(a.reason()).contains("prior chest CT");
    assertThat(a.management()).contains("comparison").contains("1-3 month LDCT");
  }
}
