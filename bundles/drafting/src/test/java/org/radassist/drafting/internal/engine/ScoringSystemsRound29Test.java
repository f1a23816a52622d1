package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.radassist.model.FieldStatus;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.Sex;
import org.radassist.model.StructuredField;

/**
 * Scoring systems and their category-management checks (issue 14 round 29, helper "sys10"): a
 * PI-RADS category dictated with no sequence read, a biopsy declined with imaging, LR-3 with a
 * biopsy or at its own pace, a 4X interval offered beside the work-up, Fleischner's restated mean
 * and highly suspicious part-solid nodule, addenda that re-read a liver or lung finding.
 */
class ScoringSystemsRound29Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private DraftOutcome draft(String modality, String body, String indication, String text) {
    return engine.draft(
        Fixtures.request(text)
            .modality(modality, body)
            .patient(64, Sex.M)
            .indication(indication)
            .build());
  }

  private static String value(DraftOutcome o, ScoringSystem sys, String field) {
    StructuredField f =
        o.structuredFields().stream()
            .filter(s -> s.system() == sys && s.field().equals(field))
            .findFirst()
            .orElse(null);
    if (f == null) {
      return null;
    }
    return f.status() == FieldStatus.COMPLETE ? f.value() : "incomplete";
  }

  private static boolean mismatch(DraftOutcome o) {
    return o.flags().stream().anyMatch(f -> f.type() == FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void aPiRadsCategoryDictatedWithNoSequenceReadStandsAndADescribedLookDoesNot() {
    DraftOutcome bare =
        draft(
            "MR",
            "PROSTATE",
            "Raised PSA.",
            "Findings: Left PZ PI-RADS 5 lesion 2.3 cm.\nImpression: PI-RADS 5 left PZ lesion.");
    assertThat(value(bare, ScoringSystem.PI_RADS, "category")).isEqualTo("5");
    DraftOutcome look =
        draft(
            "MR",
            "PROSTATE",
            "Raised PSA.",
            "Findings: Left PZ 9 mm lesion, T2 hypointense. Diffusion images degraded by rectal"
                + " gas.\nImpression: Left PZ lesion, PI-RADS 4.");
    assertThat(value(look, ScoringSystem.PI_RADS, "category")).isEqualTo("incomplete");
  }

  @Test
  void piRadsFourWithImagingAndBiopsyBothDeclinedIsAMismatch() {
    String findings =
        "Findings: Right PZ apex 10 mm focal lesion, markedly hypointense on ADC, DWI 4. DCE"
            + " positive.\nImpression: PI-RADS 4. ";
    assertThat(
            mismatch(
                draft("MR", "PROSTATE", "Raised PSA.", findings + "No further imaging or biopsy.")))
        .isTrue();
    assertThat(
            mismatch(
                draft(
                    "MR",
                    "PROSTATE",
                    "Raised PSA.",
                    findings + "No further imaging needed; recommend MRI-targeted biopsy.")))
        .isFalse();
  }

  @Test
  void lr3WithABiopsyAskedForNowIsAMismatchButNotAConditionalOne() {
    String findings =
        "Findings: Segment 3 observation 12 mm, no APHE, no washout, no capsule.\nImpression: LR-3"
            + " segment 3 observation. ";
    assertThat(mismatch(draft("MR", "LIVER", "Cirrhosis.", findings + "Recommend biopsy.")))
        .isTrue();
    assertThat(
            mismatch(
                draft(
                    "MR",
                    "LIVER",
                    "Cirrhosis.",
                    findings + "Repeat MRI in 3 months; biopsy only if it grows.")))
        .isFalse();
  }

  @Test
  void routineSurveillanceAtTheLr3PaceIsNotRoutineButTheUltrasoundProgrammeIs() {
    String findings =
        "Findings: 7 mm nonrim APHE focus in segment 6 without washout or capsule.\nImpression:"
            + " LR-3 observation segment 6. ";
    assertThat(
            mismatch(
                draft(
                    "MR",
                    "LIVER",
                    "Cirrhosis.",
                    findings + "Routine surveillance MRI in 3-6 months.")))
        .isFalse();
    assertThat(
            mismatch(
                draft(
                    "MR",
                    "LIVER",
                    "Cirrhosis.",
                    findings + "Return to routine ultrasound surveillance in 6 months.")))
        .isTrue();
  }

  @Test
  void anAddendumThatFindsWashoutRevisesTheLiverCategory() {
    DraftOutcome o =
        draft(
            "MR",
            "LIVER",
            "Cirrhosis.",
            "Findings: 14 mm segment 6 observation with nonrim APHE. No washout identified. No"
                + " capsule.\nImpression: LR-4 observation segment 6.\nAddendum: Review of the"
                + " delayed phase demonstrates nonperipheral washout of the segment 6 observation."
                + " Category revised to LR-5.");
    assertThat(value(o, ScoringSystem.LI_RADS, "category")).isEqualTo("LR-5");
    assertThat(mismatch(o)).isFalse();
  }

  @Test
  void a4xIntervalOfferedBesideDiagnosticCtFitsAndAloneDoesNot() {
    String findings =
        "Findings: 7 mm solid right upper lobe nodule with spiculated margins, new since last"
            + " year.\nImpression: Lung-RADS 4X. ";
    String ind = "Annual lung cancer screening.";
    assertThat(
            mismatch(draft("CT", "CHEST", ind, findings + "Diagnostic chest CT or 3-month LDCT.")))
        .isFalse();
    assertThat(mismatch(draft("CT", "CHEST", ind, findings + "Low-dose CT in 3 months."))).isTrue();
  }

  @Test
  void aMeanRestatedRoundedToTheWholeMillimetreIsOneNodule() {
    DraftOutcome o =
        draft(
            "CT",
            "CHEST",
            "Dyspnea. Current smoker: high risk.",
            "Findings: Solid LLL nodule 8.2 x 7.4 mm (average 7.8 mm rounds to 8 mm).\nImpression:"
                + " 8 mm solid left lower lobe nodule. CT at 6-12 months, then CT at 18-24"
                + " months.");
    assertThat(value(o, ScoringSystem.FLEISCHNER, "recommendation")).startsWith("CT at 6-12");
    assertThat(mismatch(o)).isFalse();
  }
}
