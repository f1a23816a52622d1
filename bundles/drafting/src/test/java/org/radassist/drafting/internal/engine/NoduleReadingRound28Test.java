package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.drafting.internal.engine.frames.FrameExtractor;
import org.radassist.drafting.internal.engine.frames.LesionFrame;

/**
 * Round 28 (helper "split9"): airway nodules named at length, negation scope in speech, sizes taken
 * back, halves.
 */
class NoduleReadingRound28Test {
  private final FrameExtractor extractor = new FrameExtractor();

  private LesionFrame nodule(String text) {
    List<LesionFrame> nodules =
        extractor.extract(text).stream().filter(f -> f.kind().equals("nodule")).toList();
    assertThat(nodules).as("nodule frames of \"%s\"", text).hasSize(1);
    return nodules.get(0);
  }

  @Test
  void aNoduleInsideAnAirwayNamedAtLengthIsAnAirwayNodule() {
    assertThat(
            nodule(
                    "5 mm soft tissue nodule within the lumen of the right lower lobe posterior"
                        + " basal segmental bronchus.")
                .feature("airway"))
        .isEqualTo("segmental or proximal");
    assertThat(
            nodule(
                    "7 mm nodule within the lumen of a right lower lobe lateral basal subsegmental"
                        + " bronchus.")
                .feature("airway"))
        .isEqualTo("subsegmental");
  }

  @Test
  void aNoduleBesideAnAirwayIsNoAirwayNodule() {
    assertThat(
            nodule(
                    "4 mm solid nodule adjacent to the left upper lobe apicoposterior segmental"
                        + " bronchus.")
                .feature("airway"))
        .isEmpty();
  }

  @ParameterizedTest(name = "\"{0}\" positive={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // unpunctuated speech: a size before its finding starts a finding of its own
        "no pulmonary embolism incidental 4 mm solid nodule in the right middle lobe | true",
        "no traumatic aortic injury no pneumothorax a 1.2 cm solid nodule is present | true",
        // the size inside the negated phrase: a bound, a measuring verb, a list
        "no pleural effusion no pulmonary nodule larger than 4 mm heart normal | false",
        "there is no effusion and no nodule measuring 1.5 cm | false",
        "no effusion or 5 mm nodule | false",
        "No 5 mm nodule is seen. | false"
      })
  void aSizeBeforeItsFindingEndsAnEarlierNegation(String text, boolean positive) {
    assertThat(nodule(text).assertion().positive()).isEqualTo(positive);
  }

  @ParameterizedTest(name = "\"{0}\" mean={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "solid nodule in the left upper lobe measuring 6 x 5 mm scratch that 9 x 8 mm no other"
            + " nodules | 8.5",
        "Solid right upper lobe nodule measuring 5 x 4 mm, correction, 8 x 7 mm. | 7.5",
        "Solid right upper lobe nodule measuring 5 x 4 mm. | 4.5"
      })
  void aSizeTakenBackAtOnceGivesWayToItsCorrection(String text, double mean) {
    LesionFrame nodule =
        extractor.extract(text).stream()
            .filter(f -> f.kind().equals("nodule") && f.assertion().positive())
            .findFirst()
            .orElseThrow();
    assertThat(nodule.overall()).get().extracting(m -> m.meanMm()).isEqualTo(mean);
  }

  @Test
  void aSizeExactlyHalfwayRoundsEitherWay() {
    assertThat(ConsistencyChecker.roundsTo(12.5, 12, 1)).isTrue();
    assertThat(ConsistencyChecker.roundsTo(12.5, 13, 1)).isTrue();
    assertThat(ConsistencyChecker.roundsTo(12.6, 12, 1)).isFalse();
    assertThat(ConsistencyChecker.roundsTo(8, 7, 1)).isFalse();
  }
}
