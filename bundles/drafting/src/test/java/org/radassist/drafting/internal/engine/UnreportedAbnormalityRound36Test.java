package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14, round 36 (helper "om24"): abnormal statements recognised by their general shape, any
 * organ word filling them: a new lesion, effusion or collection; gas where none belongs; a flap or
 * filling defect in a named vessel; wall thickening with a malignant qualifier. An impression line
 * of the other side only, when another abnormal findings item is on that side, is that item's.
 */
class UnreportedAbnormalityRound36Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  @ParameterizedTest(name = "{2} / {3} -> omitted {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CT| ABDOMEN| Nodes unchanged. Three hypodense foci in the spleen up to 13 mm, not present"
            + " previously.| Stable nodes.| true",
        "CT| CHEST| Left pleural thickening unchanged. New large right pleural effusion.|"
            + " Stable left pleural thickening.| true",
        "CT| ABDOMEN| A new 15 mm hypodense lesion in segment 7 of the liver.|"
            + " New segment 7 liver lesion.| false",
        "CT| ABDOMEN| Post nephrectomy. No new lesion in the nephrectomy bed.|"
            + " No evidence of recurrence.| false",
        "US| ABDOMEN| Echogenic liver. New 9 mm simple cyst in the right kidney.|"
            + " Hepatic steatosis.| false",
        "CT| ABDOMEN| Gallstones. Gas within the gallbladder wall with pericholecystic fluid.|"
            + " Cholelithiasis.| true",
        "CR| CHEST| Post-operative pneumomediastinum after sternotomy.| Expected appearances.|"
            + " false",
        "CR| CHEST| Underlying emphysematous changes are noted.| Emphysema.| false",
        "CT| ABDOMEN| Sigmoid diverticulitis. Filling defect within the superior mesenteric vein.|"
            + " Sigmoid diverticulitis.| true",
        "CT| NECK| Free flap reconstruction of the floor of the mouth. No mass.|"
            + " No recurrence.| false",
        "CT| ABDOMEN| Irregular asymmetric wall thickening of the gastric antrum. Gallstones.|"
            + " Cholelithiasis.| true",
        "CT| ABDOMEN| Smooth wall thickening of the collapsed sigmoid colon.| Normal appendix.|"
            + " false",
      })
  void anAbnormalStatementOfAGeneralShapeNoImpressionSentenceCoversIsOmitted(
      String modality, String body, String findings, String impression, boolean omitted) {
    assertThat(Fixtures.omitted(engine, modality, body, 60, findings, impression))
        .isEqualTo(omitted);
  }

  @ParameterizedTest(name = "{2} / {3} -> omitted {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CT| LOWER_EXTREMITY| Occlusion of the left popliteal artery over 6 cm. Right popliteal"
            + " artery: mild stenosis from plaque.| Mild right popliteal stenosis.| true",
        "CT| LOWER_EXTREMITY| Occlusion of the left popliteal artery over 6 cm. Right popliteal"
            + " artery: mild stenosis from plaque.| Left popliteal occlusion. Mild right popliteal"
            + " stenosis.| false",
        "CR| HIP| Displaced fracture of the left femoral neck. Right hip intact.|"
            + " Displaced right femoral neck fracture.| false",
        "US| NECK| Right ICA: 70-99% stenosis. Left ICA: less than 50% stenosis.|"
            + " 70-99% left ICA stenosis.| false",
      })
  void anImpressionLineOfTheOtherSideIsTheOtherAbnormalItems(
      String modality, String body, String findings, String impression, boolean omitted) {
    assertThat(Fixtures.omitted(engine, modality, body, 60, findings, impression))
        .isEqualTo(omitted);
  }
}
