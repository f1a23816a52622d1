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
 * Categories implied by the findings (issue 14 part H, helper "bp7"): a BI-RADS category suggested
 * where the reader dictated none (marked suggested, never over a dictated one, silent where the
 * words do not decide), PI-RADS for a gland described as normal in other words, a sized focus with
 * its look between size and noun, the v2.1 size split over a written score 4, and telegraphic
 * TI-RADS shorthand.
 */
class ImpliedCategoryRound23Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private static StructuredField field(DraftOutcome o, ScoringSystem sys, String name) {
    return o.structuredFields().stream()
        .filter(s -> s.system() == sys && s.field().equals(name))
        .findFirst()
        .orElse(null);
  }

  private static String value(StructuredField f) {
    if (f == null) {
      return null;
    }
    return f.status() == FieldStatus.COMPLETE ? f.value() : "incomplete";
  }

  private DraftOutcome breast(String modality, String indication, String dictation) {
    return engine.draft(
        Fixtures.request(dictation)
            .modality(modality, "BREAST")
            .patient(55, Sex.F)
            .indication(indication)
            .build());
  }

  @ParameterizedTest(name = "{3}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "MG|Screening mammogram.|Composition c. No suspicious masses, calcifications or"
            + " distortion.\\nImpression: No mammographic evidence of malignancy.|1",
        "MR|High-risk screening.|Minimal background parenchymal enhancement. No suspicious"
            + " enhancing mass.\\nImpression: No MRI evidence of malignancy.|1",
        "MG|Screening mammogram.|Scattered areas of fibroglandular density. Coarse popcorn"
            + " calcifications left breast.\\nImpression: Benign findings. Continue annual"
            + " screening.|2",
        "US|Palpable lump.|11 mm anechoic, circumscribed, thin-walled cyst.\\nImpression: Cyst at"
            + " the palpable site. Routine screening.|2",
        "MG|NHS breast screening.|Benign-appearing calcified fibroadenomas.\\nComment: Routine"
            + " recall in three years.|2",
        "US|Palpable lump.|9 mm oval circumscribed parallel mass.\\nImpression: Probably benign"
            + " mass. Follow-up ultrasound in 6 months.|3",
        "US|Palpable mass.|2.8 cm irregular, spiculated hypoechoic mass.\\nImpression: Mass"
            + " highly suggestive of malignancy. Biopsy.|5",
        "MG|Screening mammogram.|New focal asymmetry left breast.\\nImpression: Recall for spot"
            + " compression views and ultrasound.|0",
        "MG|Screening mammogram.|New amorphous calcifications right breast.\\nImpression:"
            + " Additional evaluation with magnification views is recommended.|0",
        "US|Focal pain.|Normal fibroglandular tissue. No cyst or solid mass.\\nImpression: Normal"
            + " ultrasound at the site of clinical concern.|1",
        "MR|Biopsy-proven carcinoma, staging.|2.3 cm irregular enhancing mass with the clip, the"
            + " known biopsy-proven invasive ductal carcinoma. No additional suspicious"
            + " enhancement.\\nImpression: Known right breast carcinoma.|6",
        // an asymmetry explained as summation of normal tissue is no finding: negative
        "MG|Recalled from screening.|The left breast asymmetry resolves on spot compression"
            + " views, consistent with summation.\\nImpression: No suspicious finding. Return to"
            + " annual screening.|1",
        // screening is assessed 0, 1 or 2: a suspicious finding on a screen is a recall
        "MG|Screening mammogram.|Irregular spiculated mass left breast.\\nImpression: Suspicious"
            + " mass, diagnostic work-up.|0",
      })
  void aBreastReportWithoutACategoryIsOfferedTheOneItsFindingsImply(
      String modality, String indication, String dictation, String category) {
    StructuredField f =
        field(
            breast(modality, indication, dictation.replace("\\n", "\n")),
            ScoringSystem.BI_RADS,
            "assessment");
    assertThat(value(f)).isEqualTo(category);
    assertThat(f.reason()).startsWith("suggested (no category dictated)");
    assertThat(f.confidence()).isLessThan(0.95);
  }

  @Test
  void aDictatedCategoryIsNeverOverriddenBySuggestion() {
    StructuredField f =
        field(
            breast(
                "MG",
                "Screening mammogram.",
                "A few benign vascular calcifications.\nImpression: BI-RADS 1."),
            ScoringSystem.BI_RADS,
            "assessment");
    assertThat(value(f)).isEqualTo("1");
    assertThat(f.reason()).startsWith("dictated");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // an unread finding on a diagnostic exam: the reader decides
        "Focal asymmetry left lower inner quadrant, partially effacing.\\nImpression: Focal"
            + " asymmetry, indeterminate.",
        // a diagnostic exam with more imaging asked: 0 is for screening recalls (Atlas)
        "Focal asymmetry, likely summation.\\nImpression: Correlation with ultrasound advised.",
        "Right axillary lymph node 2.4 x 1.1 cm with a preserved fatty hilum.",
        // a cancer treated in the past is history, not the known cancer of category 6
        "Lumpectomy site, history of biopsy-proven carcinoma treated in 2019. New 6 mm oval"
            + " mass at 3 o'clock.\\nImpression: New mass as above.",
      })
  void findingsThatDoNotDecideLeaveTheAssessmentToTheReader(String dictation) {
    StructuredField f =
        field(
            breast("MG", "Diagnostic mammogram.", dictation.replace("\\n", "\n")),
            ScoringSystem.BI_RADS,
            "assessment");
    assertThat(value(f)).isEqualTo("incomplete");
  }

  @Test
  void aSuggestedFiveIsAnActionableFinding() {
    DraftOutcome o =
        breast(
            "MG",
            "Palpable mass.",
            "Irregular high-density mass with spiculated margins, 2.2 cm.\nImpression: Spiculated"
                + " mass. Ultrasound-guided biopsy recommended.");
    assertThat(value(field(o, ScoringSystem.BI_RADS, "assessment"))).isEqualTo("5");
    assertThat(Fixtures.flagTypes(o)).contains(FlagType.ACTIONABLE_FINDING);
  }

  private DraftOutcome prostate(String dictation) {
    return engine.draft(
        Fixtures.request(dictation)
            .modality("MR", "PROSTATE")
            .patient(66, Sex.M)
            .indication("Raised PSA.")
            .build());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Peripheral zone: homogeneous, normal diffusion.\\nTransition zone: nodular BPH."
            + "\\nImpression: No clinically significant lesion. PI-RADS 1.|1",
        "Transition zone: normal-appearing, homogeneous intermediate T2 signal. PZ normal."
            + "\\nImpression: PI-RADS 1.|1",
        "PZ homogeneously high T2 signal; no focal diffusion restriction. TZ: mild BPH."
            + "\\nImpression:\\n1. No focal lesion. PI-RADS 1.|1",
        "Peripheral zone: unremarkable, no focal diffusion restriction. Transition zone: typical"
            + " BPH nodules.\\nImpression: No suspicious lesion, PI-RADS 2.|2",
      })
  void aGlandNormalInOtherWordsTakesTheDictatedLowCategory(String dictation, String category) {
    DraftOutcome o = prostate(dictation.replace("\\n", "\n"));
    assertThat(value(field(o, ScoringSystem.PI_RADS, "category"))).isEqualTo(category);
    assertThat(Fixtures.flagTypes(o)).doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void aSizedFocusWithItsLookBeforeTheNounIsScored() {
    DraftOutcome o =
        prostate(
            "Findings: Small 6 mm focal mildly hypointense ADC area in the right PZ, isointense on"
                + " high-b DWI; no early enhancement.\nImpression: Equivocal right PZ focus.");
    assertThat(value(field(o, ScoringSystem.PI_RADS, "category"))).isEqualTo("3");
  }

  @ParameterizedTest(name = "{0} cm -> {1}")
  @CsvSource({"1.6, 5", "1.5, 5", "1.4, 4"})
  void aWrittenScoreFourIsReadByTheSizeSplit(String cm, String category) {
    DraftOutcome o =
        prostate(
            "Findings: TZ anterior left: lenticular homogeneously hypointense lesion measuring "
                + cm
                + " cm. T2 score 4, DWI 4.\nImpression: Targeted biopsy advised.");
    StructuredField f = field(o, ScoringSystem.PI_RADS, "category");
    assertThat(value(f)).isEqualTo(category);
    if (category.equals("5")) {
      assertThat(f.reason()).contains("read as 5");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "L lobe: 1.3 cm solid, iso, W>T, smooth, punctate EF.|TR4",
        "R lobe: 2.0 cm, solid, hypo, T>W, lobulated, no EF.|TR5",
      })
  void telegraphicThyroidShorthandNamesTheFeatures(String findings, String level) {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(findings + "\nIMP: Thyroid nodule.")
                .modality("US", "NECK")
                .patient(48, Sex.F)
                .indication("Thyroid nodule.")
                .build());
    assertThat(value(field(o, ScoringSystem.TI_RADS, "category"))).isEqualTo(level);
  }
}
