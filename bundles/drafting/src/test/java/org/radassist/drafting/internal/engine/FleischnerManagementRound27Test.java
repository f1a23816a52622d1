package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.Sex;

/**
 * Round 27 product decision: the Fleischner row the engine fills is the nodule's category, and a
 * dictated recommendation that clearly contradicts it is a CATEGORY_MANAGEMENT_MISMATCH, as a
 * dictated Lung-RADS category against its management is.
 */
class FleischnerManagementRound27Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private String mismatch(String indication, String findings, String impression) {
    DraftOutcome o =
        engine.draft(
            Fixtures.report(findings, impression)
                .modality("CT", "CHEST")
                .patient(60, Sex.M)
                .indication(indication)
                .build());
    return o.flags().stream()
        .filter(f -> f.type() == FlagType.CATEGORY_MANAGEMENT_MISMATCH)
        .map(Flag::message)
        .findFirst()
        .orElse("none");
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // no follow-up where the row asks for a CT
        "Never smoker.| 7 mm solid nodule in the right upper lobe.| 7 mm nodule. No further"
            + " imaging follow-up is necessary.| CT at 6-12 months",
        // a CT where the row says no routine follow-up
        "Never smoker.| 4 mm solid nodule in the left lower lobe.| 4 mm nodule; repeat chest CT"
            + " in 3 months.| no routine follow-up",
        // an interval outside the row
        "Heavy smoker.| 14 mm solid nodule in the right lower lobe.| 14 mm nodule. Follow-up CT"
            + " in one year.| consider CT at 3 months",
        // PET/CT where the row asks only for CT
        "Cough.| 8 mm ground-glass nodule in the left upper lobe.| Ground-glass nodule; PET/CT"
            + " is recommended.| CT at 6-12 months to confirm persistence",
      })
  void aRecommendationAgainstTheRowIsFlaggedNamingTheRow(
      String indication, String findings, String impression, String row) {
    assertThat(mismatch(indication, findings, impression))
        .contains("Fleischner row")
        .contains(row)
        .contains("the report recommends");
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // inside the window, or a range meeting it
        "Never smoker.| 7 mm solid nodule in the right upper lobe.| 7 mm nodule; CT in 6"
            + " months.",
        "Smoker.| 10 mm solid nodule in the right upper lobe.| 10 mm nodule; CT in 3-6 months"
            + " or PET/CT.",
        // risk unknown: a plan either row allows
        "Fever.| 5 mm solid nodule in the lingula.| 5 mm nodule. CT in 12 months is optional.",
        // the guideline named without an interval
        "Never smoker.| 7 mm solid nodule in the right upper lobe.| 7 mm nodule, follow-up per"
            + " Fleischner guidelines.",
        // another finding's follow-up, and the plan's end after a condition
        "Never smoker.| 7 mm solid nodule in the right upper lobe. Simple liver cyst.| 1. 7 mm"
            + " nodule, CT at 6-12 months. 2. Liver cyst, no follow-up needed.",
        "Never smoker.| 7 mm solid nodule in the right upper lobe.| 7 mm nodule, CT at 12"
            + " months; if stable for 2 years, no further follow-up.",
        // no type, so no row: nothing to contradict
        "Never smoker.| 7 mm nodule in the right upper lobe.| 7 mm nodule, no follow-up.",
      })
  void aRecommendationTheRowAllowsOrAboutSomethingElseIsNot(
      String indication, String findings, String impression) {
    assertThat(mismatch(indication, findings, impression)).isEqualTo("none");
  }
}
