package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FieldStatus;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.Sex;
import org.radassist.model.StructuredField;

/**
 * PI-RADS v2.1 reading (issue 14 part I, helper "pi2"): DCE said in many words, listed lesions
 * graded one by one, a worse lesion the impression leaves out, a score said after the sequence's
 * look, definite extraprostatic extension over a written 4, and post-treatment glands.
 */
class PiRadsRound24Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private DraftOutcome prostate(String indication, String dictation) {
    return engine.draft(
        Fixtures.request(dictation.replace("\\n", "\n"))
            .modality("MR", "PROSTATE")
            .patient(66, Sex.M)
            .indication(indication)
            .build());
  }

  private static String category(DraftOutcome o) {
    StructuredField f =
        o.structuredFields().stream()
            .filter(s -> s.system() == ScoringSystem.PI_RADS && s.field().equals("category"))
            .findFirst()
            .orElse(null);
    if (f == null) {
      return null;
    }
    return f.status() == FieldStatus.COMPLETE ? f.value() : "incomplete";
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "DCE: no focal early enhancement (negative).|3",
        "No early focal enhancement on DCE.|3",
        "On dynamic contrast the lesion does not show early enhancement.|3",
        "DCE shows only diffuse heterogeneous enhancement without a focal correlate.|3",
        "DCE neg.|3",
        "DCE: focal early enhancement matching the lesion.|4",
        "Positive on dynamic contrast-enhanced imaging.|4",
        "DCE pos.|4",
        "The lesion enhances early.|4",
        "Early enhancement is not seen.|3",
        "Capsule intact, no EPE, DCE positive.|4",
      })
  void aPeripheralZoneDwiThreeIsUpgradedOnlyByAPositiveDce(String dce, String category) {
    DraftOutcome o =
        prostate(
            "Raised PSA.",
            "Right PZ mid: 8 mm focal mild-to-moderate ADC hypointensity, DWI 3. "
                + dce
                + "\\nImpression: Right PZ lesion.");
    assertThat(category(o)).isEqualTo(category);
  }

  @Test
  void listedLesionsAreGradedOneByOneAndTheExamTakesTheWorst() {
    DraftOutcome o =
        prostate(
            "Raised PSA.",
            "1) Right PZ mid posterolateral: DWI 5 (19 mm), T2 markedly hypointense, DCE +.\\n"
                + "2) Left PZ base: DWI 3, DCE negative, 6 mm.\\n"
                + "3) Right TZ: encapsulated BPH nodule, T2 2, DWI 2.\\n"
                + "Impression: Index lesion right PZ PI-RADS 5. Left PZ base PI-RADS 3. Biopsy.");
    assertThat(category(o)).isEqualTo("5");
    assertThat(Fixtures.flagTypes(o)).doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void aWorseListedLesionTheImpressionLeavesOutIsAnOmissionNotAMismatch() {
    DraftOutcome o =
        prostate(
            "Raised PSA.",
            "Lesion A: left PZ apex, 6 mm, moderate restriction (DWI 3), DCE negative.\\n"
                + "Lesion B: right anterior TZ, lenticular homogeneous moderately hypointense"
                + " lesion 13 mm, T2 4, DWI 4.\\n"
                + "Impression: Left apical PZ lesion, PI-RADS 3. Consider targeted biopsy.");
    assertThat(category(o)).isEqualTo("4");
    assertThat(Fixtures.flagTypes(o))
        .contains(FlagType.FINDING_NOT_IN_IMPRESSION)
        .doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void aWorseLesionTheImpressionNamesWithALowerCategoryIsAMismatch() {
    DraftOutcome o =
        prostate(
            "Raised PSA.",
            "Lesion 1: right PZ apex, 7 mm, DWI 3, DCE negative.\\n"
                + "Lesion 2: left TZ mid, 12 mm, T2W 4, DWI 4.\\n"
                + "Impression: Right PZ apex PI-RADS 3; left TZ mid PI-RADS 3.");
    assertThat(category(o)).isEqualTo("4");
    assertThat(Fixtures.flagTypes(o)).contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void anExamCategoryThatNamesNoLesionIsComparedWithTheWorstLesion() {
    DraftOutcome o =
        prostate(
            "Raised PSA.",
            "Lesion 1: right PZ base, 6 mm, DWI 3, DCE negative.\\n"
                + "Lesion 2: left TZ anterior, 13 mm lenticular homogeneous lesion, T2W 4, DWI 4.\\n"
                + "Impression: PI-RADS 3. Targeted biopsy.");
    assertThat(category(o)).isEqualTo("4");
    assertThat(Fixtures.flagTypes(o))
        .contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH)
        .doesNotContain(FlagType.FINDING_NOT_IN_IMPRESSION);
  }

  @Test
  void aScoreSaidAfterTheSequencesLookIsRead() {
    DraftOutcome o =
        prostate(
            "Raised PSA.",
            "Transition zone: mostly encapsulated hypointense nodule in the right TZ, 10 mm (T2"
                + " score 2). DWI: mildly restricted, score 3.\\nImpression: PI-RADS 2.");
    assertThat(category(o)).isEqualTo("2");
  }

  @Test
  void aZoneLesionDescribedOnlyByItsLookIsScored() {
    DraftOutcome o =
        prostate(
            "Raised PSA.",
            "Right peripheral zone, mid gland: focal, markedly hypointense on ADC and markedly"
                + " hyperintense on high b-value DWI, 1.4 cm in greatest dimension.\\n"
                + "Impression: Suspicious right PZ lesion; targeted biopsy recommended.");
    assertThat(category(o)).isEqualTo("4");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "with definite extraprostatic extension|5",
        "with possible extraprostatic extension|4",
        "without extraprostatic extension|4",
        "EPE: none|4",
        "EPE: possible|4",
        "EPE: yes|5",
      })
  void aWrittenFourBesideDefiniteExtraprostaticExtensionIsReadAsFive(String epe, String category) {
    DraftOutcome o =
        prostate(
            "Raised PSA.",
            "Left PZ mid: 11 mm, DWI 4, DCE positive, "
                + epe
                + ".\\nImpression: Left PZ lesion. Targeted biopsy.");
    assertThat(category(o)).isEqualTo(category);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Biochemical recurrence after RP 2023.|Prostate bed: 9 mm enhancing nodule at the"
            + " vesicourethral anastomosis, hyperintense on high b-value DWI.",
        "Prostate cancer, EBRT 2022.|MRI 4 years after external beam radiotherapy. Left PZ base:"
            + " 8 mm focus with marked restriction on DWI, DWI 4.",
        "Brachytherapy 2021.|Status post brachytherapy. Right PZ: 6 mm focus, DWI 3.",
      })
  void aTreatedGlandIsNotScored(String indication, String findings) {
    DraftOutcome o =
        prostate(indication, findings + "\\nImpression: Suspected local recurrence. Biopsy.");
    assertThat(category(o)).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Staging before planned radical prostatectomy.",
        "Referred for consideration of radiotherapy.",
        "Prior TURP 2019, rising PSA.",
      })
  void aGlandNotYetTreatedIsScored(String indication) {
    DraftOutcome o =
        prostate(
            indication,
            "Left PZ mid: 13 mm, DWI 4, DCE positive.\\nImpression: Left PZ PI-RADS 4 lesion.");
    assertThat(category(o)).isEqualTo("4");
  }

  @Test
  void aGlandWithoutAFocalLesionTakesTheDictatedLowCategory() {
    DraftOutcome o =
        prostate(
            "Raised PSA.",
            "Prostate: 45 mL. PZ and TZ without focal suspicious lesion; PI-RADS 2 overall."
                + "\\nImpression: PI-RADS 2.");
    assertThat(category(o)).isEqualTo("2");
  }
}
