package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.drafting.internal.rules.Assessment;
import org.radassist.drafting.internal.rules.PiRads;
import org.radassist.model.FieldStatus;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.StructuredField;

/**
 * Reading PI-RADS, TI-RADS, BI-RADS and LI-RADS dictations as radiologists write them: zones by
 * abbreviation, scores implied by the published look and size, where each system applies, Roman
 * numerals, and the British closing headers.
 */
class SystemsReadingTest {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private DraftOutcome prostate(String dictation) {
    return engine.draft(Fixtures.request(dictation).modality("MR", "PROSTATE").build());
  }

  private DraftOutcome draft(String dictation, String modality, String bodyPart) {
    return engine.draft(Fixtures.request(dictation).modality(modality, bodyPart).build());
  }

  private static StructuredField field(DraftOutcome o, ScoringSystem system, String name) {
    return o.structuredFields().stream()
        .filter(f -> f.system() == system && f.field().equals(name))
        .findFirst()
        .orElse(null);
  }

  private static String piRads(DraftOutcome o) {
    return Fixtures.field(o, ScoringSystem.PI_RADS, "category");
  }

  // ------------------------------------------------------------------ PI-RADS zone

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Left posterolateral PZ at the apex: 9 mm focal lesion, DWI 4.|4",
        "Left peripheral-zone base: 7 mm focal lesion, DWI 2.|2",
        "Right anterior TZ: homogeneous circumscribed nodule, T2W 2, DWI 4.|3",
        "Transitional zone, left: heterogeneous signal, T2 score 3; DWI score 3.|3",
        "Right TZ mid-gland: 1.0 cm lesion, T2W 4, DWI 2.|4"
      })
  void theZoneIsReadFromItsAbbreviationOrWords(String findings, String category) {
    assertThat(piRads(prostate("Findings: " + findings))).isEqualTo(category);
  }

  @Test
  void theZoneIsTheScoredLesionsNotAZoneSaidToBeNormal() {
    // peripheral zone named first (normal), the scored lesion is in the transition zone: T2W 3 +
    // DWI 5 upgrades to 4 there, where a peripheral zone DWI 5 would be 5
    assertThat(
            piRads(
                prostate(
                    "Findings: Peripheral zone unremarkable. Anterior TZ at mid-gland: 1.6 cm"
                        + " heterogeneous lesion with obscured margins, T2W 3, DWI 5.")))
        .isEqualTo("4");
    assertThat(
            piRads(
                prostate(
                    "Findings: Enlarged transition zone with encapsulated BPH nodules. Right mid"
                        + " peripheral zone: 7 mm focal lesion, DWI 3. DCE negative.")))
        .isEqualTo("3");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PI-RADS v2.1 category 4|4",
        "PI-RADS 2.1 score: 4|4",
        "PI-RADS version 2.1 overall assessment 4|4",
        "PI-RADS 4 (v2.1)|4"
      })
  void theVersionOfPiRadsIsNotItsCategory(String said, String category) {
    DraftOutcome o =
        prostate(
            "Findings: Left PZ at mid-gland: 9 mm focal lesion, DWI 4.\nImpression: Left PZ lesion, "
                + said
                + ".");
    assertThat(piRads(o)).isEqualTo(category);
    assertThat(Fixtures.flagTypes(o)).doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Lesion 1: left PZ apex, 11 mm focal lesion, DWI 4. Lesion 2: right TZ lesion with obscured"
            + " margins, T2W 3, DWI 3.|4",
        "Right TZ: mostly encapsulated nodule, T2W 2, DWI 3. Left PZ base: 9 mm focal lesion, DWI"
            + " 4.|4",
        "Right PZ apex: 6 mm focal lesion, DWI 3. Left TZ: mostly encapsulated nodule, T2W 2, DWI"
            + " 2. DCE positive.|4",
        "Right PZ apex: 6 mm focal lesion, DWI 3. Left TZ: mostly encapsulated nodule, T2W 2, DWI"
            + " 2. DCE negative.|3"
      })
  void withSeveralLesionsTheExamCategoryIsTheMostSuspiciousLesions(
      String findings, String category) {
    assertThat(piRads(prostate("Findings: " + findings))).isEqualTo(category);
  }

  // ------------------------------------------------------------------ scores implied by the look

  @ParameterizedTest(name = "{0} mm -> DWI {1}")
  @CsvSource({"14, 4", "15, 5", "9, 4", "22, 5"})
  void aMarkedlyRestrictingLesionIsDwi4Below15MmAnd5From15Mm(int mm, String category) {
    DraftOutcome o =
        prostate(
            "Findings: Focal "
                + mm
                + " mm lesion in the left PZ at mid-gland, markedly hypointense on ADC and"
                + " markedly hyperintense on high b-value DWI. No extraprostatic extension.");
    assertThat(piRads(o)).isEqualTo(category);
  }

  @Test
  void definiteExtraprostaticExtensionMakesASmallMarkedLesionDwi5() {
    assertThat(
            piRads(
                prostate(
                    "Findings: 11 mm left peripheral zone lesion at the apex with markedly"
                        + " restricted diffusion and definite extraprostatic extension.")))
        .isEqualTo("5");
  }

  @Test
  void markedOnOnlyOneSequenceIsDwi3AndThenNeedsDce() {
    String findings =
        "Findings: Left PZ at the base: 8 mm focal lesion, markedly hypointense on ADC and mildly"
            + " hyperintense on high b-value images.";
    StructuredField f = field(prostate(findings), ScoringSystem.PI_RADS, "category");
    assertThat(f.status()).isEqualTo(FieldStatus.INCOMPLETE);
    assertThat(f.missing()).containsExactly("DCE (positive or negative)");
    assertThat(piRads(prostate(findings + " DCE negative."))).isEqualTo("3");
    assertThat(piRads(prostate(findings + " DCE positive."))).isEqualTo("4");
  }

  @Test
  void aMarkedLesionWithoutASizeNamesTheDwiScoreAsMissing() {
    StructuredField f =
        field(
            prostate(
                "Findings: Left PZ lesion, markedly hypointense on ADC and markedly hyperintense"
                    + " on high b-value images."),
            ScoringSystem.PI_RADS,
            "category");
    assertThat(f.status()).isEqualTo(FieldStatus.INCOMPLETE);
    assertThat(f.missing()).containsExactly("DWI score");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Left anterior TZ: 1.2 cm lenticular, homogeneously moderately hypointense lesion, DWI 4.|4",
        "2.1 cm non-circumscribed, homogeneous, moderately hypointense right anterior TZ lesion,"
            + " DWI 5.|5",
        "Left TZ: mostly encapsulated nodule, 11 mm, DWI 3.|2",
        "Left TZ: mostly encapsulated nodule, 11 mm, DWI 4.|3",
        "Transition zone with round, completely encapsulated nodules. Peripheral zone normal,"
            + " diffusion unremarkable.|1"
      })
  void theTransitionZoneIsScoredOnTheT2wLookWhenNoScoreIsWritten(String findings, String category) {
    assertThat(piRads(prostate("Findings: " + findings))).isEqualTo(category);
  }

  // ------------------------------------------------------------------ biparametric MRI

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Technique: Biparametric MRI (T2W and DWI), no intravenous contrast.",
        "Technique: bpMRI.",
        "Technique: Non-contrast prostate MRI.",
        "Technique: DCE not performed."
      })
  void onBiparametricMriAPeripheralDwi3StaysPiRads3(String technique) {
    assertThat(piRads(prostate(technique + "\nFindings: Left PZ: 8 mm focal lesion, DWI 3.")))
        .isEqualTo("3");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"DCE +ve, 4", "DCE+, 4", "DCE -ve, 3", "DCE - positive, 4", "DCE: negative, 3"})
  void theDceResultIsReadInItsShorthand(String dce, String category) {
    assertThat(
            piRads(
                prostate("Findings: Right PZ mid-gland: 8 mm focal lesion, DWI 3, " + dce + ".")))
        .isEqualTo(category);
  }

  @Test
  void t2wiIsTheT2wScore() {
    assertThat(piRads(prostate("Findings: Right TZ: 12 mm nodule, T2WI 2, DWI 3."))).isEqualTo("2");
  }

  @Test
  void onMultiparametricMriAPeripheralDwi3StillNeedsTheDceResult() {
    StructuredField f =
        field(
            prostate(
                "Technique: Multiparametric MRI with dynamic contrast enhancement.\nFindings:"
                    + " Left PZ: 8 mm focal lesion, DWI 3."),
            ScoringSystem.PI_RADS,
            "category");
    assertThat(f.missing()).containsExactly("DCE (positive or negative)");
  }

  @Test
  void theRuleKeepsPeripheralDwi3At3WithoutDceAndAsksForDceWhenItWasPerformed() {
    Assessment bp = PiRads.assess(PiRads.Zone.PERIPHERAL, null, 3, null, false);
    assertThat(bp.category()).isEqualTo("3");
    assertThat(bp.reason()).contains("biparametric");
    assertThat(PiRads.assess(PiRads.Zone.PERIPHERAL, null, 3, null, true).isComplete()).isFalse();
    assertThat(PiRads.assess(PiRads.Zone.PERIPHERAL, null, 3, true, false).category())
        .isEqualTo("4");
  }

  @Test
  void prostateWordsOnAnotherExamDoNotBringPiRads() {
    DraftOutcome bladder =
        draft(
            "Findings: 2.5 cm papillary tumour on the left bladder wall with restricted diffusion"
                + " on DWI. Prostate enlarged with transition zone hypertrophy.",
            "MR",
            "PELVIS");
    assertThat(bladder.structuredFields()).noneMatch(f -> f.system() == ScoringSystem.PI_RADS);
    DraftOutcome normal =
        prostate(
            "Findings: No focal lesion with restricted diffusion in the peripheral or transition"
                + " zone.");
    assertThat(normal.structuredFields()).noneMatch(f -> f.system() == ScoringSystem.PI_RADS);
  }

  @Test
  void piRadsAndLiRadsNamedFromAnEarlierMriScoreNothingOnCtOrUltrasound() {
    DraftOutcome ct =
        draft(
            "Findings: Known left PZ lesion, PI-RADS 4 on the MRI of last month, not well seen on"
                + " CT.",
            "CT",
            "ABDOMEN");
    assertThat(ct.structuredFields()).noneMatch(f -> f.system() == ScoringSystem.PI_RADS);
    DraftOutcome us =
        engine.draft(
            Fixtures.request(
                    "Findings: Cirrhotic liver. The segment 8 observation, LR-4 on the MRI 2 months"
                        + " ago, is not visible on ultrasound.")
                .modality("US", "ABDOMEN")
                .indication("Cirrhosis, HCC surveillance.")
                .build());
    assertThat(us.structuredFields()).noneMatch(f -> f.system() == ScoringSystem.LI_RADS);
  }

  // ------------------------------------------------------------------ TI-RADS applicability

  @ParameterizedTest(name = "{1} {2}: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Left breast at 3 o'clock: 9 mm oval, circumscribed, hypoechoic mass.|US|BREAST",
        "Targeted ultrasound: 5 mm isoechoic oval mass with circumscribed margins.|US|BREAST",
        "9 mm hypoechoic nodule in the left lobe, not seen before.|US|ABDOMEN",
        "15 mm hyperechoic, well-defined lesion in the right lobe of the liver.|US|ABDOMEN",
        "9 mm hypoechoic oval nodule posterior to the right thyroid lobe, likely a parathyroid"
            + " adenoma.|US|NECK",
        "Hypoechoic 11 mm lesion deep to the lower pole of the right thyroid lobe, separate from the"
            + " gland, in keeping with a parathyroid adenoma.|US|NECK",
        "Incidental 1.4 cm hypodense nodule in the left thyroid lobe.|CT|NECK"
      })
  void tiRadsIsOnlyForThyroidNodulesOnUltrasound(String findings, String modality, String body) {
    DraftOutcome o = draft("Findings: " + findings, modality, body);
    assertThat(o.structuredFields()).noneMatch(f -> f.system() == ScoringSystem.TI_RADS);
  }

  @Test
  void aLobeOnANeckUltrasoundIsStillTheThyroids() {
    DraftOutcome o =
        draft(
            "Findings: Left lobe: 1.6 cm solid isoechoic nodule, wider than tall, smooth margins,"
                + " no echogenic foci.",
            "US",
            "NECK");
    assertThat(Fixtures.field(o, ScoringSystem.TI_RADS, "category")).isEqualTo("TR3");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"TR 4", "TR-4", "TIRADS level 4", "TI-RADS score 4", "ACR TI-RADS category TR4"})
  void aDictatedTiRadsLevelIsReadInItsCommonForms(String said) {
    DraftOutcome o =
        draft(
            "Findings: Left lobe: 1.6 cm solid isoechoic nodule, wider than tall, smooth margins, no"
                + " echogenic foci.\nImpression: "
                + said
                + " left thyroid nodule; follow-up ultrasound in 1 year.",
            "US",
            "NECK");
    // solid 2 + isoechoic 1 = 3 points, TR3: the dictated TR4 contradicts the points
    assertThat(Fixtures.field(o, ScoringSystem.TI_RADS, "category")).isEqualTo("TR3");
    assertThat(Fixtures.flagTypes(o)).contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void aTiRadsVersionOrASizeAfterTrIsNoLevel() {
    DraftOutcome o =
        draft(
            "Findings: Left lobe: 1.6 cm solid isoechoic nodule, wider than tall, smooth margins, no"
                + " echogenic foci.\nImpression: Left thyroid nodule scored with ACR TI-RADS 2017:"
                + " TR3. Follow-up ultrasound in 1 year.",
            "US",
            "NECK");
    assertThat(Fixtures.field(o, ScoringSystem.TI_RADS, "category")).isEqualTo("TR3");
    assertThat(Fixtures.flagTypes(o)).doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void liRadsCtMriIsNotOfferedOnASurveillanceUltrasound() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "Findings: Cirrhotic liver. 12 mm hypoechoic nodule in the right lobe, new.")
                .modality("US", "ABDOMEN")
                .indication("Cirrhosis, ultrasound surveillance.")
                .build());
    assertThat(o.structuredFields())
        .noneMatch(f -> f.system() == ScoringSystem.LI_RADS || f.system() == ScoringSystem.TI_RADS);
  }

  // ------------------------------------------------------------------ LI-RADS threshold growth

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "increased in size by 60% since the MRI 5 months ago|LR-4",
        "doubled in size over 3 months|LR-4",
        "a 70 percent increase since the CT 4 months ago|LR-4",
        "grown from 14 mm to 22 mm over 4 months|LR-4",
        "increased by 55% over 12 months|LR-3",
        "increased by 20% in 3 months|LR-3"
      })
  void thresholdGrowthIsFiftyPercentWithinSixMonthsInAnyWording(String growth, String category) {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "Findings: 22 mm segment 6 observation, hypoenhancing in the arterial phase, "
                        + growth
                        + ". No washout or capsule.")
                .modality("MR", "ABDOMEN")
                .indication("Cirrhosis.")
                .build());
    // no APHE, >= 20 mm: LR-3 without additional features, LR-4 with threshold growth
    assertThat(Fixtures.field(o, ScoringSystem.LI_RADS, "category")).isEqualTo(category);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"LR4", "LR 4", "LR-4", "LI-RADS category 4", "LI-RADS LR4"})
  void aDictatedLiRadsCategoryIsReadWithOrWithoutItsHyphen(String said) {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "Findings: 12 mm segment 2 observation with arterial phase hyperenhancement. No"
                        + " washout. No capsule.\nImpression: "
                        + said
                        + " observation.")
                .modality("MR", "ABDOMEN")
                .indication("Cirrhosis.")
                .build());
    // APHE 10-19 mm without additional features is LR-3: the dictated 4 contradicts the table
    assertThat(Fixtures.field(o, ScoringSystem.LI_RADS, "category")).isEqualTo("LR-3");
    assertThat(Fixtures.flagTypes(o)).contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  // ------------------------------------------------------------------ BI-RADS written otherwise

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "BI-RADS IVb. Ultrasound-guided biopsy recommended.|4B",
        "BIRADS category III, probably benign. Follow-up in 6 months.|3",
        "BI-RADS assessment category II: benign.|2",
        "BI-RADS IV-C. Core biopsy.|4C",
        "BIRADS-4A: low suspicion. Stereotactic biopsy recommended.|4A",
        "Category V, highly suggestive of malignancy. Biopsy recommended.|5",
        "Final assessment: category 3, probably benign. Diagnostic mammogram in 6 months.|3"
      })
  void biRadsIsReadInRomanNumeralsAndWithoutItsName(String impression, String category) {
    DraftOutcome o =
        draft(
            "Findings: Left breast: 8 mm irregular mass.\nImpression: " + impression,
            "MG",
            "BREAST");
    assertThat(Fixtures.field(o, ScoringSystem.BI_RADS, "assessment")).isEqualTo(category);
  }

  @Test
  void anOldAcrDensityCategoryIsNoAssessment() {
    StructuredField f =
        field(
            draft(
                "Findings: ACR density category 2. No suspicious mass or calcification.",
                "MG",
                "BREAST"),
            ScoringSystem.BI_RADS,
            "assessment");
    assertThat(f.status()).isEqualTo(FieldStatus.INCOMPLETE);
  }

  @Test
  void aBareCategoryOutsideBreastImagingIsNoBiRads() {
    DraftOutcome o =
        draft(
            "Findings: 5 mm solid nodule in the right upper lobe.\nImpression: Category 3"
                + " finding.",
            "CT",
            "CHEST");
    assertThat(o.structuredFields()).noneMatch(f -> f.system() == ScoringSystem.BI_RADS);
  }

  // ------------------------------------------------------------------ British closing headers

  @ParameterizedTest(name = "{0}")
  @CsvSource({"Comment", "Opinion"})
  void aBritishClosingHeaderOpensTheImpression(String header) {
    DraftOutcome o =
        draft(
            "Findings: Consolidation in the left lower zone. Right lung clear.\n"
                + header
                + ": Right lower lobe consolidation in keeping with infection.",
            "CR",
            "CHEST");
    assertThat(Fixtures.flagTypes(o)).contains(FlagType.LATERALITY_MISMATCH);
  }
}
