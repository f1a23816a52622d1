package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.drafting.PriorSummary;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.Sex;

/**
 * Category-management kinds of round 30 (issue 14, helper "sys11"): BI-RADS 3 surveillance at 6, 6,
 * then 12 months (product decision), a biopsy of the known cancer at BI-RADS 6, "no further action"
 * as no follow-up, "Repeat ultrasound in 12 months" as a recommendation, and a PI-RADS diffusion
 * degree said after the sequence.
 */
class CategoryManagementRound30Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private DraftOutcome draft(
      String modality, String part, String indication, String dictation, PriorSummary... priors) {
    return engine.draft(
        Fixtures.request(dictation.replace("\\n", "\n"))
            .modality(modality, part)
            .patient(55, Sex.F)
            .indication(indication)
            .priors(priors)
            .build());
  }

  private static boolean mismatch(DraftOutcome o) {
    return Fixtures.flagTypes(o).contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the exam is itself the 3's surveillance: 6 or 12 months are both its next step
        "Six-month follow-up of probably benign mass.|Findings: Oval circumscribed mass 8 mm."
            + "\\nImpression: BI-RADS 3. Recommend ultrasound in 12 months.|false",
        "Palpable lump.|Findings: The oval circumscribed mass is unchanged in size.\\nImpression:"
            + " BI-RADS 3. Recommend ultrasound in 12 months.|false",
        "Palpable lump.|Findings: The oval mass shows no interval change.\\nImpression: BI-RADS 3."
            + " Follow-up ultrasound in 6 months.|false",
        // a baseline 3: 12 months is still not the short-interval follow-up
        "Palpable lump.|Findings: New oval circumscribed mass 10 mm.\\nImpression: Probably benign"
            + " mass, BI-RADS 3. Repeat ultrasound in 12 months.|true",
        // "on repeat ultrasound at 12 months" names an exam done, it asks for nothing
        "Palpable lump.|Findings: On repeat ultrasound at 12 months the oval mass measures 10 mm."
            + "\\nImpression: BI-RADS 3. Short-interval follow-up ultrasound in 6 months.|false",
        // a follow-up 3 sent back to routine screening is a 2's management
        "Six-month follow-up of probably benign mass.|Findings: The mass is stable.\\nImpression:"
            + " BI-RADS 3. Return to routine annual screening.|true",
      })
  void biRadsThreeSurveillanceIsSixSixThenTwelveMonths(
      String indication, String dictation, boolean flagged) {
    assertThat(mismatch(draft("US", "BREAST", indication, dictation))).isEqualTo(flagged);
  }

  @Test
  void aPriorBiRadsThreeMakesTheExamItsSurveillance() {
    String dictation =
        "Findings: Left breast oval mass 8 x 5 mm.\\nImpression: BI-RADS 3. Recommend ultrasound in"
            + " 12 months.";
    PriorSummary three = new PriorSummary("p1", -183, "US", "Left breast mass 8 mm.", "BI-RADS 3.");
    PriorSummary two = new PriorSummary("p1", -365, "US", "Simple cyst.", "BI-RADS 2.");
    assertThat(mismatch(draft("US", "BREAST", "Breast mass.", dictation, three))).isFalse();
    assertThat(mismatch(draft("US", "BREAST", "Breast mass.", dictation, two))).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Findings: The known biopsy-proven cancer at 2 o'clock measures 3.1 cm.\\nImpression:"
            + " BI-RADS 6. Recommend ultrasound-guided biopsy.|true",
        // surgery, or the proving biopsy named as done: the 6's own management
        "Findings: Biopsy-proven carcinoma with the clip of the prior core biopsy.\\nImpression:"
            + " BI-RADS 6. Surgical management as planned.|false",
        "Findings: Post-biopsy ultrasound, the biopsied mass with the marker clip.\\nImpression:"
            + " Biopsy-proven carcinoma. BI-RADS 6. Surgical consultation.|false",
        // a node to stage is another target, not a repeat of the proving biopsy
        "Findings: Known biopsy-proven cancer 2 cm. Axillary node with 5 mm cortex.\\nImpression:"
            + " BI-RADS 6. Recommend ultrasound-guided biopsy of the axillary node.|false",
      })
  void aBiopsyOfTheKnownCancerDoesNotAnswerBiRadsSix(String dictation, boolean flagged) {
    assertThat(mismatch(draft("US", "BREAST", "Known breast cancer.", dictation)))
        .isEqualTo(flagged);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Findings: Left solid hypoechoic nodule 1.3 cm with punctate echogenic foci.\\nImpression:"
            + " TR5 left nodule 1.3 cm. No further action needed.|true",
        "Findings: Right solid hypoechoic nodule 2.0 cm, smooth, no echogenic foci.\\nImpression:"
            + " TI-RADS TR4 nodule. No further management required.|true",
        "Findings: Right spongiform nodule 2.2 cm, smooth.\\nImpression: TI-RADS TR1 nodule. No"
            + " further action required.|false",
      })
  void noFurtherActionIsNoFollowUp(String dictation, boolean flagged) {
    assertThat(mismatch(draft("US", "NECK", "Thyroid nodule.", dictation))).isEqualTo(flagged);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the impression names only the LR-3 observation, with its own category: an omission
        "LR-3 observation in segment 4a. Multiphase CT in 3-6 months.|false",
        // the impression names the worse one (segment 8, LR-5 by the table) and calls it LR-3
        "LR-3 observations in segments 4a and 8. Multiphase CT in 3-6 months.|true",
        "Segment 8 observation, LR-3. Multiphase CT in 3-6 months.|true",
      })
  void aDictatedCategoryOfOneObservationIsReadAgainstTheObservationItNames(
      String impression, boolean flagged) {
    DraftOutcome o =
        draft(
            "CT",
            "LIVER",
            "Cirrhosis, surveillance.",
            "Findings: Segment 4a observation 15 mm with nonrim arterial phase hyperenhancement, no"
                + " washout, no capsule. Segment 8 observation 26 mm with nonrim arterial phase"
                + " hyperenhancement, washout and enhancing capsule.\\nImpression: "
                + impression);
    assertThat(Fixtures.field(o, ScoringSystem.LI_RADS, "category")).isEqualTo("LR-5");
    assertThat(mismatch(o)).isEqualTo(flagged);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Findings: 12 mm right PZ apical lesion, DWI marked, with definite extraprostatic"
            + " extension.\\nImpression: PI-RADS 5.|5",
        "Findings: Right PZ base lesion 9 mm, restriction marked on ADC and b1400, no"
            + " extraprostatic extension.\\nImpression: PI-RADS 4.|4",
        "Findings: Left PZ apex focus 8 mm, DWI mild, DCE negative.\\nImpression: PI-RADS 3.|3",
      })
  void aDiffusionDegreeSaidAfterTheSequenceScoresDwi(String dictation, String category) {
    DraftOutcome o = draft("MR", "PROSTATE", "Raised PSA.", dictation);
    assertThat(Fixtures.field(o, ScoringSystem.PI_RADS, "category")).isEqualTo(category);
    assertThat(mismatch(o)).isFalse();
  }
}
