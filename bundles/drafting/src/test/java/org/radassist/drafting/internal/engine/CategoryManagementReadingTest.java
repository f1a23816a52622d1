package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;

/**
 * TI-RADS, PI-RADS and BI-RADS read from dictations as written: a TI-RADS level determined by the
 * stated features when the unstated ones cannot change it, the recommendation dictated against the
 * category's table in both directions, and screening words that are not about this exam.
 */
class CategoryManagementReadingTest {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private DraftOutcome thyroid(String dictation) {
    return engine.draft(Fixtures.request(dictation).modality("US", "NECK").build());
  }

  private DraftOutcome prostate(String dictation) {
    return engine.draft(Fixtures.request(dictation).modality("MR", "PROSTATE").build());
  }

  private DraftOutcome mammogram(String indication, String dictation) {
    return engine.draft(
        Fixtures.request(dictation).modality("MG", "BREAST").indication(indication).build());
  }

  private static boolean mismatch(DraftOutcome o) {
    return Fixtures.flagTypes(o).contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  // ------------------------------------------------------------------ TI-RADS

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // 2 + 2 + 3 = 7 before margin and foci: TR5 whatever they are
        "Left lobe 1.0 cm solid hypoechoic nodule, taller than wide.|TR5",
        // 2 + 1 + 2 + 2 = 7 with the shape unstated
        "Right lobe 1.5 cm solid isoechoic nodule with irregular margins and interrupted"
            + " peripheral (rim) calcification.|TR5",
        // 'no foci' is no echogenic foci: 2 + 2 + 0 + 0 + 0 = 4
        "Right lobe 1.8 cm solid hypoechoic nodule, wider than tall, smooth, no foci.|TR4",
        // foci add up: 2 + 2 + 0 + 0 + 1 + 3 = 8
        "Left lobe 1.2 cm solid hypoechoic nodule, wider than tall, smooth margins, containing"
            + " both a macrocalcification and punctate echogenic foci.|TR5",
      })
  void aTiRadsLevelIsGivenWhenTheStatedFeaturesDecideIt(String findings, String level) {
    assertThat(Fixtures.field(thyroid("Findings: " + findings), ScoringSystem.TI_RADS, "category"))
        .isEqualTo(level);
  }

  @Test
  void unstatedShapeMarginAndFociScoreZeroAndTheRationaleNamesTheAssumption() {
    // the dictation convention: composition and echogenicity said, the rest adds nothing
    DraftOutcome o =
        thyroid("Findings: Right lobe 1.9 cm solid hypoechoic nodule, wider than tall, smooth.");
    var field = tiRadsCategory(o);
    assertThat(field.value()).isEqualTo("TR4");
    assertThat(field.missing()).isEmpty();
    assertThat(field.reason()).contains("echogenic foci not stated: scored as none");
    assertThat(field.reason()).doesNotContain("shape not stated");
  }

  @Test
  void aTiRadsLevelStaysOpenWhileCompositionOrEchogenicityCouldMoveIt() {
    DraftOutcome o =
        thyroid("Findings: Right lobe 1.9 cm hypoechoic nodule, wider than tall, smooth, no foci.");
    var field = tiRadsCategory(o);
    assertThat(field.value()).isEmpty();
    assertThat(field.missing()).containsExactly("composition");
  }

  private static org.radassist.model.StructuredField tiRadsCategory(DraftOutcome o) {
    return o.structuredFields().stream()
        .filter(f -> f.system() == ScoringSystem.TI_RADS && f.field().equals("category"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aDictatedLevelTheStatedFeaturesContradictIsAMismatch() {
    String findings =
        "Findings: Left lobe 1.3 cm solid hypoechoic nodule, wider than tall, smooth margins.";
    DraftOutcome tr3 = thyroid(findings + "\nImpression: 1.3 cm left lobe TR3 nodule.");
    assertThat(Fixtures.field(tr3, ScoringSystem.TI_RADS, "category")).isEqualTo("TR4");
    assertThat(mismatch(tr3)).isTrue();
    DraftOutcome tr4 = thyroid(findings + "\nImpression: 1.3 cm left lobe TR4 nodule.");
    assertThat(mismatch(tr4)).isFalse();
    // composition unstated: hypoechoic 2 + irregular 2 = 4 already, so TR2 is out of reach
    DraftOutcome open =
        thyroid(
            "Findings: Left lobe 1.3 cm hypoechoic nodule, wider than tall, irregular margins."
                + "\nImpression: 1.3 cm left lobe TR2 nodule.");
    assertThat(Fixtures.field(open, ScoringSystem.TI_RADS, "category")).isEmpty();
    assertThat(mismatch(open)).isTrue();
  }

  @ParameterizedTest(name = "{0} / {1} -> mismatch {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // TR3 follow-up from 1.5 cm, FNA from 2.5 cm
        "1.0 cm solid isoechoic|Follow-up ultrasound in 1 year.|true",
        "1.5 cm solid isoechoic|Follow-up ultrasound in 1 year.|false",
        "1.2 cm solid isoechoic|Ultrasound-guided FNA recommended.|true",
        "1.2 cm solid isoechoic|No follow-up needed.|false",
        // TR4 follow-up from 1.0 cm, FNA from 1.5 cm
        "0.8 cm solid hypoechoic|Repeat ultrasound in 12 months.|true",
        "1.0 cm solid hypoechoic|Repeat ultrasound in 12 months.|false",
        "1.5 cm solid hypoechoic|FNA recommended.|false",
        // management said around FNA: denied after its name, listed with follow-up, a threshold
        "1.7 cm solid hypoechoic|FNA not required; follow-up ultrasound in 1 year.|true",
        "1.7 cm solid hypoechoic|FNA is unnecessary; repeat ultrasound in 1 year.|true",
        "1.2 cm solid hypoechoic|FNA not indicated; follow-up ultrasound in 1 year.|false",
        "2.8 cm solid isoechoic|No FNA or follow-up required.|true",
        "2.8 cm solid isoechoic|Neither biopsy nor follow-up is needed.|true",
        "1.2 cm solid hypoechoic|Below FNA size; follow-up ultrasound in 1 year.|false",
      })
  void theThyroidRecommendationIsCheckedAgainstTheTrSizesBothWays(
      String nodule, String impression, boolean expected) {
    DraftOutcome o =
        thyroid(
            "Findings: Right lobe "
                + nodule
                + " nodule, wider than tall, smooth, no echogenic foci.\nImpression: "
                + impression);
    assertThat(mismatch(o)).isEqualTo(expected);
  }

  @Test
  void anFnaOfALymphNodeIsNotTheThyroidNodules() {
    DraftOutcome o =
        thyroid(
            "Findings: Right lobe 1.7 cm solid isoechoic nodule, wider than tall, smooth, no foci."
                + " Left level IV lymph node 1.4 cm with microcalcifications.\nImpression: 1."
                + " Abnormal left level IV lymph node; ultrasound-guided FNA of the node"
                + " recommended. 2. 1.7 cm right lobe TR3 nodule, follow-up ultrasound in 1 year.");
    assertThat(Fixtures.field(o, ScoringSystem.TI_RADS, "category")).isEqualTo("TR3");
    assertThat(mismatch(o)).isFalse();
  }

  @Test
  void aLobeAndPoleNoduleOnANeckUltrasoundIsTheThyroidsAndItsSideIsChecked() {
    DraftOutcome o =
        thyroid(
            "Findings: Right lobe lower pole 1.8 cm solid hypoechoic nodule, wider than tall,"
                + " smooth, no echogenic foci. Left lobe normal.\nImpression: 1.8 cm left lobe TR4"
                + " nodule. FNA recommended.");
    assertThat(Fixtures.field(o, ScoringSystem.TI_RADS, "category")).isEqualTo("TR4");
    assertThat(Fixtures.flagTypes(o))
        .contains(FlagType.LATERALITY_MISMATCH)
        .doesNotContain(FlagType.FINDING_NOT_IN_IMPRESSION);
  }

  // ------------------------------------------------------------------ PI-RADS

  @Test
  void aDictatedPiRadsOnAGlandWithoutAFocalLesionIsOne() {
    DraftOutcome o =
        prostate(
            "Findings: Prostate volume 30 mL. Peripheral and transition zones unremarkable. No"
                + " focal lesion on T2W or DWI.\nImpression: No suspicious lesion. PI-RADS 1.");
    assertThat(Fixtures.field(o, ScoringSystem.PI_RADS, "category")).isEqualTo("1");
    // non-focal findings may be called 2: no focal lesion does not contradict it
    DraftOutcome two =
        prostate(
            "Findings: Prostate 52 mL with BPH and diffuse wedge-shaped change. No focal lesions."
                + "\nImpression: PI-RADS 2 overall; no clinically significant lesion.");
    assertThat(Fixtures.field(two, ScoringSystem.PI_RADS, "category")).isEqualTo("2");
    assertThat(mismatch(two)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Lesion 1: L PZpl mid, 11 mm. T2 4, DWI 4, DCE +.|4",
        "Lesion 1: R TZa apex, 12 mm. T2W 4, DWI 3.|4",
        "Lesion 1: L PZpm base, 8 mm. T2 3, DWI 3, DCE -.|3",
        "Left PZ base: 1.3 cm focal lesion with marked ADC hypointensity and marked high b"
            + " hyperintensity.|4",
      })
  void sectorAbbreviationsAndSignalWordOrdersAreRead(String findings, String category) {
    assertThat(Fixtures.field(prostate("Findings: " + findings), ScoringSystem.PI_RADS, "category"))
        .isEqualTo(category);
  }

  @ParameterizedTest(name = "PI-RADS {0}: {1} -> mismatch {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "5|No biopsy needed; routine PSA monitoring.|true",
        "4|Biopsy is not indicated.|true",
        "5|MRI-targeted biopsy recommended.|false",
        "2|No biopsy needed.|false",
      })
  void aHighPiRadsCategoryWithTheBiopsyDeclinedIsAMismatch(
      String category, String impression, boolean expected) {
    String findings =
        switch (category) {
          case "5" -> "Right PZ posterolateral 1.9 cm lesion with marked restriction (DWI 5).";
          case "4" -> "Right PZ posterolateral 1.1 cm lesion, DWI 4, DCE positive.";
          default -> "Right PZ: linear ADC hypointensity, DWI 2. DCE negative.";
        };
    DraftOutcome o =
        prostate("Findings: " + findings + "\nImpression: PI-RADS " + category + ". " + impression);
    assertThat(Fixtures.field(o, ScoringSystem.PI_RADS, "category")).isEqualTo(category);
    assertThat(mismatch(o)).isEqualTo(expected);
  }

  // ------------------------------------------------------------------ BI-RADS

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Screening recall.",
        "Recall from screening mammogram.",
        "Abnormal screening mammogram, left breast.",
        "Screening-detected calcifications.",
      })
  void aWorkupAfterScreeningIsNotAScreeningExam(String indication) {
    DraftOutcome o =
        mammogram(
            indication,
            "Findings: Spot compression views show a 9 mm irregular mass.\nImpression: BI-RADS 4."
                + " Biopsy should be performed in the absence of clinical contraindication.");
    assertThat(mismatch(o)).isFalse();
  }

  @Test
  void aConditionalLaterStepIsNotTheRecommendation() {
    DraftOutcome o =
        mammogram(
            "Recall from screening.",
            "Findings: 8 mm irregular mass right breast 9 o'clock.\nImpression: BI-RADS 4A."
                + " Ultrasound-guided core biopsy recommended. If benign and concordant, return to"
                + " annual screening.");
    assertThat(mismatch(o)).isFalse();
    DraftOutcome plain =
        mammogram(
            "Recall from screening.",
            "Findings: 8 mm irregular mass right breast 9 o'clock.\nImpression: BI-RADS 4A."
                + " Return to annual screening.");
    assertThat(mismatch(plain)).isTrue();
  }

  @Test
  void aScreeningMammogramAssessedFourIsStillAMismatch() {
    DraftOutcome o =
        mammogram(
            "Routine screening mammogram.",
            "Findings: New 8 mm irregular mass in the right breast.\nImpression: BI-RADS 4."
                + " Biopsy recommended.");
    assertThat(mismatch(o)).isTrue();
  }

  @Test
  void aDiagnosticMammogramInSixMonthsIsTheShortIntervalFollowUpOfBiRads3() {
    DraftOutcome o =
        mammogram(
            "Screening recall, left breast.",
            "Findings: Spot compression views show a 6 mm oval circumscribed mass.\nImpression:"
                + " BI-RADS 3: Probably benign. Recommend left breast diagnostic mammogram in 6"
                + " months.");
    assertThat(mismatch(o)).isFalse();
    DraftOutcome now =
        mammogram(
            "Screening recall, left breast.",
            "Findings: Spot compression views show a 6 mm oval circumscribed mass.\nImpression:"
                + " BI-RADS 3: Probably benign. Recommend additional diagnostic views now.");
    assertThat(mismatch(now)).isTrue();
  }
}
