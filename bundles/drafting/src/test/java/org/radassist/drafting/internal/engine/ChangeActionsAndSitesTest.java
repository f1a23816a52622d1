package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.radassist.drafting.PriorSummary;
import org.radassist.drafting.internal.engine.frames.FrameExtractor;
import org.radassist.drafting.internal.engine.frames.LesionFrame;
import org.radassist.drafting.internal.engine.frames.Measurement;
import org.radassist.model.CriticalCategory;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;

/**
 * Growth amounts vs sizes, sizes that cross a category, several nodules, nodes, follow-up read as
 * typed actions, arterial-phase look words, venous thrombus sides, aneurysm rupture and Fleischner
 * risk: what the draft makes of them in wordings of its own.
 */
class ChangeActionsAndSitesTest {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private DraftOutcome screening(String dictation, PriorSummary... priors) {
    return engine.draft(
        Fixtures.request(dictation)
            .ct()
            .indication("Annual low-dose CT lung cancer screening. 30 pack-years.")
            .priors(priors)
            .build());
  }

  private DraftOutcome incidental(String indication, String dictation) {
    return engine.draft(
        Fixtures.request(dictation).ct().indication(indication).patient(58, null).build());
  }

  private DraftOutcome exam(String modality, String body, String dictation) {
    return engine.draft(
        Fixtures.request(dictation).modality(modality, body).indication("Evaluation.").build());
  }

  @Test
  void aGrowthAmountIsADeltaNotTheLesionsSize() {
    List<LesionFrame> frames =
        new FrameExtractor().extract("The left lower lobe nodule has grown by 1.7 mm, now 7.2 mm.");
    assertThat(frames.get(0).sizes())
        .extracting(Measurement::role)
        .containsExactly(Measurement.Role.DELTA, Measurement.Role.OVERALL);
    assertThat(frames.get(0).overall().orElseThrow().meanMm()).isEqualTo(7.2);
  }

  @Test
  void aGrowthAmountInTheImpressionRaisesNoMeasurementMismatch() {
    DraftOutcome o =
        screening(
            "Findings: Right lower lobe solid nodule 7.5 mm, previously 5.5 mm.\n"
                + "Impression: Right lower lobe nodule increased by 2 mm. Lung-RADS 4A.",
            new PriorSummary("pr", -365, "CT", "5.5 mm solid nodule right lower lobe.", ""));
    assertThat(Fixtures.field(o, ScoringSystem.LUNG_RADS, "category")).isEqualTo("4A");
    assertThat(Fixtures.flagTypes(o))
        .doesNotContain(FlagType.MEASUREMENT_MISMATCH, FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void aNoduleThatCrossesIntoAHigherSizeCategoryWithoutGrowthTakesThatCategory() {
    DraftOutcome o =
        screening(
            "Findings: Left upper lobe solid nodule 6.2 mm, previously 5.4 mm.\n"
                + "Impression: Lung-RADS 3.",
            new PriorSummary("pr", -365, "CT", "5.4 mm solid nodule left upper lobe.", ""));
    assertThat(Fixtures.field(o, ScoringSystem.LUNG_RADS, "category")).isEqualTo("3");
  }

  @Test
  void aStableNoduleInTheSameSizeCategoryIsStillStable() {
    DraftOutcome o =
        screening(
            "Findings: Left upper lobe solid nodule 4.6 mm, previously 4.2 mm.\n"
                + "Impression: Lung-RADS 2.",
            new PriorSummary("pr", -365, "CT", "4.2 mm solid nodule left upper lobe.", ""));
    assertThat(Fixtures.field(o, ScoringSystem.LUNG_RADS, "category")).isEqualTo("2");
  }

  @Test
  void theExamCategoryIsThatOfTheMostSuspiciousOfSeveralListedNodules() {
    DraftOutcome o =
        screening(
            "Findings: Solid nodules of 2 mm in the right upper lobe and 8.5 mm in the left lower"
                + " lobe.\nImpression: Lung-RADS 4A.");
    assertThat(Fixtures.field(o, ScoringSystem.LUNG_RADS, "category")).isEqualTo("4A");
  }

  @Test
  void thoracicLymphadenopathyRaisesACategory3NoduleTo4X() {
    DraftOutcome with =
        screening(
            "Findings: 6.5 mm solid nodule right upper lobe. Enlarged subcarinal lymph node.");
    DraftOutcome without =
        screening(
            "Findings: 6.5 mm solid nodule right upper lobe. No enlarged mediastinal lymph nodes.");
    assertThat(Fixtures.field(with, ScoringSystem.LUNG_RADS, "category")).isEqualTo("4X");
    assertThat(Fixtures.field(without, ScoringSystem.LUNG_RADS, "category")).isEqualTo("3");
  }

  @Test
  void petCtOrTissueSamplingAskedForAtALowLungRadsCategoryContradictsTheTable() {
    DraftOutcome pet =
        screening(
            "Findings: 4 mm solid nodule right upper lobe.\nImpression: Lung-RADS 2. PET advised.");
    DraftOutcome negated =
        screening(
            "Findings: 4 mm solid nodule right upper lobe.\n"
                + "Impression: Lung-RADS 2. No need for PET/CT.");
    DraftOutcome fits =
        screening(
            "Findings: 16 mm solid nodule right upper lobe.\n"
                + "Impression: Lung-RADS 4B. Recommend PET/CT and biopsy.");
    assertThat(Fixtures.flagTypes(pet)).contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
    assertThat(Fixtures.flagTypes(negated)).doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
    assertThat(Fixtures.flagTypes(fits)).doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void noFollowUpForAThyroidNoduleThatNeedsFnaContradictsTiRads() {
    DraftOutcome o =
        exam(
            "US",
            "NECK",
            "Findings: 2.0 cm left lobe nodule: solid, hypoechoic, wider-than-tall, smooth margins,"
                + " no echogenic foci.\nImpression: TR4. No further follow-up required.");
    assertThat(Fixtures.field(o, ScoringSystem.TI_RADS, "category")).isEqualTo("TR4");
    assertThat(Fixtures.flagTypes(o)).contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void theNameOfTheExamPerformedIsNoRecommendation() {
    DraftOutcome described =
        exam(
            "MG",
            "BREAST",
            "Findings: Diagnostic mammogram with spot compression shows no abnormality.\n"
                + "Impression: BI-RADS 1.");
    DraftOutcome asked =
        exam(
            "MG",
            "BREAST",
            "Findings: No suspicious findings.\n"
                + "Impression: BI-RADS 1. Recommend spot compression views.");
    assertThat(Fixtures.flagTypes(described)).doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
    assertThat(Fixtures.flagTypes(asked)).contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void ctAttenuationInTheArterialPhaseDecidesApheLikeMrEnhancement() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "Findings: 22 mm segment 7 observation, hypodense in the late arterial phase,"
                        + " without washout or capsule.\nImpression: LR-3.")
                .modality("CT", "ABDOMEN")
                .indication("Cirrhosis.")
                .build());
    assertThat(Fixtures.field(o, ScoringSystem.LI_RADS, "category")).isEqualTo("LR-3");
  }

  @Test
  void thresholdGrowthIsReadFromTheSizes() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "Findings: Segment 2 observation with arterial phase hyperenhancement, now 14"
                        + " mm, previously 8 mm 3 months ago.\nImpression: LR-5.")
                .modality("MR", "ABDOMEN")
                .indication("Cirrhosis.")
                .build());
    assertThat(Fixtures.field(o, ScoringSystem.LI_RADS, "category")).isEqualTo("LR-5");
  }

  @Test
  void aLegVeinThrombusOnOneSideCalledTheOtherIsALateralityMismatch() {
    DraftOutcome o =
        exam(
            "US",
            "LOWER EXTREMITY",
            "Findings: Thrombus fills the left popliteal vein.\nImpression: Right popliteal DVT.");
    assertThat(Fixtures.flagTypes(o)).contains(FlagType.LATERALITY_MISMATCH);
  }

  @Test
  void aLeakingAneurysmIsACategory1CriticalResultAndAnIntactOneIsNot() {
    DraftOutcome leaking =
        exam(
            "CT", "ABDOMEN", "Findings: 7 cm AAA.\nImpression: Leaking abdominal aortic aneurysm.");
    DraftOutcome intact =
        exam("CT", "ABDOMEN", "Findings: 3.2 cm AAA.\nImpression: AAA without rupture.");
    assertThat(leaking.flags())
        .anyMatch(
            f ->
                f.type() == FlagType.CRITICAL_RESULT
                    && f.criticalCategory() == CriticalCategory.CATEGORY_1);
    assertThat(Fixtures.flagTypes(intact)).doesNotContain(FlagType.CRITICAL_RESULT);
  }

  @Test
  void aRelativesLungCancerMakesHighFleischnerRiskEvenInANonsmoker() {
    DraftOutcome o =
        incidental(
            "Cough. Nonsmoker. Sister had lung cancer.",
            "Findings: 4 mm solid nodule left lower lobe.\nImpression: 4 mm nodule.");
    assertThat(Fixtures.field(o, ScoringSystem.FLEISCHNER, "recommendation"))
        .isEqualTo("optional CT at 12 months");
  }

  @Test
  void aDiagnosticWorkUpOfFindingsSeenOnScreeningIsNoScreeningMammogram() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "Findings: Amorphous calcifications, left breast.\n"
                        + "Impression: BI-RADS 4A. Stereotactic biopsy recommended.")
                .modality("MG", "BREAST")
                .indication("Calcifications found on screening mammogram.")
                .build());
    assertThat(Fixtures.flagTypes(o)).doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void aMassOfAnyOrganLeftOutOfANormalImpressionIsAnOmission() {
    DraftOutcome omitted =
        exam(
            "CT",
            "ABDOMEN",
            "Findings: 4 cm right adrenal mass. Kidneys normal.\nImpression: Unremarkable CT.");
    DraftOutcome interpreted =
        exam(
            "US",
            "PELVIS",
            "Findings: 3 cm right adnexal mass with a yolk sac.\n"
                + "Impression: Right ectopic pregnancy.");
    assertThat(Fixtures.flagTypes(omitted)).contains(FlagType.FINDING_NOT_IN_IMPRESSION);
    assertThat(Fixtures.flagTypes(interpreted)).doesNotContain(FlagType.FINDING_NOT_IN_IMPRESSION);
  }

  @Test
  void britishSpellingsReadAsTheTermsTheTablesList() {
    DraftOutcome o =
        exam(
            "CT",
            "HEAD",
            "Findings: Acute right extradural haematoma.\nImpression: Extradural haematoma.");
    DraftOutcome gas =
        exam(
            "CT", "ABDOMEN", "Findings: Extraluminal gas.\nImpression: Perforation with free gas.");
    // "extradural" is the British name of the epidural haematoma: the same critical result
    assertThat(Fixtures.flagTypes(o)).contains(FlagType.CRITICAL_RESULT);
    assertThat(
            Fixtures.flagTypes(
                exam("CT", "HEAD", "Findings: Acute epidural haematoma.\nImpression: Same.")))
        .contains(FlagType.CRITICAL_RESULT);
    assertThat(Fixtures.flagTypes(gas)).contains(FlagType.CRITICAL_RESULT);
  }

  @Test
  void anUnchangedNoduleStepsDownFromThePriorReportsCategory() {
    DraftOutcome o =
        screening(
            "Findings: Left lower lobe solid nodule 7 mm, previously 9 mm.",
            new PriorSummary(
                "pr", -90, "CT", "9 mm solid nodule left lower lobe.", "Lung-RADS 4A."));
    assertThat(Fixtures.field(o, ScoringSystem.LUNG_RADS, "category")).isEqualTo("3");
  }

  @Test
  void followUpBeforeASizeIsNoGrowthAmount() {
    List<LesionFrame> frames =
        new FrameExtractor().extract("Follow up 6 mm solid nodule in the right upper lobe.");
    assertThat(frames.get(0).overall()).isPresent();
  }

  @Test
  void anFnaNamedAsNotYetDueIsNoFnaRecommendation() {
    DraftOutcome o =
        exam(
            "US",
            "NECK",
            "Findings: 0.9 cm left lobe nodule: solid, hypoechoic, taller-than-wide, smooth margins,"
                + " no echogenic foci.\nImpression: TR5, below the FNA size. Follow-up in 1 year.");
    assertThat(Fixtures.flagTypes(o)).doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void torsionInAnyWordingIsCategory1AndNoTorsionIsSilent() {
    DraftOutcome torsed =
        exam(
            "US",
            "PELVIS",
            "Findings: No flow to the right ovary.\nImpression: Right ovarian torsion.");
    DraftOutcome none =
        exam("US", "SCROTUM", "Findings: Normal flow in both testes.\nImpression: No torsion.");
    assertThat(Fixtures.flagTypes(torsed)).contains(FlagType.CRITICAL_RESULT);
    assertThat(Fixtures.flagTypes(none)).doesNotContain(FlagType.CRITICAL_RESULT);
  }

  @Test
  void noFurtherImagingIsNoRequestForMoreBreastImaging() {
    DraftOutcome o =
        exam(
            "US",
            "BREAST",
            "Findings: Simple cyst.\nImpression: BI-RADS 2. No further imaging is needed.");
    assertThat(Fixtures.flagTypes(o)).doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void anEnlargedSpleenLeftOutOfTheImpressionIsAnOmission() {
    DraftOutcome o =
        exam(
            "CT",
            "ABDOMEN",
            "Findings: The spleen is enlarged.\nImpression: No acute abnormality.");
    assertThat(Fixtures.flagTypes(o)).contains(FlagType.FINDING_NOT_IN_IMPRESSION);
  }

  @Test
  void aRestatedMeanIsTheSameNoduleNotASecondOne() {
    DraftOutcome o =
        incidental(
            "Cough. Never smoker.",
            "Findings: 8 x 6 mm solid nodule in the left upper lobe (mean diameter 7 mm).\n"
                + "Impression: Nodule.");
    assertThat(Fixtures.field(o, ScoringSystem.FLEISCHNER, "recommendation"))
        .isEqualTo("CT at 6-12 months, then consider CT at 18-24 months");
  }

  @Test
  void anIndeterminateOrganLesionOfOneCentimetreLeftOutOfANormalImpressionIsAnOmission() {
    DraftOutcome big =
        exam(
            "CT",
            "ABDOMEN",
            "Findings: 2 cm hypodense lesion in the left hepatic lobe.\nImpression: Unremarkable.");
    DraftOutcome tiny =
        exam(
            "CT",
            "ABDOMEN",
            "Findings: 4 mm hypodense lesion in the liver, too small to characterize.\n"
                + "Impression: Unremarkable.");
    assertThat(Fixtures.flagTypes(big)).contains(FlagType.FINDING_NOT_IN_IMPRESSION);
    assertThat(Fixtures.flagTypes(tiny)).doesNotContain(FlagType.FINDING_NOT_IN_IMPRESSION);
  }

  @Test
  void aSizeSentencesLaterOrOfAnotherOrganDoesNotJoinTheNodule() {
    List<LesionFrame> frames =
        new FrameExtractor()
            .extract(
                "4 mm solid nodule in the right lower lobe. Kidneys normal. The appendix is"
                    + " dilated to 11 mm.");
    assertThat(frames).hasSize(1);
    assertThat(frames.get(0).sizes()).extracting(Measurement::longMm).containsExactly(4.0);
  }

  @Test
  void imagingInsteadOfTheTissueDiagnosisTheTableAsksForContradictsIt() {
    DraftOutcome mri =
        exam(
            "MG",
            "BREAST",
            "Findings: Irregular mass, right breast.\nImpression: BI-RADS 4. Recommend breast MRI.");
    DraftOutcome guided =
        exam(
            "MG",
            "BREAST",
            "Findings: Irregular mass, right breast.\nImpression: BI-RADS 4. Ultrasound-guided"
                + " biopsy.");
    DraftOutcome thyroid =
        exam(
            "US",
            "NECK",
            "Findings: 1.6 cm left lobe nodule: solid, hypoechoic, wider-than-tall, smooth margins,"
                + " no echogenic foci.\nImpression: TR4. Follow-up ultrasound in 1 year.");
    assertThat(Fixtures.flagTypes(mri)).contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
    assertThat(Fixtures.flagTypes(guided)).doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
    assertThat(Fixtures.flagTypes(thyroid)).contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void anActionUnderAConditionIsANextStepNotARequestNow() {
    DraftOutcome o =
        screening(
            "Findings: 6.5 mm solid nodule right lower lobe.\n"
                + "Impression: Lung-RADS 3. Should it grow, PET/CT would be appropriate.");
    assertThat(Fixtures.flagTypes(o)).doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void aCalcifiedGranulomaGetsNoFleischnerFollowUp() {
    DraftOutcome o =
        incidental(
            "Trauma.",
            "Findings: 7 mm calcified nodule in the right upper lobe, a granuloma.\n"
                + "Impression: Calcified granuloma.");
    assertThat(Fixtures.field(o, ScoringSystem.FLEISCHNER, "recommendation")).isNull();
    assertThat(Fixtures.flagTypes(o)).doesNotContain(FlagType.FINDING_NOT_IN_IMPRESSION);
  }

  @Test
  void aBiRadsFollowUpIntervalIsReadInAnyWording() {
    DraftOutcome yearly =
        exam(
            "US",
            "BREAST",
            "Findings: Oval circumscribed mass.\nImpression: BI-RADS 3. Follow-up in 12 months.");
    DraftOutcome shortInterval =
        exam(
            "US",
            "BREAST",
            "Findings: Oval circumscribed mass.\nImpression: BI-RADS 3. Repeat ultrasound in 6"
                + " months.");
    assertThat(Fixtures.flagTypes(yearly)).contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
    assertThat(Fixtures.flagTypes(shortInterval))
        .doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void aKidneyStoneLeftOutOfANormalImpressionIsAnOmission() {
    DraftOutcome o =
        exam(
            "CT",
            "ABDOMEN",
            "Findings: 3 mm calculus in the lower pole of the left kidney.\n"
                + "Impression: Normal CT of the abdomen.");
    assertThat(Fixtures.flagTypes(o)).contains(FlagType.FINDING_NOT_IN_IMPRESSION);
  }

  @Test
  void aJuxtapleuralNoduleAlongTheCostalPleuraIsABenignLungNodule() {
    DraftOutcome o =
        screening(
            "Findings: 8 mm smooth lentiform juxtapleural solid nodule along the left costal"
                + " pleura.\nImpression: Lung-RADS 2.");
    assertThat(Fixtures.field(o, ScoringSystem.LUNG_RADS, "category")).isEqualTo("2");
  }

  @Test
  void theSameRequestGivesTheSameDraftFromAnotherEngine() {
    String dictation =
        "Findings: Solid nodules of 3 mm right upper lobe and 7 mm left lower lobe, previously 6 mm."
            + " Enlarged subcarinal lymph node.\nImpression: Lung-RADS 4X. PET/CT recommended.";
    var request =
        Fixtures.request(dictation)
            .ct()
            .indication("Annual LDCT. 30 pack-years.")
            .priors(new PriorSummary("pr", -365, "CT", "6 mm solid nodule left lower lobe.", ""))
            .build();
    assertThat(RulesEngine.withDefaults().draft(request))
        .isEqualTo(RulesEngine.withDefaults().draft(request))
        .isEqualTo(engine.draft(request));
  }

  @Test
  void withoutAStatedRiskFleischnerGivesBothRowsOfTheTable() {
    DraftOutcome o =
        incidental("Cough.", "Findings: 7 mm solid nodule left lower lobe.\nImpression: Nodule.");
    assertThat(Fixtures.field(o, ScoringSystem.FLEISCHNER, "recommendation"))
        .isEqualTo(
            "low risk: CT at 6-12 months, then consider CT at 18-24 months; high risk: CT at 6-12"
                + " months, then CT at 18-24 months");
  }
}
