package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.drafting.PriorSummary;
import org.radassist.model.FieldStatus;
import org.radassist.model.ScoringSystem;
import org.radassist.model.Sex;
import org.radassist.model.StructuredField;

/**
 * Readings the holdout-7 / holdout-8 Fleischner misses showed missing (issue 14 part H): the nodule
 * type said in other words or not needed by the table, and when the table no longer applies
 * (follow-up complete after 2 / 5 years of stability, a nodule outside the chest, cancer said as
 * "ca", immunosuppression said by its drugs).
 */
class FleischnerRound23ReadingTest {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private String fleischner(
      String body, String indication, int age, String dictation, PriorSummary... priors) {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(dictation)
                .modality("CT", body)
                .patient(age, Sex.F)
                .indication(indication)
                .priors(priors)
                .build());
    StructuredField f =
        o.structuredFields().stream()
            .filter(
                s -> s.system() == ScoringSystem.FLEISCHNER && s.field().equals("recommendation"))
            .findFirst()
            .orElse(null);
    if (f == null) {
      return "none";
    }
    return f.status() == FieldStatus.COMPLETE ? f.value() : "incomplete " + f.missing();
  }

  private String chest(String indication, String findings) {
    return fleischner(
        "CHEST", indication, 55, "Findings: " + findings + "\nImpression: Lung nodule.");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // soft-tissue attenuation said in other words is a solid nodule
        "Low risk.| 0.7 cm noncalcified nodule, right middle lobe.| CT at 6-12 months, then"
            + " consider CT at 18-24 months",
        "Fall.| Roughly 1.2 cm solid-looking nodule in the right upper lobe.| consider CT at 3"
            + " months, PET/CT, or tissue sampling",
        "Never smoker.| 8 mm soft-tissue density nodule in the right lower lobe.| CT at 6-12"
            + " months, then consider CT at 18-24 months",
        "Weight loss.| Right lower lobe nodule of soft tissue attenuation measuring 1.4 cm.|"
            + " consider CT at 3 months, PET/CT, or tissue sampling",
        // ... but not beside a subsolid word
        "Never smoker.| 7 mm noncalcified part-solid nodule in the right upper lobe.| CT at 3-6"
            + " months to confirm persistence; if unchanged and solid component < 6 mm, annual CT"
            + " for 5 years",
        // mixed attenuation (the ultrasound lexicon's "mixed") is part-solid
        "Cough.| 12 mm mixed attenuation nodule in the left upper lobe with a 4 mm solid"
            + " component.| CT at 3-6 months to confirm persistence; if unchanged and solid"
            + " component < 6 mm, annual CT for 5 years",
        // a type every row of the size and risk gives alike is not needed
        "Low risk.| Possible small 5 mm nodule in the RUL, could be a vessel.| no routine"
            + " follow-up",
        "Non-smoker.| There is a 3 mm nodule in the left lower lobe.| no routine follow-up",
        // ... while one whose row differs by type is still incomplete
        "Former smoker, 20 pack-years.| 4 mm nodule in the right middle lobe.| incomplete [nodule"
            + " type (solid, part-solid or ground-glass)]",
        "Low risk.| 7 mm nodule in the right upper lobe.| incomplete [nodule type (solid,"
            + " part-solid or ground-glass)]",
        "Never smoked.| Two small nodules, 3 mm in the right upper lobe and 4 mm in the left lower"
            + " lobe.| incomplete [nodule type (solid, part-solid or ground-glass)]",
      })
  void typeSaidInOtherWordsOrNotNeeded(String indication, String findings, String expected) {
    assertThat(chest(indication, findings)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a solid nodule unchanged for 2 years has completed follow-up
        "6 mm solid nodule in the right upper lobe, unchanged for the past 3 years.| none",
        "The 6 mm solid left upper lobe nodule shows no change in 24 months.| none",
        "4 mm solid nodule in the lingula, unchanged from an outside CT two years ago.| none",
        // a subsolid one needs 5 years
        "8 mm ground-glass nodule in the left upper lobe, stable over 2 years.| CT at 6-12 months"
            + " to confirm persistence, then CT every 2 years until 5 years",
        "10 mm pure ground-glass nodule in the right lower lobe, unchanged from the CT 6 years"
            + " ago.| none",
        // the span of the follow-up the stability is seen at
        "On this 2-year follow-up CT, the 6 mm solid right upper lobe nodule is stable.| none",
        // smaller over the span, too
        "Right lower lobe solid nodule has decreased over 3 years, now 4 mm.| none",
        // a plan is no stability
        "Stable 6 mm solid nodule in the right upper lobe, follow-up CT in 2 years.| CT at 6-12"
            + " months, then consider CT at 18-24 months",
        "Stable 6 mm solid nodule in the right upper lobe; a 2-year follow-up CT is suggested.| CT"
            + " at 6-12 months, then consider CT at 18-24 months",
        "New 7 mm solid nodule in the right upper lobe; if stable for 2 years, no further"
            + " follow-up.| CT at 6-12 months, then consider CT at 18-24 months",
      })
  void stabilityOverTheFollowUpEndsTheTable(String findings, String expected) {
    assertThat(chest("Never smoker.", findings)).isEqualTo(expected);
  }

  @Test
  void aPriorTwoYearsOldOfTheUnchangedNoduleEndsTheTableAndOneOfAYearDoesNot() {
    String dictation =
        "Findings: 7 mm solid RML nodule, unchanged from the comparison.\nImpression: Stable"
            + " nodule.";
    assertThat(
            fleischner(
                "CHEST",
                "Never smoker.",
                61,
                dictation,
                new PriorSummary("p1", -730, "CT", "7 mm solid RML nodule.", "Follow-up CT.")))
        .isEqualTo("none");
    assertThat(
            fleischner(
                "CHEST",
                "Never smoker.",
                61,
                dictation,
                new PriorSummary("p1", -400, "CT", "7 mm solid RML nodule.", "Follow-up CT.")))
        .isEqualTo("CT at 6-12 months, then consider CT at 18-24 months");
  }

  @Test
  void stabilityRunsBackToTheOldestPriorThatShowsTheSameNodule() {
    String dictation =
        "Findings: 7 mm solid nodule in the left upper lobe, unchanged.\nImpression: Stable"
            + " nodule.";
    PriorSummary year = new PriorSummary("p1", -365, "CT", "7 mm solid nodule LUL.", "Stable.");
    assertThat(
            fleischner(
                "CHEST",
                "Never smoker.",
                64,
                dictation,
                year,
                new PriorSummary("p2", -760, "CT", "7 mm solid nodule LUL.", "CT in 6-12 months.")))
        .isEqualTo("none");
    // two years ago it was smaller: stable for one year only
    assertThat(
            fleischner(
                "CHEST",
                "Never smoker.",
                64,
                dictation,
                year,
                new PriorSummary("p2", -760, "CT", "4 mm solid nodule LUL.", "CT in 12 months.")))
        .isEqualTo("CT at 6-12 months, then consider CT at 18-24 months");
  }

  @Test
  void aShorthandCancerOfThisExamsFindingsIsNoKnownCancer() {
    assertThat(
            fleischner(
                "ABDOMEN",
                "LLQ pain. Never smoker, low risk.",
                56,
                "Findings: Lung bases: 4 mm solid nodule in the right lower lobe. 3.4 cm solid"
                    + " enhancing mass from the left kidney.\nImpression: 3.4 cm left renal mass,"
                    + " likely RCC. 4 mm RLL nodule."))
        .isEqualTo("no routine follow-up");
  }

  @Test
  void anUnplacedNoduleOfAnAbdominalExamIsNoLungNodule() {
    assertThat(
            fleischner(
                "ABDOMEN",
                "Abdominal pain. Never smoker.",
                60,
                "Findings: New 2.4 cm enhancing soft tissue nodule at the colorectal anastomosis."
                    + "\nImpression: Anastomotic nodule."))
        .isEqualTo("none");
    assertThat(
            fleischner(
                "ABDOMEN",
                "Abdominal pain. Non-smoker, low risk.",
                44,
                "Findings: Lung bases: tiny 3 mm subpleural nodule. Liver normal.\nImpression:"
                    + " Tiny lung base nodule."))
        .isEqualTo("no routine follow-up");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Colorectal ca post resection surveillance.| none",
        "Hx of colon ca. Cough.| none",
        "Rheumatoid arthritis on high-dose steroids and methotrexate.| none",
        "Renal transplant, on tacrolimus.| none",
        "CLL. Shortness of breath.| none",
        "Hodgkin's disease in remission.| none",
        "Ca breast 2019, on tamoxifen.| none",
        "Prior RCC, status post left nephrectomy.| none",
        "Smokes 1 pack a day for 20 years.| CT at 6-12 months, then CT at 18-24 months",
        // a calcium score is no cancer, a short prednisone course no immunosuppression
        "Coronary Ca score 120. Never smoker.| CT at 6-12 months, then consider CT at 18-24"
            + " months",
        "COPD exacerbation treated with prednisone. Never smoker.| CT at 6-12 months, then"
            + " consider CT at 18-24 months",
      })
  void cancerAndImmunosuppressionInShorthandAndDrugs(String indication, String expected) {
    assertThat(chest(indication, "7 mm solid nodule in the right lower lobe.")).isEqualTo(expected);
  }
}
