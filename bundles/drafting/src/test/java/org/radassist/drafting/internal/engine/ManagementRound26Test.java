package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;

/**
 * The plan a report dictates against its category's table (round 26): PI-RADS 1 / 2 with a targeted
 * biopsy, a TI-RADS plan that follows the impression's size, an action named only as a threshold,
 * abbreviated and run-on actions.
 */
class ManagementRound26Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private static boolean mismatch(DraftOutcome o) {
    return Fixtures.flagTypes(o).contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @ParameterizedTest(name = "PI-RADS 2: {0} -> mismatch {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Fusion biopsy of the left PZ is recommended.|true",
        "Recommend MRI-targeted biopsy.|true",
        "Systematic biopsy may be considered given the PSA density.|false",
        "No biopsy needed.|false",
      })
  void aLowPiRadsCategoryHasNoLesionToTarget(String impression, boolean expected) {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "Findings: Left PZ: wedge-shaped mild ADC hypointensity, DWI 2. DCE negative."
                        + "\nImpression: PI-RADS 2. "
                        + impression)
                .modality("MR", "PROSTATE")
                .build());
    assertThat(mismatch(o)).isEqualTo(expected);
  }

  private DraftOutcome thyroid(String dictation) {
    return engine.draft(Fixtures.request(dictation).modality("US", "NECK").build());
  }

  @Test
  void aThyroidPlanThatFitsTheImpressionsSizeIsAMeasurementMismatchOnly() {
    String findings =
        "Findings: Left lobe solid hypoechoic nodule 1.1 cm, wider than tall, smooth, no foci.\n";
    DraftOutcome resized = thyroid(findings + "Impression: 1.8 cm left TR4 nodule. FNA advised.");
    assertThat(Fixtures.flagTypes(resized))
        .contains(FlagType.MEASUREMENT_MISMATCH)
        .doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
    // the same plan with the findings' size in the impression still contradicts TR4 at 1.1 cm
    DraftOutcome same = thyroid(findings + "Impression: 1.1 cm left TR4 nodule. FNA advised.");
    assertThat(mismatch(same)).isTrue();
  }

  @Test
  void anActionNamedAfterAThresholdAsksForNothing() {
    String findings =
        "Findings: 8 mm solid hypoechoic nodule in the right lobe, smooth, wider than tall, no"
            + " foci.\n";
    assertThat(
            mismatch(
                thyroid(
                    findings
                        + "Impression: 8 mm TR4 nodule. Below the threshold for"
                        + " follow-up or FNA.")))
        .isFalse();
    assertThat(mismatch(thyroid(findings + "Impression: 8 mm TR4 nodule. FNA recommended.")))
        .isTrue();
  }

  @Test
  void aRunOnCategoryBeforeItsActionLeavesTheActionAsked() {
    DraftOutcome routine =
        engine.draft(
            Fixtures.request(
                    "findings possible asymmetry left breast lower inner quadrant impression"
                        + " birads 0 routine screening in one year")
                .modality("MG", "BREAST")
                .indication("Screening.")
                .build());
    assertThat(mismatch(routine)).isTrue();
  }

  @Test
  void bxIsABiopsyAndAnImpressionSentenceOfOnlyTheActionAsksForIt() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "L 2:00 5 cm FN - 7 x 5 x 6 mm hypoechoic mass, indistinct margins.\n"
                        + "IMP: L breast mass, low suspicion. BIRADS 4a. US core bx.")
                .modality("US", "BREAST")
                .indication("Recall.")
                .build());
    assertThat(mismatch(o)).isFalse();
  }
}
