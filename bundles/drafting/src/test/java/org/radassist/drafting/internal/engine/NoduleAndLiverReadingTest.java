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
 * Fleischner, Lung-RADS and LI-RADS reading of kinds the independent holdout-3 showed missing: risk
 * said in words, volumes, one type said of several nodules, lung resection, long stability after a
 * 4A, screening of something else, and LI-RADS categories decided outside the table.
 */
class NoduleAndLiverReadingTest {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private static String value(DraftOutcome o, ScoringSystem system, String field) {
    StructuredField f =
        o.structuredFields().stream()
            .filter(s -> s.system() == system && s.field().equals(field))
            .findFirst()
            .orElse(null);
    if (f == null) {
      return null;
    }
    return f.status() == FieldStatus.COMPLETE ? f.value() : "incomplete " + f.missing();
  }

  private String fleischner(String indication, String findings) {
    DraftOutcome o =
        engine.draft(
            Fixtures.request("Findings: " + findings)
                .ct()
                .patient(55, Sex.F)
                .indication(indication)
                .build());
    return value(o, ScoringSystem.FLEISCHNER, "recommendation");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Cough. Low risk for lung cancer: never smoker, no family history.| no routine follow-up",
        "Fever. Patient at low risk of lung cancer.| no routine follow-up",
        "Trauma. Low lung cancer risk, never smoked.| no routine follow-up",
        "Nonsmoker, considered at low risk for pulmonary malignancy.| no routine follow-up",
        "Back pain. Low risk of developing lung carcinoma.| no routine follow-up",
        "Pneumonia follow-up. High risk for lung cancer: 40 pack-years.| optional CT at 12 months",
      })
  void aRiskStatementNamingLungCancerIsARiskNotAKnownCancer(String indication, String advice) {
    assertThat(fleischner(indication, "4 mm solid nodule in the right lower lobe."))
        .isEqualTo(advice);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Known lung cancer, on chemotherapy.",
        "Surveillance, stage IA adenocarcinoma resected 2024.",
        "Follow-up after right upper lobectomy.",
        "Left pneumonectomy 2019.",
      })
  void knownCancerOrALungResectionIsNotAnIncidentalNodule(String indication) {
    assertThat(fleischner(indication, "4 mm solid nodule in the left lower lobe.")).isNull();
  }

  @ParameterizedTest(name = "{0} mm3, high risk={1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "90| false| no routine follow-up",
        "99| true| optional CT at 12 months",
        "100| false| CT at 6-12 months, then consider CT at 18-24 months",
        "250| true| CT at 6-12 months, then CT at 18-24 months",
        "251| false| consider CT at 3 months, PET/CT, or tissue sampling",
      })
  void aVolumeIsBandedByFleischnersOwnVolumeThresholds(int mm3, boolean high, String advice) {
    String risk = high ? "Current smoker, 30 pack-years." : "Never smoker, low risk.";
    assertThat(fleischner(risk, "Solid nodule in the right upper lobe, volume " + mm3 + " mm3."))
        .isEqualTo(advice);
  }

  @Test
  void oneTypeWordSaidOfSeveralNodulesTypesEachOfThem() {
    assertThat(
            fleischner(
                "Never smoker, low risk.",
                "Two solid nodules: 7 mm in the right lower lobe and 4 mm in the left upper lobe."))
        .isEqualTo("CT at 3-6 months, then consider CT at 18-24 months");
  }

  private String screening(String findings, PriorSummary... priors) {
    DraftOutcome o =
        engine.draft(
            Fixtures.request("Findings: " + findings)
                .ct()
                .indication("Annual lung cancer screening. 30 pack-years.")
                .priors(priors)
                .build());
    return value(o, ScoringSystem.LUNG_RADS, "category");
  }

  @ParameterizedTest(name = "{0} mm3 -> {1}")
  @CsvSource({"33, 2", "112, 2", "113, 3", "267, 3", "268, 4A", "1766, 4A", "1767, 4B"})
  void aVolumeFallsInTheLungRadsVolumeBand(int mm3, String category) {
    assertThat(screening("Solid nodule in the left upper lobe, volume " + mm3 + " mm3."))
        .isEqualTo(category);
  }

  @ParameterizedTest(name = "4A {0} days before -> {1}")
  @CsvSource({"92, 3", "183, 3", "365, 2", "730, 2"})
  void aFourANoduleUnchangedPastBothSteppedFollowUpsIsCategoryTwo(int days, String category) {
    PriorSummary prior =
        new PriorSummary("p1", -days, "CT", "9 mm solid nodule right upper lobe.", "Lung-RADS 4A.");
    assertThat(screening("The 9 mm solid nodule in the right upper lobe is unchanged.", prior))
        .isEqualTo(category);
  }

  @Test
  void screeningSaidOfAnotherConditionIsNoLungScreening() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request("Findings: Aorta normal in calibre. Lungs clear, no nodules.")
                .ct()
                .patient(42, Sex.M)
                .indication("Father had type A aortic dissection at 50. Screening.")
                .build());
    assertThat(value(o, ScoringSystem.LUNG_RADS, "category")).isNull();
  }

  private DraftOutcome liver(String dictation, PriorSummary... priors) {
    return engine.draft(
        Fixtures.request(dictation)
            .modality("MR", "ABDOMEN")
            .indication("Cirrhosis, HCC surveillance.")
            .priors(priors)
            .build());
  }

  private String liRads(String dictation, PriorSummary... priors) {
    return value(liver(dictation, priors), ScoringSystem.LI_RADS, "category");
  }

  @Test
  void thresholdGrowthIsReadFromThePriorStudyAndFromTheImpression() {
    PriorSummary fourMonths =
        new PriorSummary("p1", -120, "MR", "9 mm arterially enhancing observation segment 4a.", "");
    PriorSummary tenMonths =
        new PriorSummary("p1", -300, "MR", "9 mm arterially enhancing observation segment 4a.", "");
    String now =
        "Findings: The segment 4a observation measures 15 mm with nonrim APHE. No washout.";
    assertThat(liRads(now, fourMonths)).isEqualTo("LR-5");
    assertThat(liRads(now, tenMonths)).isEqualTo("LR-3");
    assertThat(liRads(now + "\nImpression: Observation with threshold growth.")).isEqualTo("LR-5");
    assertThat(liRads(now + "\nImpression: Observation without threshold growth."))
        .isEqualTo("LR-3");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "25 mm hypoenhancing observation in segment 8 without washout or capsule.| LR-3",
        "25 mm observation in segment 8 with no arterial hyperenhancement, no washout.| LR-3",
        "15 mm observation with nonrim APHE, hypoenhancing in the portal venous phase.| LR-5",
        "12 mm observation, nonrim APHE, hypo-enhancing on delayed phase. No capsule.| LR-5",
        "18 mm observation, nonrim APHE and portal venous phase hypoattenuation.| LR-5",
        "12 mm observation, hypoenhancing in the arterial and delayed phases.| LR-3",
      })
  void hypoenhancementIsAbsentApheUnlessItIsOfALaterPhase(String findings, String category) {
    assertThat(liRads("Findings: " + findings)).isEqualTo(category);
  }

  @Test
  void dictatedLrOneAndTwoHoldWhenTheTableDoesNotSayMore() {
    assertThat(
            liRads(
                "Findings: 18 mm segment 7 lesion with peripheral nodular enhancement and"
                    + " centripetal fill-in.\nImpression: Haemangioma, LR-1."))
        .isEqualTo("LR-1");
    assertThat(
            liRads(
                "Findings: 7 mm segment 2 nodule, no APHE, no washout.\nImpression: LR-2,"
                    + " probably benign."))
        .isEqualTo("LR-2");
    DraftOutcome table =
        liver(
            "Findings: 15 mm segment 6 observation with nonrim APHE and nonperipheral washout.\n"
                + "Impression: LR-2.");
    assertThat(value(table, ScoringSystem.LI_RADS, "category")).isEqualTo("LR-5");
    assertThat(Fixtures.flagTypes(table)).contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void targetoidFeaturesMakeLrMAndTumourInVeinMakesLrTivWithoutASize() {
    DraftOutcome m =
        liver(
            "Findings: 32 mm segment 5 observation with rim arterial phase hyperenhancement.\n"
                + "Impression: Targetoid observation. Biopsy recommended.");
    assertThat(value(m, ScoringSystem.LI_RADS, "category")).isEqualTo("LR-M");
    assertThat(Fixtures.flagTypes(m)).contains(FlagType.ACTIONABLE_FINDING);
    DraftOutcome tiv =
        liver(
            "Findings: Enhancing soft tissue expanding the right portal vein.\n"
                + "Impression: Tumour in vein.");
    assertThat(value(tiv, ScoringSystem.LI_RADS, "category")).isEqualTo("LR-TIV");
    assertThat(Fixtures.flagTypes(tiv)).contains(FlagType.ACTIONABLE_FINDING);
    // a renal cell carcinoma's tumour thrombus is not a liver observation's
    assertThat(
            liRads(
                "Findings: Left renal mass with tumour thrombus extending into the left renal"
                    + " vein. 12 mm segment 6 observation with nonrim APHE, no washout."))
        .isEqualTo("LR-3");
    // non-peripheral washout is the HCC feature, not the targetoid one
    assertThat(
            liRads(
                "Findings: 15 mm observation: arterial phase hyperenhancement, non-peripheral"
                    + " washout, no capsule."))
        .isEqualTo("LR-5");
    assertThat(
            liRads(
                "Findings: 25 mm segment 7 observation with nonrim APHE, no washout, no capsule."
                    + " No tumour in vein."))
        .isEqualTo("LR-4");
  }

  @Test
  void aBareLrShorthandOnAChestScreeningCtIsNotLiRads() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "Findings: lungs clear. no nodules.\nImpression: neg screening ct. LR 1.")
                .ct()
                .indication("Annual lung cancer screening. 40 pack-years.")
                .build());
    assertThat(value(o, ScoringSystem.LI_RADS, "category")).isNull();
    assertThat(value(o, ScoringSystem.LUNG_RADS, "category")).isEqualTo("1");
  }
}
