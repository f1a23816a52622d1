package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.drafting.PriorSummary;
import org.radassist.model.FieldStatus;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.Sex;
import org.radassist.model.StructuredField;

/**
 * Kinds behind the holdout-11/12 scoring-system misses (issue 14 part J, helper "sys3b"): a marked
 * degree shared by the ADC and high b-value halves, an addendum's re-read or revised category, the
 * Fleischner exclusions and nodule counts said in other words, and a Lung-RADS prior category that
 * belonged to a resolved nodule.
 */
class ScoringMissesRound25Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private DraftOutcome draft(
      String modality,
      String body,
      int age,
      Sex sex,
      String indication,
      String dictation,
      PriorSummary... priors) {
    return engine.draft(
        Fixtures.request(dictation)
            .modality(modality, body)
            .patient(age, sex)
            .indication(indication)
            .priors(priors)
            .build());
  }

  /** The system's main field: its value, "incomplete", or "none" when not offered. */
  private static String main(DraftOutcome o, ScoringSystem system, String field) {
    StructuredField f =
        o.structuredFields().stream()
            .filter(s -> s.system() == system && s.field().equals(field))
            .findFirst()
            .orElse(null);
    if (f == null) {
      return "none";
    }
    return f.status() == FieldStatus.COMPLETE ? f.value() : "incomplete";
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "13 mm focal lesion with marked ADC hypointensity and DWI hyperintensity|4",
        "10 mm focal lesion with marked ADC hypointensity and high b-value hyperintensity|4",
        "11 mm focal lesion, markedly dark on the ADC map and bright on the high b value images|4",
        // a degree of its own on the high b-value half is not the marked one: DWI 3, DCE unsaid
        "11 mm focal lesion with marked ADC hypointensity and mildly bright on DWI|incomplete",
      })
  void aMarkedDegreeSaidOnceCoversBothDiffusionHalves(String lesion, String category) {
    DraftOutcome o =
        draft(
            "MR",
            "PROSTATE",
            66,
            Sex.M,
            "PSA 8.",
            "Findings: Left PZ apex " + lesion + ".\nImpression: Left apical PZ lesion.");
    assertThat(main(o, ScoringSystem.PI_RADS, "category")).isEqualTo(category);
  }

  @Test
  void aMeasuredZoneFocusInItsOwnSentenceIsGradedApartFromTheLesionBesideIt() {
    DraftOutcome o =
        draft(
            "MR",
            "PROSTATE",
            70,
            Sex.M,
            "Active surveillance.",
            "Findings: Left mid PZ 5 mm DWI 3 focus, unchanged, DCE negative. New right apical PZ"
                + " lesion 12 mm, markedly hypointense on ADC and markedly hyperintense on DWI.\n"
                + "Impression: Stable left mid PZ PI-RADS 3 focus.");
    assertThat(main(o, ScoringSystem.PI_RADS, "category")).isEqualTo("4");
    assertThat(Fixtures.flagTypes(o)).contains(FlagType.FINDING_NOT_IN_IMPRESSION);
  }

  @Test
  void anAddendumThatReReadsTheProstateLesionReplacesTheFindingsReading() {
    DraftOutcome o =
        draft(
            "MR",
            "PROSTATE",
            61,
            Sex.M,
            "PSA 5.",
            "Findings: Left anterior 8 mm lesion, mild-moderate restriction (DWI 3) with early"
                + " focal enhancement.\nImpression: Left anterior PZ lesion, PI-RADS 4.\n"
                + "Addendum: The lesion lies in the left anterior transition zone. T2W 3, DWI 3."
                + " Revised PI-RADS 3.");
    assertThat(main(o, ScoringSystem.PI_RADS, "category")).isEqualTo("3");
    assertThat(Fixtures.flagTypes(o)).doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void aBiRadsCategoryAnAddendumRevisesIsReplacedByTheRevisedOne() {
    String before =
        "Findings: Focal asymmetry in the right breast. No prior examinations available.\n"
            + "Impression: BI-RADS 0, need prior films.";
    DraftOutcome revised =
        draft(
            "MG",
            "BREAST",
            55,
            Sex.F,
            "Screening.",
            before
                + "\nADDENDUM: Outside mammograms obtained; the asymmetry is unchanged for 5"
                + " years. Final assessment changed to BI-RADS 2, benign.");
    DraftOutcome pending = draft("MG", "BREAST", 55, Sex.F, "Screening.", before);
    assertThat(Fixtures.field(revised, ScoringSystem.BI_RADS, "assessment")).isEqualTo("2");
    assertThat(Fixtures.field(pending, ScoringSystem.BI_RADS, "assessment")).isEqualTo("0");
  }

  private String fleischner(String indication, String dictation) {
    return main(
        draft("CT", "CHEST", 60, Sex.F, indication, dictation),
        ScoringSystem.FLEISCHNER,
        "recommendation");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a question, or a denied cancer word, is not known cancer
        "Weight loss ? malignancy.|CT at 6-12 months, then CT at 18-24 months",
        "Staging was not requested; recurrent infections.|CT at 6-12 months, then consider CT at"
            + " 18-24 months",
        // known cancer still leaves Fleischner out
        "Known breast cancer on chemotherapy.|none",
      })
  void onlyKnownCancerLeavesFleischnerOut(String indication, String expected) {
    String smoker = indication.contains("malignancy") ? " 20 pack-year smoker." : " Never smoker.";
    assertThat(
            fleischner(
                indication + smoker,
                "Findings: 7 mm solid nodule in the right lower lobe.\nImpression: RLL nodule."))
        .isEqualTo(expected);
  }

  @Test
  void aDiffuseNodularPatternIsNoIncidentalNodule() {
    assertThat(
            fleischner(
                "Sarcoidosis.",
                "Findings: Perilymphatic micronodules along the fissures in both upper lobes,"
                    + " unchanged.\nImpression: Stable sarcoidosis."))
        .isEqualTo("none");
    assertThat(
            fleischner(
                "Cough.",
                "Findings: A nodule in the right upper lobe.\nImpression: Right upper lobe nodule."))
        .isEqualTo("incomplete");
  }

  @Test
  void aNoduleAnotherExamFoundIsTheNoduleThisCtMeasures() {
    assertThat(
            fleischner(
                "Never smoked.",
                "Incidental nodule on CXR.\n10 x 9 mm solid nodule left lower lobe.\n"
                    + "Impression: 9.5 mm solid LLL nodule."))
        .isEqualTo("consider CT at 3 months, PET/CT, or tissue sampling");
  }

  @Test
  void aNonSmokerWrittenApartIsLowRisk() {
    assertThat(
            fleischner(
                "Non smoker.",
                "Findings: A 5 mm solid nodule in the right middle lobe.\nImpression: RML nodule."))
        .isEqualTo("no routine follow-up");
  }

  @Test
  void aMarfanScreeningAortogramIsNoLungScreening() {
    DraftOutcome o =
        draft(
            "CT",
            "CHEST",
            28,
            Sex.M,
            "",
            "CT aortogram. Marfan screening.\nAortic root 36 mm. No dissection.\n"
                + "Impression: Normal calibre thoracic aorta.");
    assertThat(main(o, ScoringSystem.LUNG_RADS, "category")).isEqualTo("none");
  }

  @Test
  void aPriorCategoryOfAResolvedNoduleDoesNotStepTheRemainingOne() {
    DraftOutcome o =
        draft(
            "CT",
            "CHEST",
            60,
            Sex.F,
            "3-month follow-up, lung cancer screening.",
            "Findings: The previously seen 9 mm left lower lobe nodule has resolved. Stable 3 mm"
                + " right upper lobe solid nodule.\nImpression: Lung-RADS 2.",
            new PriorSummary(
                "pr", -95, "CT", "New 9 mm solid LLL nodule. 3 mm RUL nodule.", "Lung-RADS 4A."));
    assertThat(main(o, ScoringSystem.LUNG_RADS, "category")).isEqualTo("2");
  }
}
