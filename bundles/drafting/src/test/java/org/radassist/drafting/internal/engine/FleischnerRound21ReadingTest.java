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
 * Readings the holdout-6 Fleischner, Lung-RADS and TI-RADS misses showed missing (issue 14 part E):
 * which nodule manages when several are compared, size bounds and decimal commas, masses under 3
 * cm, restated nodules, risk and exclusion words, slow growth over screens, spoken corrections.
 */
class FleischnerRound21ReadingTest {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private DraftOutcome draft(String indication, int age, String dictation, PriorSummary... p) {
    return engine.draft(
        Fixtures.request(dictation)
            .ct()
            .patient(age, Sex.F)
            .indication(indication)
            .priors(p)
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
    return f.status() == FieldStatus.COMPLETE ? f.value() : "incomplete " + f.missing();
  }

  private String fleischner(String indication, String findings) {
    return value(
        draft(indication, 55, "Findings: " + findings + "\nImpression: Lung nodule."),
        ScoringSystem.FLEISCHNER,
        "recommendation");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // "the larger / the smaller" compares two nodules: multiple, not growing
        "Never smoker.| Two solid nodules, the larger in the right lower lobe measures 6 mm, the"
            + " smaller in the left upper lobe 3 mm.| CT at 3-6 months, then consider CT at 18-24"
            + " months",
        // a bound beside a measured size is not the size
        "Cough.| Multiple ground-glass nodules, all under 6 mm, the largest 4 mm.| CT at 3-6 months;"
            + " if stable, consider CT at 2 and 4 years",
        // decimal comma
        "Never smoker.| In the right upper lobe is solid nodule of 0,9 cm.| consider CT at 3 months,"
            + " PET/CT, or tissue sampling",
        // a hyphen between a size and its unit
        "Never smoker.| A 6-mm solid nodule in the left lower lobe.| CT at 6-12 months, then"
            + " consider CT at 18-24 months",
        // a mass under 3 cm is a nodule by size
        "Never smoker.| 2.2 cm solid mass in the right lower lobe.| consider CT at 3 months, PET/CT,"
            + " or tissue sampling",
        // the same nodule named again in its sentence is not a second one
        "Smoker.| A 10 mm solid nodule in the right upper lobe; unsure whether this is a nodule or a"
            + " vessel, favour nodule.| consider CT at 3 months, PET/CT, or tissue sampling",
        // ... while another nodule is
        "Never smoker.| A 7 mm solid nodule in the right upper lobe and another tiny solid nodule in"
            + " the left upper lobe.| CT at 3-6 months, then consider CT at 18-24 months",
        // a denied smoking history is low risk
        "Denies smoking.| 4 mm solid nodule in the right lower lobe.| no routine follow-up",
        // a chest CT that names the breast is still a chest CT
        "Family history of breast cancer. Never smoker.| 7 mm solid nodule in the right lower lobe.|"
            + " CT at 6-12 months, then consider CT at 18-24 months",
      })
  void fleischnerReadsWhichNoduleAndWhatSize(String indication, String findings, String expected) {
    assertThat(fleischner(indication, findings)).isEqualTo(expected);
  }

  @Test
  void aMassOverThreeCentimetresAndANeutropenicPatientGetNoFleischner() {
    assertThat(fleischner("Smoker.", "4.2 cm solid mass in the left upper lobe.")).isNull();
    assertThat(fleischner("Fever. Neutropenic.", "6 mm solid nodule in the right lower lobe."))
        .isNull();
  }

  private String screening(String dictation, PriorSummary... priors) {
    return value(
        engine.draft(
            Fixtures.request(dictation)
                .ct()
                .patient(66, Sex.M)
                .indication("Annual lung cancer screening, 35 pack-years.")
                .priors(priors)
                .build()),
        ScoringSystem.LUNG_RADS,
        "category");
  }

  @Test
  void slowGrowthOverMultipleScreensIs4B() {
    PriorSummary y1 = new PriorSummary("p1", -365, "CT", "RLL solid nodule 7 mm.", "Lung-RADS 3");
    PriorSummary y2 = new PriorSummary("p2", -730, "CT", "RLL solid nodule 6 mm.", "Lung-RADS 3");
    assertThat(
            screening(
                "Findings: Solid RLL nodule has slowly enlarged over multiple screens, 5 mm -> 6 mm"
                    + " -> 7 mm, now 7.5 mm.\nImpression: Slow-growing nodule.",
                y1,
                y2))
        .isEqualTo("4B");
    assertThat(
            screening(
                "Findings: Solid RLL nodule measures 7 mm, unchanged, with no slow growth over the"
                    + " prior screens.\nImpression: Stable nodule.",
                new PriorSummary("p1", -365, "CT", "RLL solid nodule 7 mm.", "Lung-RADS 3"),
                new PriorSummary("p2", -730, "CT", "RLL solid nodule 7 mm.", "Lung-RADS 3")))
        .isEqualTo("2");
  }

  @Test
  void theNoduleSaidAgainAfterItsSizeIsNoNoduleWithoutASize() {
    PriorSummary prior = new PriorSummary("p1", -365, "CT", "Solid LUL nodule 5.0 mm.", "2");
    assertThat(
            screening(
                "Findings: Solid left upper lobe nodule measures 6.5 mm, previously 5.0 mm. The"
                    + " nodule now crosses into a higher size category.\nImpression: Nodule.",
                prior))
        .isEqualTo("3");
  }

  @Test
  void concerningForMetastasisIsAnActionableFinding() {
    DraftOutcome o =
        draft(
            "Staging, known colon cancer.",
            62,
            "Findings: New 6 mm solid nodule in the RLL.\nImpression: New RLL nodule, concerning"
                + " for metastasis.");
    assertThat(o.flags()).anyMatch(f -> f.type() == FlagType.ACTIONABLE_FINDING);
    assertThat(value(o, ScoringSystem.FLEISCHNER, "recommendation")).isNull();
  }

  @Test
  void aSpokenCorrectionTakesBackTheNegationBeforeIt() {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "Findings: right lobe nodule solid hypoechoic wider than tall smooth margin no"
                        + " echogenic foci scratch that punctate echogenic foci are seen size one"
                        + " point four centimeters\nImpression: Thyroid nodule.")
                .modality("US", "NECK")
                .patient(52, Sex.F)
                .build());
    assertThat(value(o, ScoringSystem.TI_RADS, "category")).isEqualTo("TR5");
  }
}
