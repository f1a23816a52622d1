package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;
import org.radassist.model.Sex;

/**
 * Round 30 (helper "sys12"): PI-RADS 4/5 with only imaging surveillance planned, TI-RADS FNA that
 * waits for a size, and BI-RADS 3 stability said of another finding.
 */
class ManagementRound30Sys12Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private boolean mismatch(String modality, String body, Sex sex, String dictation) {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(dictation.replace("\\n", "\n"))
                .modality(modality, body)
                .patient(60, sex)
                .indication("Follow-up.")
                .build());
    return Fixtures.flagTypes(o).contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Repeat MRI in 12 months.|true",
        "Follow-up prostate MRI in 6 months.|true",
        "Continue active surveillance.|true",
        "Repeat MRI in 12 months; MRI-targeted biopsy recommended.|false",
        "Refer to urology for fusion biopsy.|false",
        "Urology referral; repeat MRI in 12 months.|false",
        "Repeat MRI in 12 months if PSA rises.|false",
      })
  void aPiRadsFiveWithOnlySurveillancePlannedContradictsTheTargetedBiopsy(
      String plan, boolean flagged) {
    String dictation =
        "Findings: Left PZ mid 17 mm lesion, markedly hypointense on ADC and markedly hyperintense"
            + " on high b DWI, DWI 5.\\nImpression: PI-RADS 5. "
            + plan;
    assertThat(mismatch("MR", "PROSTATE", Sex.M, dictation)).isEqualTo(flagged);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // 12 mm TR4: follow-up size, below the 1.5 cm FNA size
        "12 x 9 x 8 mm|Follow-up ultrasound in 1 year; biopsy only if it reaches 1.5 cm.|false",
        "12 x 9 x 8 mm|Follow-up ultrasound in 1 year; no FNA unless it exceeds 1.5 cm.|false",
        "12 x 9 x 8 mm|FNA recommended.|true",
        // 17 mm TR4: at the FNA size, a conditional FNA does not stand in for it
        "17 x 11 x 10 mm|Follow-up ultrasound in 12 months; biopsy only if it reaches 2 cm.|true",
        "17 x 11 x 10 mm|FNA recommended.|false",
      })
  void anFnaThatWaitsForASizeAsksForNothingNow(String size, String plan, boolean flagged) {
    String dictation =
        "Findings: Right lobe solid hypoechoic nodule, wider than tall, smooth margins, no"
            + " echogenic foci, "
            + size
            + ".\\nImpression: TR4 right thyroid nodule. "
            + plan;
    assertThat(mismatch("US", "THYROID", Sex.F, dictation)).isEqualTo(flagged);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Left breast 2 o'clock simple cyst 6 mm, stable.|true",
        "Known right intramammary lymph node, unchanged.|true",
        "The mass is stable in size.|false",
      })
  void aBaselineThreeIsItsOwnSurveillanceOnlyWhenItsFindingIsStable(String other, boolean flagged) {
    String dictation =
        "Findings: Right breast 10 o'clock oval circumscribed parallel hypoechoic mass, 8 x 5 mm. "
            + other
            + "\\nImpression: Probably benign right breast mass. BI-RADS 3. Follow-up ultrasound"
            + " in 12 months.";
    assertThat(mismatch("US", "BREAST", Sex.F, dictation)).isEqualTo(flagged);
  }
}
