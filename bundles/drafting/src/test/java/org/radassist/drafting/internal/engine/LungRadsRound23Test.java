package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.drafting.PriorSummary;
import org.radassist.model.FieldStatus;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.StructuredField;

/**
 * Lung-RADS readings the holdout-7/8 misses showed wanting (round 23, helper "ls7"): slashed organ
 * headers of templated reports, mixed-attenuation nodules, a solid component that decides without
 * the total size, the prior study that gave a prior size, an addendum's revised assessment, a 4B
 * dictated for a nodule with 4X features, and an amount of growth said in the impression.
 */
class LungRadsRound23Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private DraftOutcome screening(String dictation, PriorSummary... priors) {
    return engine.draft(
        Fixtures.request(dictation)
            .ct()
            .indication("Annual lung cancer screening")
            .priors(priors)
            .build());
  }

  private static String category(DraftOutcome o) {
    StructuredField f =
        o.structuredFields().stream()
            .filter(s -> s.system() == ScoringSystem.LUNG_RADS && s.field().equals("category"))
            .findFirst()
            .orElse(null);
    if (f == null) {
      return null;
    }
    return f.status() == FieldStatus.COMPLETE ? f.value() : "incomplete " + f.missing();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "LUNGS/AIRWAYS: 16 mm solid nodule, right upper lobe.| 4B",
        "LUNGS/PLEURA: 9 mm solid nodule, left lower lobe.| 4A",
        "LUNG/AIRWAYS: 4 mm solid nodule in the lingula.| 2",
      })
  void aSlashedOrganHeaderAfterTheComparisonOpensTheFindings(String line, String expected) {
    DraftOutcome o =
        screening(
            "EXAM: LDCT.\nCOMPARISON: None.\n"
                + line
                + "\nHEART/MEDIASTINUM: Normal.\nIMPRESSION: Lung nodule.");
    assertThat(category(o)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Mixed attenuation nodule right upper lobe 14 mm, solid component 7 mm.| 4A",
        "Mixed density nodule in the left lower lobe, 10 mm with a 3 mm solid component.| 3",
        "Mixed attenuation 9 mm nodule in the lingula, solid component 8.5 mm.| 4B",
      })
  void aMixedAttenuationNoduleIsPartSolid(String findings, String expected) {
    assertThat(category(screening("Findings: " + findings))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a growing solid component of 4 mm or more is 4B whatever the total
        "Part-solid nodule in the left upper lobe; its solid component grew from 2 mm to 6 mm.| 4B",
        // a growing solid component under 4 mm is 4A whatever the total
        "Part-solid nodule right lower lobe, solid component increased from 1.5 mm to 3.5 mm.| 4A",
      })
  void aGrowingSolidComponentDecidesWithoutTheTotalSize(String findings, String expected) {
    PriorSummary prior =
        new PriorSummary("p1", -365, "CT", "Part-solid nodule 14 mm.", "Lung-RADS 3.");
    assertThat(category(screening("Findings: " + findings, prior))).isEqualTo(expected);
  }

  @Test
  void aBaselinePartSolidNoduleStillNeedsItsTotalSize() {
    // at baseline a total under 6 mm is 2 whatever the component: the size is needed
    assertThat(category(screening("Findings: Part-solid nodule RUL, solid component 3 mm.")))
        .startsWith("incomplete");
  }

  @Test
  void aPriorSizeIsComparedWithTheStudyWhoseReportGivesIt() {
    PriorSummary two = new PriorSummary("p2", -730, "CT", "LLL solid nodule 4.8 mm.", "");
    PriorSummary one = new PriorSummary("p1", -365, "CT", "LLL solid nodule 5.6 mm.", "");
    // 4.8 -> 6.5 mm is 1.7 mm in 24 months: slow growth (4B), not growth within 12 months (4A)
    DraftOutcome o =
        screening(
            "Findings: LLL solid nodule 6.5 mm, previously 5.6 mm and 4.8 mm.\nImpression: Lung"
                + " nodule.",
            two,
            one);
    assertThat(category(o)).isEqualTo("4B");
  }

  @Test
  void anAddendumsRevisedCategoryReplacesTheFirstOne() {
    DraftOutcome o =
        screening(
            "Findings: 6 mm solid nodule right lower lobe.\nImpression: Lung-RADS 3, LDCT in 6"
                + " months.\nADDENDUM: The outside CT of 2024 has been reviewed; the right lower"
                + " lobe nodule is stable. Revised assessment: Lung-RADS 2, LDCT in 12 months.");
    assertThat(category(o)).isEqualTo("2");
    assertThat(Fixtures.flagTypes(o)).doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void withoutAnAddendumTheFirstCategoryIsStillChecked() {
    DraftOutcome o =
        screening(
            "Findings: 6 mm solid nodule right lower lobe.\nImpression: Lung-RADS 3, LDCT in 12"
                + " months.");
    assertThat(Fixtures.flagTypes(o)).contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // 4B by size, spiculated, dictated 4B: the dictated 4B stands
        "18 mm spiculated solid nodule LUL.| Lung-RADS 4B.| 4B",
        // dictated 4X: 4X
        "18 mm spiculated solid nodule LUL.| Lung-RADS 4X.| 4X",
        // 3 by size with spiculation is 4X whatever was dictated
        "7 mm spiculated solid nodule LUL.| Lung-RADS 4B.| 4X",
      })
  void aDictated4bOfA4bNoduleWith4xFeaturesStands(
      String findings, String impression, String expected) {
    assertThat(category(screening("Findings: " + findings + "\nImpression: " + impression)))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Interval growth of the LUL nodule (1.8 mm).| false",
        "The LUL nodule has increased, 1.8 mm larger than before.| false",
        // not the difference: a size the findings do not give
        "Interval growth of the LUL nodule (2.5 mm).| true",
      })
  void anAmountOfGrowthIsNoSize(String impression, boolean mismatch) {
    PriorSummary prior = new PriorSummary("p1", -365, "CT", "LUL solid nodule 6.0 mm.", "");
    DraftOutcome o =
        screening(
            "Findings: LUL solid nodule 7.8 mm, was 6.0 mm on the prior.\nImpression: "
                + impression
                + " Lung-RADS 4A.",
            prior);
    assertThat(Fixtures.flagTypes(o).contains(FlagType.MEASUREMENT_MISMATCH)).isEqualTo(mismatch);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "The ascending aorta measures 4.6 cm.| 2",
        "Main pulmonary artery measures 3.4 cm.| 2",
        // a size sentence without a subject of its own still describes the nodule
        "It measures 16 mm.| 4B",
      })
  void aVesselMeasuredInTheNextSentenceIsNotTheNodule(String next, String expected) {
    assertThat(
            category(
                screening(
                    "Findings: 5 mm solid nodule in the left lower lobe. "
                        + next
                        + "\nImpression: Lung nodule.")))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "solid nodule left upper lobe measuring 9 point 2 millimeters| 4A",
        "solid nodule left upper lobe measuring 5 point 8 millimeters| 2",
        "solid nodule left upper lobe measuring 7 point five millimeters| 3",
      })
  void digitsWithASpokenPointAreADecimal(String findings, String expected) {
    assertThat(category(screening("Findings: " + findings + ".\nImpression: lung nodule.")))
        .isEqualTo(expected);
  }

  @Test
  void benignCalcificationBeforeAnAppositionIsTheNodules() {
    assertThat(
            category(
                screening(
                    "Findings: 9 mm nodule in the left upper lobe with popcorn calcification, a"
                        + " hamartoma.\nImpression: Benign nodule.")))
        .isEqualTo("1");
  }

  @Test
  void theCategoryOfThePriorScreenSaidInTheFindingsIsNotChecked() {
    PriorSummary prior =
        new PriorSummary("p1", -183, "CT", "Left lower lobe solid nodule 6 mm.", "Lung-RADS 3.");
    DraftOutcome o =
        screening(
            "Findings: The 6 mm left lower lobe solid nodule is unchanged since the prior screen,"
                + " which was Lung-RADS 3.\nImpression: Lung-RADS 2. LDCT in 12 months.",
            prior);
    assertThat(category(o)).isEqualTo("2");
    assertThat(Fixtures.flagTypes(o)).doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "LLL solid nodule 6.5 mm (5.6 mm on the 2025 screen, 4.8 mm on the 2024 screen).",
        "LLL solid nodule now 6.5 mm; it measured 5.6 mm last year and 4.8 mm the year before.",
        "LLL solid nodule 6.5 mm, previously 5.6 mm and 4.8 mm on the two prior screens.",
      })
  void sizesOfEarlierScreensSaidInWordsArePriorSizes(String findings) {
    PriorSummary two = new PriorSummary("p2", -730, "CT", "LLL solid nodule 4.8 mm.", "");
    PriorSummary one = new PriorSummary("p1", -365, "CT", "LLL solid nodule 5.6 mm.", "");
    // slow growth over two screens (1.7 mm in 24 months, 0.9 mm in the last 12): 4B
    assertThat(category(screening("Findings: " + findings + "\nImpression: Nodule.", two, one)))
        .isEqualTo("4B");
  }
}
