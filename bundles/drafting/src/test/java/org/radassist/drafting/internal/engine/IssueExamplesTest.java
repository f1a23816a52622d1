package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.radassist.drafting.AiResult;
import org.radassist.drafting.PriorSummary;
import org.radassist.model.CodeSuggestion;
import org.radassist.model.FieldStatus;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.SectionKind;
import org.radassist.model.Sex;
import org.radassist.model.StructuredField;
import org.radassist.model.Suggestion;

/** The dictations of issues 14 and 18, written as a new user would, and what the draft must say. */
class IssueExamplesTest {
  private final RulesEngine engine = RulesEngine.withDefaults();

  @Test
  void aNewNoduleNotPresentOnThePriorIsLungRads3NotNegated() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "Findings: New 5 mm solid nodule in the right middle lobe, not present on the"
                        + " prior examination.")
                .ct()
                .indication("Annual lung cancer screening")
                .build());
    assertThat(Fixtures.field(o, ScoringSystem.LUNG_RADS, "category")).isEqualTo("3");
  }

  @Test
  void aThyroidNoduleInTiRadsWordsGetsALevelAndNoFleischnerOrLungCode() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "Findings: Right thyroid lobe nodule measuring 1.8 x 1.2 x 1.0 cm. Solid,"
                        + " hypoechoic, taller than wide, smooth margins, no echogenic foci.")
                .modality("US", "THYROID")
                .build());
    assertThat(Fixtures.field(o, ScoringSystem.TI_RADS, "category")).isEqualTo("TR5");
    assertThat(o.structuredFields()).noneMatch(f -> f.system() == ScoringSystem.FLEISCHNER);
    assertThat(o.codes()).extracting(CodeSuggestion::code).doesNotContain("R91.1", "RID50149");
  }

  @Test
  void aPartSolidNoduleUsesItsSolidComponent() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "Findings: Part-solid nodule in the left upper lobe measuring 14 x 12 mm"
                        + " overall, with a solid component of 7 x 6 mm.")
                .ct()
                .indication("lung cancer screening")
                .build());
    assertThat(Fixtures.field(o, ScoringSystem.LUNG_RADS, "category")).isEqualTo("4A");
  }

  @Test
  void sidesAreComparedAcrossWordsForTheSameFinding() {
    DraftOutcome lung =
        engine.draft(
            Fixtures.request(
                    "Findings: Consolidation in the right lower lobe. Impression: Left lower lobe"
                        + " pneumonia.")
                .modality("CR", "CHEST")
                .build());
    assertThat(Fixtures.flagTypes(lung)).contains(FlagType.LATERALITY_MISMATCH);
    DraftOutcome kidney =
        engine.draft(
            Fixtures.request(
                    "Findings: 6 mm calculus in the left kidney. Impression: Right renal"
                        + " calculus.")
                .modality("CT", "ABDOMEN")
                .build());
    assertThat(Fixtures.flagTypes(kidney)).contains(FlagType.LATERALITY_MISMATCH);
    DraftOutcome agreeing =
        engine.draft(
            Fixtures.request(
                    "Findings: 6 mm calculus in the L kidney. Impression: Left renal calculus.")
                .modality("CT", "ABDOMEN")
                .build());
    assertThat(Fixtures.flagTypes(agreeing)).doesNotContain(FlagType.LATERALITY_MISMATCH);
  }

  @Test
  void biRads5WithBiopsyIsConsistent() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "Findings: Irregular spiculated mass at 10 o'clock in the left breast measuring"
                        + " 14 mm. Impression: BI-RADS 5, highly suggestive of malignancy."
                        + " Ultrasound-guided biopsy is recommended.")
                .modality("MG", "BREAST")
                .patient(55, Sex.F)
                .build());
    assertThat(Fixtures.flagTypes(o))
        .doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH, FlagType.FINDING_NOT_IN_IMPRESSION);
  }

  @Test
  void anIncidentalSolidNoduleAt62GetsAFleischnerRecommendationWhateverTheRisk() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request("Findings: Incidental 7 mm solid nodule in the left lower lobe.")
                .ct()
                .patient(62, null)
                .build());
    StructuredField f =
        o.structuredFields().stream()
            .filter(
                x -> x.system() == ScoringSystem.FLEISCHNER && x.field().equals("recommendation"))
            .findFirst()
            .orElseThrow();
    assertThat(f.status()).isEqualTo(FieldStatus.COMPLETE);
    assertThat(f.value()).contains("CT at 6-12 months").contains("low risk").contains("high risk");
  }

  @Test
  void aScreeningMammogramNeverGetsLungRadsOrALungCode() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "Findings: Scattered fibroglandular densities. No suspicious mass. Impression:"
                        + " BI-RADS 1, negative. Routine annual screening mammography.")
                .modality("MG", "BREAST")
                .indication("screening mammogram")
                .patient(50, Sex.F)
                .build());
    assertThat(o.structuredFields()).noneMatch(f -> f.system() == ScoringSystem.LUNG_RADS);
    assertThat(o.codes()).extracting(CodeSuggestion::code).doesNotContain("R91.8", "R91.1");
  }

  @Test
  void theMainJobsGrowingNoduleGetsGuidanceAComparisonAndARealImpression() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "Findings: There is a solid nodule in the right upper lobe measuring 8.2"
                        + " millimetres, previously 6.0 millimetres, with smooth margins. No"
                        + " consolidation, no pleural effusion, no pneumothorax.")
                .ct()
                .patient(64, Sex.M)
                .priors(new PriorSummary("p1", -364, "CT", "", ""))
                .ai(
                    new AiResult(
                        "sr:TID1500",
                        null,
                        "Pulmonary nodule",
                        8.2,
                        "right Upper lobe of right lung",
                        "Solid",
                        0.9,
                        null))
                .build());
    assertThat(Fixtures.field(o, ScoringSystem.FLEISCHNER, "recommendation"))
        .contains("consider CT at 3 months, PET/CT, or tissue sampling")
        .contains("growing");
    assertThat(o.sections().get(SectionKind.COMPARISON))
        .startsWith("CT")
        .contains("12 months earlier")
        .contains("has grown (6.0 mm, now 8.2 mm)");
    List<String> impressions = o.impressions().stream().map(Suggestion::text).toList();
    assertThat(impressions.get(0))
        .startsWith("Growing 8.2 mm solid right upper lobe nodule (6.0 mm 12 months ago).")
        .contains("Fleischner");
    assertThat(impressions).noneMatch(t -> o.sections().get(SectionKind.FINDINGS).contains(t));
    assertThat(o.flags()).noneMatch(f -> f.type() == FlagType.LOW_CONFIDENCE);
  }

  @Test
  void theAiCompositionCompletesANoduleTheDictationDoesNotType() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request("Findings: Nodule in the right upper lobe measuring 9 mm.")
                .ct()
                .patient(64, Sex.M)
                .ai(
                    new AiResult(
                        "sr:TID1500",
                        null,
                        "Pulmonary nodule",
                        9.0,
                        "right upper lobe",
                        "Solid",
                        0.9,
                        null))
                .build());
    assertThat(Fixtures.field(o, ScoringSystem.FLEISCHNER, "recommendation"))
        .isEqualTo("consider CT at 3 months, PET/CT, or tissue sampling");
  }

  @Test
  void fnaBelowTheTrLevelsSizeIsACategoryManagementMismatch() {
    String findings =
        "Findings: 1.2 cm left lobe nodule: solid, isoechoic, wider-than-tall, smooth margins, no"
            + " echogenic foci. ";
    DraftOutcome fna =
        engine.draft(
            Fixtures.request(findings + "Impression: TR3 left thyroid nodule. FNA recommended.")
                .modality("US", "NECK")
                .build());
    assertThat(Fixtures.field(fna, ScoringSystem.TI_RADS, "category")).isEqualTo("TR3");
    assertThat(Fixtures.flagTypes(fna)).contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
    DraftOutcome noFna =
        engine.draft(
            Fixtures.request(findings + "Impression: TR3 left thyroid nodule. No FNA needed.")
                .modality("US", "NECK")
                .build());
    assertThat(Fixtures.flagTypes(noFna)).doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }

  @Test
  void aResolvedFindingIsNoCriticalResult() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "Findings: The previously seen right pneumothorax has resolved after chest tube"
                        + " removal. Impression: Resolved right pneumothorax.")
                .modality("CR", "CHEST")
                .build());
    assertThat(Fixtures.flagTypes(o)).doesNotContain(FlagType.CRITICAL_RESULT);
  }
}
