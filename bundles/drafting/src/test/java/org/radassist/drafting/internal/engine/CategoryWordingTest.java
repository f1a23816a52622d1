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
 * Ways of saying sizes, types, scores and categories that holdout-5 showed the engine missing
 * (issue 14, round 20): nodules whose unknown size or type cannot change their category, new
 * nodules counted after the noun, a category said without its subdivision letter, spoken
 * corrections, a participle clause after a negated feature, the degree of restricted diffusion in
 * other words, and suspected cancer recurrence.
 */
class CategoryWordingTest {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private static final PriorSummary SMALL_NODULES =
      new PriorSummary(
          "p1", -365, "CT", "Two 3 mm solid nodules in the left lower lobe.", "Lung-RADS 2.");

  private DraftOutcome screening(String dictation, PriorSummary... priors) {
    return engine.draft(
        Fixtures.request(dictation)
            .ct()
            .indication("Annual lung cancer screening")
            .priors(priors)
            .build());
  }

  private static String lungRads(DraftOutcome o) {
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

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // unchanged: category 2 whatever the size and type, so the new nodule decides
        "New 3.8 mm solid nodule in the right middle lobe. Previously noted tiny nodules are stable."
            + "| 2",
        "New solid nodule RML 4.0 mm. Other nodules unchanged.| 3",
        // below 6 mm at baseline every type is 2: the 16 mm solid nodule decides
        "3 mm and 5 mm nodules in the right lung. 16 x 16 mm solid nodule in the left upper lobe.|"
            + " 4B",
      })
  void aNoduleWhoseMissingSizeOrTypeCannotChangeTheCategoryDoesNotBlockIt(
      String findings, String category) {
    assertThat(lungRads(screening("Findings: " + findings, SMALL_NODULES))).isEqualTo(category);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // solid 4A, part-solid 3, ground-glass 2
        "9 mm nodule in the right lower lobe.",
        // new: solid or part-solid 3, ground-glass 2
        "New 4.5 mm nodule in the left upper lobe.",
        // no size and no word of change
        "Several nodules in both lower lobes.",
      })
  void aNoduleWhoseTypeOrSizeWouldChangeTheCategoryKeepsItIncomplete(String findings) {
    assertThat(lungRads(screening("Findings: " + findings))).startsWith("incomplete");
  }

  @Test
  void moreThanSixNewNodulesCountedAfterTheNounMakeTheScreenIncomplete() {
    String infection =
        "Findings: In both lungs are present many new small nodules with tree-in-bud pattern in the"
            + " right lower lobe, more than ten, probably infectious bronchiolitis.";
    assertThat(lungRads(screening(infection, SMALL_NODULES))).isEqualTo("0");
    String distance =
        "Findings: New 5 mm solid nodule in the left lower lobe, more than 12 months after the last"
            + " negative screen.";
    assertThat(lungRads(screening(distance, SMALL_NODULES))).isEqualTo("3");
  }

  @ParameterizedTest(name = "{0} / {1}: {2}")
  @CsvSource({
    "4, 4A, true",
    "4, 4B, true",
    "4, 4X, true",
    "4A, 4, true",
    "4, 4C, true",
    "4 B, 4B, true",
    "4A, 4B, false",
    "3, 4A, false",
    "4, 4S, false",
    "LR-4, LR-4, true",
    "LR-4, LR-3, false",
  })
  void aCategoryWithoutItsLetterAgreesWithEachOfItsSubdivisions(
      String said, String other, boolean agree) {
    assertThat(LungRadsDictationCheck.sameCategory(said, other)).isEqualTo(agree);
  }

  @Test
  void aDictatedLungRadsFourWithoutItsLetterIsNoContradictionOfFourAOrFourB() {
    DraftOutcome fourA =
        screening(
            "lungs there is a twelve millimeter solid nodule in the right lower lobe period"
                + " impression lung rads four a period recommend three month low dose ct period");
    assertThat(lungRads(fourA)).isEqualTo("4A");
    assertThat(Fixtures.flagTypes(fourA)).doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
    DraftOutcome fourB =
        screening(
            "Findings: 16 mm solid nodule in the right upper lobe.\n"
                + "Impression: Lung-RADS 4. PET/CT and pulmonology referral recommended.");
    assertThat(lungRads(fourB)).isEqualTo("4B");
    assertThat(Fixtures.flagTypes(fourB)).doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
    DraftOutcome three =
        screening(
            "Findings: 16 mm solid nodule in the right upper lobe.\n"
                + "Impression: Lung-RADS 3. 6-month LDCT.");
    assertThat(Fixtures.flagTypes(three)).contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "BI-RADS 4A, no, scratch that, BI-RADS 3, probably benign. Follow-up in 6 months.| 3",
        "BI-RADS 5, correction, BI-RADS 4B. Core biopsy recommended.| 4B",
        "BI-RADS 4A - no, BI-RADS 3. Follow-up ultrasound in 6 months.| 3",
        // a "no" that starts the next statement takes nothing back
        "BI-RADS 2, no further workup needed. Routine screening.| 2",
      })
  void aSpokenCorrectionTakesBackTheCategorySaidBeforeIt(String impression, String category) {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "Findings: 6 mm oval circumscribed hypoechoic mass left breast 4 o'clock.\n"
                        + "Impression: "
                        + impression)
                .modality("US", "BREAST")
                .build());
    assertThat(Fixtures.field(o, ScoringSystem.BI_RADS, "assessment")).isEqualTo(category);
  }

  @Test
  void aParticipleClauseAfterANegatedFeatureAssertsItsOwnFeatures() {
    DraftOutcome washout =
        engine.draft(
            Fixtures.request(
                    "Findings: Segment 5, 20 mm observation without APHE, showing nonperipheral"
                        + " washout.")
                .modality("CT", "LIVER")
                .indication("Cirrhosis. HCC surveillance.")
                .build());
    assertThat(Fixtures.field(washout, ScoringSystem.LI_RADS, "category")).isEqualTo("LR-4");
    DraftOutcome none =
        engine.draft(
            Fixtures.request(
                    "Findings: Segment 5, 20 mm observation without APHE, washout or capsule.")
                .modality("CT", "LIVER")
                .indication("Cirrhosis. HCC surveillance.")
                .build());
    assertThat(Fixtures.field(none, ScoringSystem.LI_RADS, "category")).isEqualTo("LR-3");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Peripheral zone right apex: focal lesion 11 mm with strong restriction of diffusion.| 4",
        "Left peripheral zone: 9 mm focal lesion with intense diffusion restriction.| 4",
        "Right peripheral zone base: 18 mm focal lesion with pronounced restriction.| 5",
      })
  void theDegreeOfRestrictedDiffusionInOtherWordsGivesTheDwiScore(
      String findings, String category) {
    DraftOutcome o =
        engine.draft(
            Fixtures.request("Findings: " + findings + "\nImpression: PI-RADS " + category + ".")
                .modality("MR", "PROSTATE")
                .build());
    assertThat(Fixtures.field(o, ScoringSystem.PI_RADS, "category")).isEqualTo(category);
    assertThat(Fixtures.flagTypes(o)).doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "8 mm enhancing nodule at the vesicourethral anastomosis, suspicious for local recurrence."
            + "| true",
        "Presacral soft tissue mass, suspicious for tumour recurrence.| true",
        "The vesicourethral anastomosis is unremarkable. No evidence of local recurrence.| false",
        "No residual or recurrent subdural collection.| false",
      })
  void suspectedRecurrenceOfACancerIsAnActionableFinding(String findings, boolean actionable) {
    DraftOutcome o =
        engine.draft(
            Fixtures.request("Findings: Status post resection. " + findings)
                .modality("MR", "PELVIS")
                .build());
    assertThat(Fixtures.flagTypes(o).contains(FlagType.ACTIONABLE_FINDING)).isEqualTo(actionable);
  }
}
