package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.radassist.drafting.PriorSummary;
import org.radassist.model.CriticalCategory;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.SectionKind;

/**
 * Dictations in other radiologists' styles (raw speech, telegraphic lists, recommendations in
 * words, findings named in other words) and what the draft must make of them.
 */
class DictationVariantsTest {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private DraftOutcome liver(String dictation) {
    return engine.draft(
        Fixtures.request(dictation)
            .modality("MR", "ABDOMEN")
            .indication("Cirrhosis, HCC surveillance.")
            .build());
  }

  private DraftOutcome screening(String dictation, PriorSummary... priors) {
    return engine.draft(
        Fixtures.request(dictation)
            .ct()
            .indication("Annual low-dose CT lung cancer screening.")
            .priors(priors)
            .build());
  }

  @Test
  void aListItemThatAssertsItselfIsNotNegatedByTheItemBefore() {
    DraftOutcome o =
        liver(
            "Findings: Segment 5 observation, 20 mm, no arterial phase hyperenhancement, washout"
                + " present, no capsule.\nImpression: 20 mm observation, LR-4.");
    assertThat(Fixtures.field(o, ScoringSystem.LI_RADS, "category")).isEqualTo("LR-4");
    assertThat(Fixtures.flagTypes(o)).doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void aNegatedListStaysNegatedToItsEnd() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "No acute, displaced rib fractures identified. No pneumothorax, effusion, or"
                        + " consolidation is seen.")
                .modality("CR", "CHEST")
                .build());
    assertThat(Fixtures.codeValues(o)).doesNotContain("RID4650", "RID5352", "RID34539", "RID43255");
  }

  @Test
  void rawSpeechWithoutPunctuationStillHasFindingsAndImpression() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "findings right lobe nodule two point one centimeters solid isoechoic wider than"
                        + " tall smooth margins no echogenic foci impression TR3 right thyroid"
                        + " nodule")
                .modality("US", "NECK")
                .build());
    assertThat(o.sections().get(SectionKind.IMPRESSION)).startsWith("TR3 right thyroid nodule");
    assertThat(o.sections().get(SectionKind.FINDINGS)).doesNotContain("impression");
    assertThat(Fixtures.field(o, ScoringSystem.TI_RADS, "category")).isEqualTo("TR3");
    DraftOutcome plain =
        engine.draft(Fixtures.request("no acute findings").modality("CR", "CHEST").build());
    assertThat(plain.sections().get(SectionKind.FINDINGS)).containsIgnoringCase("findings");
  }

  @Test
  void aNoduleAbsentPreviouslyIsNewAndPresent() {
    DraftOutcome o =
        screening(
            "Findings: RLL: new 7 mm solid nodule (absent previously).",
            new PriorSummary("pr-1", -365, "CT", "No nodules.", "Lung-RADS 1."));
    assertThat(Fixtures.field(o, ScoringSystem.LUNG_RADS, "category")).isEqualTo("4A");
  }

  @Test
  void anAnnualScreenAFewDaysOverAYearIsStillTwelveMonthsForGrowth() {
    String dictation = "Findings: Right middle lobe solid nodule increased from 3.0 mm to 5.0 mm.";
    DraftOutcome annual =
        screening(dictation, new PriorSummary("pr-1", -371, "CT", "3 mm nodule.", ""));
    DraftOutcome twoScreens =
        screening(dictation, new PriorSummary("pr-1", -730, "CT", "3 mm nodule.", ""));
    assertThat(Fixtures.field(annual, ScoringSystem.LUNG_RADS, "category")).isEqualTo("4A");
    assertThat(Fixtures.field(twoScreens, ScoringSystem.LUNG_RADS, "category")).isEqualTo("4B");
  }

  @Test
  void aFollowUpInWordsIsCheckedAgainstTheLungRadsCategory() {
    DraftOutcome annual =
        screening(
            "Findings: Solid nodule in the right lower lobe, 16 mm.\nImpression: Lung-RADS 4B."
                + " Continue annual screening.");
    DraftOutcome stepped =
        screening(
            "Findings: 9 mm solid nodule in the right upper lobe.\nImpression: Lung-RADS 4A. LDCT"
                + " in 3 months; if stable, return to annual screening.");
    assertThat(Fixtures.flagTypes(annual)).contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
    assertThat(Fixtures.flagTypes(stepped)).doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void routineSurveillanceContradictsLr5() {
    String findings = "Findings: 2.3 cm segment 8 observation with nonrim APHE and washout.\n";
    DraftOutcome routine =
        liver(findings + "Impression: LR-5. Continue routine surveillance ultrasound in 6 months.");
    DraftOutcome discussed =
        liver(findings + "Impression: LR-5. Multidisciplinary discussion recommended.");
    assertThat(Fixtures.flagTypes(routine)).contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
    assertThat(Fixtures.flagTypes(discussed)).doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void aMassTheFramesPutInTheLungIsAnActionableResult() {
    DraftOutcome mass =
        engine.draft(
            Fixtures.request("Findings: 3.4 cm spiculated mass in the left upper lobe.")
                .ct()
                .build());
    DraftOutcome none =
        engine.draft(Fixtures.request("Findings: No mass in the left upper lobe.").ct().build());
    assertThat(mass.flags())
        .filteredOn(f -> f.type() == FlagType.ACTIONABLE_FINDING)
        .extracting(Flag::criticalCategory)
        .containsExactly(CriticalCategory.CATEGORY_3);
    assertThat(Fixtures.flagTypes(mass)).doesNotContain(FlagType.CRITICAL_RESULT);
    assertThat(Fixtures.flagTypes(none)).doesNotContain(FlagType.ACTIONABLE_FINDING);
  }

  @Test
  void theImpressionCoversAttachedFindingsAndInterpretedOnes() {
    DraftOutcome attached =
        engine.draft(
            Fixtures.request(
                    "Findings: Large left pleural effusion with compressive atelectasis.\n"
                        + "Impression: Large left pleural effusion.")
                .ct()
                .build());
    DraftOutcome interpreted =
        engine.draft(
            Fixtures.request(
                    "Findings: Multiple bilateral solid pulmonary nodules, consistent with"
                        + " metastases.\nImpression: Progression of pulmonary metastatic disease.")
                .ct()
                .build());
    DraftOutcome omitted =
        engine.draft(
            Fixtures.request(
                    "Findings: Large left pleural effusion. Right lower lobe consolidation.\n"
                        + "Impression: Large left pleural effusion.")
                .ct()
                .build());
    assertThat(Fixtures.flagTypes(attached)).doesNotContain(FlagType.FINDING_NOT_IN_IMPRESSION);
    assertThat(Fixtures.flagTypes(interpreted)).doesNotContain(FlagType.FINDING_NOT_IN_IMPRESSION);
    assertThat(Fixtures.flagTypes(omitted)).contains(FlagType.FINDING_NOT_IN_IMPRESSION);
  }

  @Test
  void abbreviatedSidesAndLobesStillGiveALateralityMismatch() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request("Findings: Small R apical PTX.\nImpression: Small left pneumothorax.")
                .modality("CR", "CHEST")
                .build());
    assertThat(Fixtures.flagTypes(o))
        .contains(FlagType.LATERALITY_MISMATCH, FlagType.CRITICAL_RESULT);
  }

  @Test
  void granulomaHerniaScarringAndScoliosisAreCodedWhereTheyAre() {
    DraftOutcome chest =
        engine.draft(
            Fixtures.request(
                    "Calcified granuloma in the right upper lobe. Small hiatal hernia. Apical"
                        + " pleural-parenchymal scarring in the left upper lobe. Mild scoliosis.")
                .modality("CR", "CHEST")
                .build());
    DraftOutcome spleen =
        engine.draft(
            Fixtures.request("Calcified granulomas in the spleen.")
                .modality("CT", "ABDOMEN")
                .build());
    assertThat(Fixtures.codeValues(chest)).contains("J98.4", "K44.9", "J84.10", "M41.9");
    assertThat(Fixtures.codeValues(spleen)).doesNotContain("J98.4");
  }

  @Test
  void fleischnerIsNotOfferedInKnownCancerWhateverItsName() {
    String nodule = "Findings: 6 mm solid nodule in the right middle lobe.";
    DraftOutcome lymphoma =
        engine.draft(
            Fixtures.request(nodule)
                .ct()
                .patient(60, null)
                .indication("Restaging of lymphoma.")
                .build());
    DraftOutcome colon =
        engine.draft(
            Fixtures.request(nodule)
                .ct()
                .patient(60, null)
                .indication("Cough. History of colon cancer.")
                .build());
    DraftOutcome familyOnly =
        engine.draft(
            Fixtures.request(nodule)
                .ct()
                .patient(60, null)
                .indication("Cough. Family history of lung cancer. Never smoker.")
                .build());
    assertThat(Fixtures.field(lymphoma, ScoringSystem.FLEISCHNER, "recommendation")).isNull();
    assertThat(Fixtures.field(colon, ScoringSystem.FLEISCHNER, "recommendation")).isNull();
    // a family history of lung cancer is no known cancer of the patient, but a risk factor
    assertThat(Fixtures.field(familyOnly, ScoringSystem.FLEISCHNER, "recommendation"))
        .isEqualTo("CT at 6-12 months, then CT at 18-24 months");
  }

  @Test
  void aGrowingSolidComponentMakesAPartSolidNodule4B() {
    DraftOutcome o =
        screening(
            "Findings: Part-solid RUL nodule, 15 mm total, solid component now 5 mm, previously 2"
                + " mm.",
            new PriorSummary("pr-1", -365, "CT", "Part-solid nodule, solid component 2 mm.", ""));
    assertThat(Fixtures.field(o, ScoringSystem.LUNG_RADS, "category")).isEqualTo("4B");
    assertThat(o.sections().get(SectionKind.COMPARISON)).doesNotContain("2.0 mm, now 15.0 mm");
  }

  @Test
  void aThyroidNoduleDescribedWithoutItsNounIsScored() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "Findings: Right lobe: 1.5 cm solid, hypoechoic, wider than tall, smooth, no"
                        + " echogenic foci.")
                .modality("US", "NECK")
                .build());
    assertThat(Fixtures.field(o, ScoringSystem.TI_RADS, "category")).isEqualTo("TR4");
    assertThat(o.impressions()).extracting(s -> s.text()).anyMatch(t -> t.contains("nodule"));
  }

  @Test
  void sidedWordsAreSides() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "Findings: Moderate left-sided pleural effusion.\nImpression: Moderate"
                        + " right-sided pleural effusion.")
                .modality("CR", "CHEST")
                .build());
    assertThat(Fixtures.flagTypes(o)).contains(FlagType.LATERALITY_MISMATCH);
  }

  @Test
  void aFollowUpInItsOwnRecommendationSectionIsChecked() {
    DraftOutcome o =
        screening(
            "Findings: 8.5 mm solid nodule in the left upper lobe.\nImpression: Lung-RADS 4A.\n"
                + "Recommendation: Annual low-dose CT.");
    assertThat(Fixtures.flagTypes(o)).contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void theNoduleTypeMayComeFromThePriorReport() {
    DraftOutcome o =
        screening(
            "Findings: Previously described left lower lobe nodule has decreased, now 4 mm"
                + " (previously 6 mm).",
            new PriorSummary("pr-1", -365, "CT", "6 mm solid nodule left lower lobe.", ""));
    assertThat(Fixtures.field(o, ScoringSystem.LUNG_RADS, "category")).isEqualTo("2");
  }

  @Test
  void categoriesAfterAColonAndArterialHypoenhancementAreRead() {
    DraftOutcome breast =
        engine.draft(
            Fixtures.request(
                    "Findings: Irregular mass in the right breast, 9 mm.\nImpression: BI-RADS:"
                        + " Category 4 - suspicious. Biopsy recommended.")
                .modality("MG", "BREAST")
                .build());
    DraftOutcome liver =
        liver(
            "Findings: 25 mm segment 3 observation, hypoenhancing in the arterial phase, no"
                + " washout, no capsule.\nImpression: LR-3.");
    assertThat(Fixtures.field(breast, ScoringSystem.BI_RADS, "assessment")).isEqualTo("4");
    assertThat(Fixtures.field(liver, ScoringSystem.LI_RADS, "category")).isEqualTo("LR-3");
  }

  @Test
  void anObstructingStoneLeftOutOfTheImpressionIsFlagged() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "Findings: 7 mm obstructing stone at the right UVJ with moderate right"
                        + " hydronephrosis.\nImpression: No acute abnormality.")
                .modality("CT", "ABDOMEN")
                .build());
    assertThat(Fixtures.flagTypes(o)).contains(FlagType.FINDING_NOT_IN_IMPRESSION);
  }
}
