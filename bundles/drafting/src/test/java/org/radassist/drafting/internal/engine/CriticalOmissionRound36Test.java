package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14, round 36 (helper "om23"): a findings sentence that raises CRITICAL_RESULT or
 * ACTIONABLE_FINDING is significant by definition; an impression that does not cover it (in its own
 * words, by a concept, by its lesion, at its site in a line no other findings sentence claims) has
 * left it out. An impression that names it, or reports a result of the same category, does not.
 */
class CriticalOmissionRound36Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  @ParameterizedTest(name = "{2} / {3} -> omitted {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        // left out
        "CR| CHEST| The feeding tube courses into the left main bronchus with its tip in the left"
            + " lower lobe bronchus. Lungs clear.| Clear lungs.| true",
        "CR| CHEST| The nasogastric tube passes down the right main bronchus, tip over the right"
            + " lower zone. No effusion.| No acute cardiopulmonary process.| true",
        // covered: in its own words, by the tube's site
        "CR| CHEST| The feeding tube courses into the left main bronchus with its tip in the left"
            + " lower lobe bronchus. Lungs clear.| Feeding tube in the left lower lobe bronchus,"
            + " to be withdrawn. Clear lungs.| false",
        "CR| CHEST| The nasogastric tube passes down the right main bronchus, tip over the right"
            + " lower zone. No effusion.| Nasogastric tube malpositioned in the right bronchus.|"
            + " false",
      })
  void aCriticalFindingTheImpressionDoesNotCoverIsOmitted(
      String modality, String body, String findings, String impression, boolean omitted) {
    assertThat(Fixtures.omitted(engine, modality, body, 60, findings, impression))
        .isEqualTo(omitted);
  }
}
