package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.Sex;

/**
 * Kinds behind the holdout-13/14 scoring misses (issue 14 part K, helper "sys4"): a major LI-RADS
 * feature said present after a negated one, another primary cancer's surveillance, slow growth
 * "over the screens", "new" on a baseline screen, PI-RADS invasive behaviour, and a malignancy that
 * is one side of "distinguish X from Y".
 */
class ScoringMissesRound26Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private DraftOutcome draft(
      String modality, String body, Sex sex, String indication, String dictation) {
    return engine.draft(
        Fixtures.request(dictation)
            .modality(modality, body)
            .patient(62, sex)
            .indication(indication)
            .build());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a new clause with its own verb ends the negation of the feature before it
        "Findings: 30 mm segment 6 observation, no arterial hyperenhancement, shows washout in the"
            + " delayed phase.|LR-4",
        // spoken, unpunctuated: the capsule is said present, the later 'no washout' is its own
        "findings segment six observation thirty millimetres no arterial phase hyperenhancement"
            + " capsule present no washout|LR-4",
        // a negated list stays negated
        "Findings: 30 mm segment 6 observation, no arterial hyperenhancement, washout or capsule.|LR-3",
      })
  void aFeatureSaidPresentAfterANegatedOneCounts(String findings, String category) {
    DraftOutcome o =
        draft("MR", "LIVER", Sex.M, "Cirrhosis, surveillance.", findings + "\nImpression: Seen.");
    assertThat(Fixtures.field(o, ScoringSystem.LI_RADS, "category")).isEqualTo(category);
  }

  @Test
  void renalCellCarcinomaSurveillanceIsNoRiskOfHepatocellularCarcinoma() {
    DraftOutcome o =
        draft(
            "CT",
            "ABDOMEN",
            Sex.F,
            "Renal cell carcinoma, surveillance after left nephrectomy",
            "Findings: New 2.1 cm hypoenhancing lesion in hepatic segment 3.\n"
                + "Impression: New segment 3 liver lesion, metastasis likely.");
    assertThat(Fixtures.field(o, ScoringSystem.LI_RADS, "category")).isNull();
  }

  @Test
  void slowGrowthOverTheScreensIsLungRads4B() {
    DraftOutcome o =
        draft(
            "CT",
            "CHEST",
            Sex.F,
            "Annual lung cancer screening LDCT.",
            "Findings: Solid RLL nodule growing slowly over the scans, 6 mm now.\n"
                + "Impression: Lung-RADS 4B.");
    assertThat(Fixtures.field(o, ScoringSystem.LUNG_RADS, "category")).isEqualTo("4B");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Baseline LDCT, lung cancer screening|Findings: 11 mm solid nodule in the left lower lobe, new.|4A",
        "Annual lung cancer screening LDCT, year 2|Findings: 11 mm solid nodule in the left lower lobe, new.|4B",
      })
  void newOnABaselineScreenIsABaselineFinding(String indication, String findings, String category) {
    DraftOutcome o = draft("CT", "CHEST", Sex.M, indication, findings + "\nImpression: Nodule.");
    assertThat(Fixtures.field(o, ScoringSystem.LUNG_RADS, "category")).isEqualTo(category);
  }

  @Test
  void invasiveBehaviourInTheTransitionZoneIsScore5AtAnySize() {
    DraftOutcome o =
        draft(
            "MR",
            "PROSTATE",
            Sex.M,
            "PSA 9",
            "Findings: Left anterior TZ 1.0 cm lenticular T2 hypointense lesion invading the"
                + " anterior fibromuscular stroma, DWI 4.\nImpression: Left anterior TZ lesion.");
    assertThat(Fixtures.field(o, ScoringSystem.PI_RADS, "category")).isEqualTo("5");
  }

  @ParameterizedTest(name = "{0} -> actionable {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "biopsy advised to distinguish sarcoidosis from lymphoma|false",
        "sampling to differentiate between reactive nodes and lymphoma|false",
        "appearances in keeping with lymphoma|true",
      })
  void aMalignancyOnOneSideOfADistinctionIsAnAlternative(String impression, boolean actionable) {
    DraftOutcome o =
        draft(
            "CT",
            "CHEST",
            Sex.M,
            "Fever",
            "Findings: Right paratracheal lymph node 1.6 cm short axis.\nImpression: 16 mm node; "
                + impression
                + ".");
    assertThat(Fixtures.flagTypes(o).contains(FlagType.ACTIONABLE_FINDING)).isEqualTo(actionable);
  }
}
