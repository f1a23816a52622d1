package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.drafting.PriorSummary;
import org.radassist.model.FieldStatus;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.Sex;
import org.radassist.model.StructuredField;

/**
 * Round 30 (helper "lung11"): how many nodules a report describes and what counts as a nodule's
 * size (a size of another structure, a size said before the nodule's diagnosis, a nodule said
 * without its noun, a measured nodule in a negation's scope), and when a dictated first CT
 * contradicts the Fleischner row.
 */
class LungNoduleRound30Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private DraftOutcome draft(
      String body, String indication, String dictation, PriorSummary... priors) {
    return engine.draft(
        Fixtures.request(dictation)
            .modality("CT", body)
            .patient(62, Sex.F)
            .indication(indication)
            .priors(priors)
            .build());
  }

  private static String field(DraftOutcome o, ScoringSystem system, String name) {
    StructuredField f =
        o.structuredFields().stream()
            .filter(s -> s.system() == system && s.field().equals(name))
            .findFirst()
            .orElse(null);
    if (f == null) {
      return "none";
    }
    return f.status() == FieldStatus.COMPLETE ? f.value() : "incomplete " + f.missing();
  }

  private static String mismatch(DraftOutcome o) {
    return o.flags().stream()
        .filter(f -> f.type() == FlagType.CATEGORY_MANAGEMENT_MISMATCH)
        .map(Flag::message)
        .findFirst()
        .orElse("none");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the next sentence's own subject owns its size: one nodule, not two
        "Never smoker.| Lung bases: 5 mm solid nodule in the right lower lobe. Duodenum is"
            + " thickened to 12 mm.| no routine follow-up",
        "Smoker.| Lung bases: 8 mm solid nodule in the left lower lobe. Appendix is dilated to 11"
            + " mm with fat stranding.| CT at 6-12 months, then CT at 18-24 months",
        "Never smoker.| Lung bases: 4 mm solid nodule. Terminal ileum measures 9 mm in wall"
            + " thickness.| no routine follow-up",
        // a sentence about the nodule keeps giving its size
        "Smoker.| Solid nodule in the right upper lobe. It measures 7 mm.| CT at 6-12 months,"
            + " then CT at 18-24 months",
        // the size before "likely <diagnosis>" is the nodule's
        "Never smoker.| Solid nodule along the right major fissure, 5 mm, likely an"
            + " intrapulmonary lymph node.| no routine follow-up",
        // a nodule said without its noun
        "Smoker.| No pulmonary embolism. LUL solid 7 mm. Heart normal.| CT at 6-12 months, then"
            + " CT at 18-24 months",
      })
  void fleischnerReadsEachNoduleWithItsOwnSize(String indication, String findings, String row) {
    DraftOutcome o =
        draft("ABDOMEN", indication, "Findings: " + findings + "\nImpression: Lung nodule.");
    assertThat(field(o, ScoringSystem.FLEISCHNER, "recommendation")).isEqualTo(row);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "findings no rib fracture solid nodule left upper lobe measuring 2.0 x 1.0 cm| consider"
            + " CT at 3 months, PET/CT, or tissue sampling",
        "findings no pneumothorax ground glass nodule right upper lobe measuring 9 x 7 mm| CT at"
            + " 6-12 months to confirm persistence, then CT every 2 years until 5 years",
        // a threshold of one axis stays a denial
        "Findings: No pulmonary nodule larger than 4 mm.| none",
      })
  void aNoduleMeasuredInTwoAxesIsPresentInsideASpokenNegation(String findings, String row) {
    DraftOutcome o = draft("CHEST", "Fall.", findings + "\nimpression no fracture");
    assertThat(field(o, ScoringSystem.FLEISCHNER, "recommendation")).isEqualTo(row);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // "/" starts a line: a list of items
        "Findings:/- RUL solid 5 mm./- LLL solid 9 mm, smooth.| 4A",
        "Findings: RML ground glass 14 mm. Lungs otherwise clear.| 2",
        "Findings: Triangular smooth solid nodule abutting the right minor fissure, 9 mm,"
            + " consistent with intrapulmonary lymph node.| 2",
        // a lobe and a size without a nodule attenuation word is no nodule
        "Findings: RUL apical scarring 15 mm. No nodules.| 1",
      })
  void lungRadsScoresTheNodulesTheListGives(String findings, String category) {
    DraftOutcome o =
        draft(
            "CHEST",
            "Lung cancer screening.",
            findings.replace('/', '\n') + "\nImpression: Screen.");
    assertThat(field(o, ScoringSystem.LUNG_RADS, "category")).isEqualTo(category);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Smoker.| 8 mm solid nodule in the left upper lobe.| 8 mm nodule. Follow-up CT in 18"
            + " months.| CT at 6-12 months",
        "Cough.| Single 7 mm ground-glass nodule LLL.| 7 mm GGN left lower lobe. Follow-up CT in"
            + " 2 years.| CT at 6-12 months to confirm persistence",
        "Trauma.| Part-solid nodule in the right upper lobe, 10 mm with a 3 mm solid"
            + " component.| 10 mm part-solid nodule. Recommend CT in 12 months.| CT at 3-6 months",
      })
  void aFirstSeenNodulesFirstCtMustFitTheRowsFirstStep(
      String indication, String findings, String impression, String row) {
    DraftOutcome o =
        draft("CHEST", indication, "Findings: " + findings + "\nImpression: " + impression);
    assertThat(mismatch(o)).contains("Fleischner row").contains(row);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Smoker.| 8 mm solid nodule in the left upper lobe.| Follow-up CT in 6-12 months, then at"
            + " 18-24 months.",
        // seen before: the dictated CT is a later step
        "Cough.| 7 mm ground-glass nodule in the right upper lobe, unchanged over 4 years.|"
            + " Stable ground-glass nodule. CT in 2 years.",
        "Never smoker.| 7 mm solid nodule in the right upper lobe, stable for 18 months.| One"
            + " more CT at 24 months.",
      })
  void theRowsLaterStepsAndAFollowUpUnderWayAreNoMismatch(
      String indication, String findings, String impression) {
    DraftOutcome o =
        draft("CHEST", indication, "Findings: " + findings + "\nImpression: " + impression);
    assertThat(mismatch(o)).isEqualTo("none");
  }
}
