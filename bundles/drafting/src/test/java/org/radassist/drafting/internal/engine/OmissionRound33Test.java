package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;

/**
 * Issue 14, round 33 (helper "om17"): shorthand is read in the sense its sentence gives it ("mid
 * LAD stenosis" is the coronary artery, not lymphadenopathy), and a lesion its own sentence names
 * as a leave-alone benign entity may be left out of the impression.
 */
class OmissionRound33Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  @ParameterizedTest(name = "{3} / {4} -> omitted {5}")
  @CsvSource(
      delimiter = '|',
      value = {
        // LAD the artery covers no node, and is no node itself
        "CT| HEART| Chest pain.| Calcified plaque in the mid LAD with 70-99% stenosis. Enlarged"
            + " right hilar lymph node, 18 mm short axis.| Severe mid LAD stenosis, CAD-RADS 4A.|"
            + " true",
        "CT| CHEST| Cough.| Dense coronary calcification, most marked in the LAD and circumflex"
            + " arteries. Lungs clear.| Coronary artery calcification. Clear lungs.| false",
        // LAD in its own sense is still lymphadenopathy
        "CT| CHEST| Weight loss.| Bulky mediastinal LAD, the largest node 2.4 cm in the"
            + " subcarinal station. Lungs clear.| Clear lungs.| true",
        // a leave-alone diagnosis in the lesion's own sentence
        "CR| KNEE| Sports injury.| Eccentric cortically based lucent lesion with a sclerotic"
            + " margin in the distal tibial metaphysis, typical of a non-ossifying fibroma. No"
            + " fracture.| No fracture.| false",
        "CT| CHEST| Breathlessness.| Lungs clear. Popcorn-calcified 1 cm nodule in the right"
            + " breast, characteristic of an involuted fibroadenoma.| Clear lungs.| false",
        "CT| CHEST| Breathlessness.| Lungs clear. Irregular 1.4 cm enhancing mass in the right"
            + " breast, not characteristic of an involuted fibroadenoma.| Clear lungs.| true",
        "CR| KNEE| Pain.| Permeative lytic lesion in the distal femoral metaphysis with a wide zone"
            + " of transition and sunburst periosteal reaction. No fracture.| No fracture.| true",
      })
  void anImpressionMayLeaveOutOnlyWhatTheFindingsMeanAsHarmless(
      String modality,
      String body,
      String indication,
      String findings,
      String impression,
      boolean omitted) {
    assertThat(
            Fixtures.flagTypes(engine, modality, body, indication, findings, impression)
                .contains(FlagType.FINDING_NOT_IN_IMPRESSION))
        .isEqualTo(omitted);
  }
}
