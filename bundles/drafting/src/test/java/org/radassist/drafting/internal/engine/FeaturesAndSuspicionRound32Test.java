package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.radassist.model.FieldStatus;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.Sex;
import org.radassist.model.StructuredField;

/**
 * Issue 14 round 32 (helper "sys14"): LI-RADS major features present and absent in other wordings,
 * the PI-RADS DWI score from its v2.1 descriptors, and ACTIONABLE_FINDING for a new metastasis in a
 * patient known to have cancer.
 */
class FeaturesAndSuspicionRound32Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private DraftOutcome draft(String modality, String body, String indication, String text) {
    return engine.draft(
        Fixtures.request(text)
            .modality(modality, body)
            .patient(64, Sex.M)
            .indication(indication)
            .build());
  }

  private static String category(DraftOutcome o, ScoringSystem sys) {
    StructuredField f =
        o.structuredFields().stream()
            .filter(s -> s.system() == sys && s.field().equals("category"))
            .findFirst()
            .orElse(null);
    if (f == null) {
      return null;
    }
    return f.status() == FieldStatus.COMPLETE ? f.value() : "incomplete";
  }

  private static boolean actionable(DraftOutcome o) {
    return Fixtures.flagTypes(o).contains(FlagType.ACTIONABLE_FINDING);
  }

  @Test
  void aClauseOpeningWithItsOwnVerbAfterADeniedAphePutsEveryFeatureItListsPresent() {
    DraftOutcome two =
        draft(
            "CT",
            "LIVER",
            "Cirrhosis, HCC surveillance.",
            "Findings: 15 mm segment 5 observation, no APHE, shows washout and an enhancing"
                + " capsule.\nImpression: Segment 5 observation.");
    assertThat(category(two, ScoringSystem.LI_RADS)).isEqualTo("LR-4");
    DraftOutcome listDenied =
        draft(
            "CT",
            "LIVER",
            "Cirrhosis, HCC surveillance.",
            "Findings: 15 mm segment 5 observation, no APHE, washout or capsule.\nImpression:"
                + " Segment 5 observation.");
    assertThat(category(listDenied, ScoringSystem.LI_RADS)).isEqualTo("LR-3");
  }

  @Test
  void capsularAppearanceIsTheCapsule() {
    DraftOutcome o =
        draft(
            "MR",
            "LIVER",
            "Hepatitis B cirrhosis.",
            "Findings: 17 mm segment 7 observation which is not arterially enhancing; it washes"
                + " out and has a capsular appearance on delayed images.\nImpression: Segment 7"
                + " observation.");
    assertThat(category(o, ScoringSystem.LI_RADS)).isEqualTo("LR-4");
  }

  @Test
  void washoutOnThePortalVenousPhaseOnlyLeavesADeniedApheDeniedButAPortalVenousOnlyStudyDoesNot() {
    DraftOutcome placed =
        draft(
            "MR",
            "LIVER",
            "Chronic hepatitis B. HCC surveillance.",
            "Findings: 16 mm segment 6 observation, no arterial hyperenhancement, washout on"
                + " portal venous phase only.\nImpression: 16 mm observation segment 6.");
    assertThat(category(placed, ScoringSystem.LI_RADS)).isEqualTo("LR-3");
    DraftOutcome technique =
        draft(
            "CT",
            "LIVER",
            "Cirrhosis.",
            "Findings: Portal venous phase only. 14 mm segment 4b observation, no arterial"
                + " hyperenhancement visible.\nImpression: 14 mm segment 4b observation.");
    assertThat(category(technique, ScoringSystem.LI_RADS)).isEqualTo("incomplete");
  }

  @Test
  void telegraphicMarkedAdcHypoAndHighBHyperGradeDwiByTheLesionSize() {
    DraftOutcome large =
        draft(
            "MR",
            "PROSTATE",
            "Elevated PSA.",
            "FINDINGS: L PZ mid 15mm, marked ADC hypo, b1500 marked hyper.\nIMPRESSION: L PZ mid"
                + " lesion.");
    assertThat(category(large, ScoringSystem.PI_RADS)).isEqualTo("5");
    DraftOutcome sizeElsewhere =
        draft(
            "MR",
            "PROSTATE",
            "Elevated PSA.",
            "FINDINGS: R PZ base 9 mm lesion. ADC markedly hypo, b2000 markedly hyper.\n"
                + "IMPRESSION: R PZ base lesion.");
    assertThat(category(sizeElsewhere, ScoringSystem.PI_RADS)).isEqualTo("4");
  }

  @Test
  void aRestrictingLesionWithDefiniteExtraprostaticExtensionIsDwiFiveAtAnySize() {
    DraftOutcome definite =
        draft(
            "MR",
            "PROSTATE",
            "Elevated PSA.",
            "Findings: Right PZ apex 12 mm DWI-restricting lesion with definite extraprostatic"
                + " extension.\nImpression: Right apex lesion with extraprostatic extension.");
    assertThat(category(definite, ScoringSystem.PI_RADS)).isEqualTo("5");
    DraftOutcome hedged =
        draft(
            "MR",
            "PROSTATE",
            "Elevated PSA.",
            "Findings: Left base peripheral zone 10 mm lesion with restricted diffusion, possible"
                + " extraprostatic extension.\nImpression: Left base lesion.");
    assertThat(category(hedged, ScoringSystem.PI_RADS)).isEqualTo("incomplete");
  }

  @Test
  void aNewMetastasisInAKnownCancerIsActionableInAnyWordingButTheKnownDiseasesCourseIsNot() {
    assertThat(
            actionable(
                draft(
                    "CT",
                    "ABDOMEN",
                    "Staging rectal cancer.",
                    "Findings: Three hypodense lesions in the right hepatic lobe up to 2.3 cm, new,"
                        + " consistent with metastases.\nImpression: Rectal tumour with hepatic"
                        + " metastatic disease.")))
        .isTrue();
    assertThat(
            actionable(
                draft(
                    "CT",
                    "ABDOMEN",
                    "Metastatic colon cancer on chemotherapy.",
                    "Findings: Hepatic metastases smaller, the largest 2 cm. No new lesion.\n"
                        + "Impression: Responding hepatic metastases. No new metastases.")))
        .isFalse();
    assertThat(
            actionable(
                draft(
                    "CT",
                    "ABDOMEN",
                    "Ovarian cancer surveillance.",
                    "Findings: New 6 mm peritoneal nodule, indeterminate; metastasis is not"
                        + " excluded.\nImpression: Indeterminate new nodule, metastasis not"
                        + " excluded.")))
        .isFalse();
  }

  @Test
  void lackingDeniesTheFeaturesItListsAndIsoThenHypoIsWashout() {
    DraftOutcome lacking =
        draft(
            "MR",
            "LIVER",
            "Cirrhosis, HCC surveillance.",
            "Findings: 14 mm segment 3 observation lacking arterial phase hyperenhancement, with"
                + " washout and capsule.\nImpression: Segment 3 observation.");
    assertThat(category(lacking, ScoringSystem.LI_RADS)).isEqualTo("LR-4");
    assertThat(actionable(lacking)).isFalse();
    DraftOutcome isoThenHypo =
        draft(
            "CT",
            "LIVER",
            "Cirrhosis, HCC surveillance.",
            "Findings: 14 mm segment 7 observation, iso-attenuating on arterial phase,"
                + " hypoattenuating on portal venous phase, with an enhancing capsule.\nImpression:"
                + " Segment 7 observation.");
    assertThat(category(isoThenHypo, ScoringSystem.LI_RADS)).isEqualTo("LR-4");
    DraftOutcome hypoThroughout =
        draft(
            "CT",
            "LIVER",
            "Cirrhosis, HCC surveillance.",
            "Findings: 14 mm segment 7 observation, hypoattenuating on arterial phase and on"
                + " portal venous phase, with an enhancing capsule.\nImpression: Segment 7"
                + " observation.");
    assertThat(category(hypoThroughout, ScoringSystem.LI_RADS)).isEqualTo("LR-3");
  }

  @Test
  void aBValueWrittenWithAnEqualsSignIsTheHighBValue() {
    DraftOutcome o =
        draft(
            "MR",
            "PROSTATE",
            "PSA 9.",
            "Findings: Right PZ mid 12 mm lesion, markedly hypointense on ADC and markedly"
                + " hyperintense on b=1400.\nImpression: Right PZ lesion.");
    assertThat(category(o, ScoringSystem.PI_RADS)).isEqualTo("4");
  }
}
