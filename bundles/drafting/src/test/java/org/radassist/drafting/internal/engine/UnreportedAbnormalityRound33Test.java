package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14, round 33 (helper "om16"): more general classes of UnreportedAbnormality. A solid lesion
 * of 1 cm or more (any solid testicular lesion), a node by its short axis in either word order, a
 * partial tear with a haematoma or a high grade, and organ measurements past a published threshold
 * (pyloric muscle / channel, appendix calibre, cervical length, hip alpha angle) or a placenta over
 * the internal os are omitted from an impression that names neither their class nor their site;
 * benign, small, normal or reported ones are not.
 */
class UnreportedAbnormalityRound33Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  @ParameterizedTest(name = "{2} / {3} -> omitted {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "MR| HEAD| A 3.1 cm heterogeneously enhancing mass in the right masticator space.|"
            + " Chronic left maxillary sinusitis.| true",
        "MR| HEAD| A 3.1 cm heterogeneously enhancing mass in the right masticator space.|"
            + " Right masticator space mass; tissue sampling advised.| false",
        "US| PELVIS| 3.5 cm heterogeneous mass in the uterine fundus, in keeping with a fibroid.|"
            + " Normal ovaries.| false",
        "CT| ABDOMEN| A left para-aortic lymph node measures 1.5 cm in short axis.|"
            + " Cholelithiasis.| true",
        "CT| CHEST| Right hilar node 8 mm in short axis.| Clear lungs.| false",
        "MR| THIGH| Partial tear of the rectus femoris with a 5 x 2 cm intramuscular haematoma.|"
            + " Small hip joint effusion.| true",
        "MR| SHOULDER| Small partial-thickness articular surface tear of the supraspinatus.|"
            + " Subacromial bursitis.| false",
        "US| ABDOMEN| Pyloric muscle thickness of 4 mm and pyloric channel length of 18 mm.|"
            + " Fluid-filled stomach.| true",
        "US| ABDOMEN| Pyloric muscle thickness 2 mm, channel length 11 mm.| Normal stomach.| false",
        "US| PELVIS| Transvaginal cervical length 15 mm.| Single live fetus.| true",
        "US| PELVIS| Cervical length 36 mm.| Single live fetus.| false",
        "US| PELVIS| Placenta anterior, its lower edge covering the internal os.| Single live"
            + " fetus.| true",
        "US| HIP| Left hip alpha angle 46 degrees.| Normal right hip.| true",
        "US| HIP| Left hip alpha angle 62 degrees.| Normal hips.| false",
      })
  void aSignificantLesionOrMeasurementNoImpressionSentenceCoversIsOmitted(
      String modality, String body, String findings, String impression, boolean omitted) {
    assertThat(Fixtures.omitted(engine, modality, body, 60, findings, impression))
        .isEqualTo(omitted);
  }
}
