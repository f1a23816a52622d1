package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14, round 34 (helper "om18"): classes of UnreportedAbnormality said by their signs without
 * the usual word. A vessel cut off, not opacified or filled with intraluminal material, a widened
 * interval of a ligament-held joint, air trapping on an expiratory film, a collection holding gas,
 * a fetal Doppler or nuchal measurement past its threshold, gas under the diaphragm, a fistula,
 * osteonecrosis and hydrocephalus are omitted from an impression that names neither their class nor
 * their site; denied, graded normal, access or atrophy look-alikes and reported ones are not.
 */
class UnreportedAbnormalityRound34Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  @ParameterizedTest(name = "{2} / {3} -> omitted {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CT| HEAD| CT angiogram shows an abrupt cut-off of the right M2 segment.|"
            + " Early right frontal ischaemic change.| true",
        "CT| HEAD| CT angiogram shows an abrupt cut-off of the right M2 segment.|"
            + " Right M2 occlusion.| false",
        "CT| ABDOMEN| The superior mesenteric vein is not opacified beyond its confluence.|"
            + " Pancreatitis.| true",
        "US| NECK| The left jugular vein holds echogenic intraluminal material.|"
            + " Benign thyroid nodule.| true",
        "CR| WRIST| Scapholunate interval 4 mm, widened.| Undisplaced radial styloid fracture.|"
            + " true",
        "CR| WRIST| The scapholunate interval is not widened.| Soft tissue swelling only.| false",
        "CR| CHEST| The left lung stays hyperinflated on the expiratory film.| Clear lungs.| true",
        "CR| CHEST| Hyperinflated lungs with flat hemidiaphragms.| Clear lungs.| false",
        "CT| ABDOMEN| A 3 cm subhepatic collection containing gas.| Cholecystectomy clips.| true",
        "US| PELVIS| Umbilical artery Doppler shows absent end-diastolic flow.|"
            + " Small for dates fetus.| true",
        "US| PELVIS| Nuchal translucency 1.8 mm.| Single live fetus.| false",
        "CR| ABDOMEN| Gas beneath both hemidiaphragms.| Dilated small bowel.| true",
        "MR| PELVIS| A perianal fistula runs from 6 o'clock to the left ischioanal fossa.|"
            + " Normal uterus.| true",
        "US| ARM| Brachiocephalic fistula with good flow.| Satisfactory access.| false",
        "MR| SHOULDER| Humeral head osteonecrosis without collapse.| Rotator cuff tendinosis.|"
            + " true",
        "CT| HEAD| The third and lateral ventricles are dilated.| No haemorrhage.| true",
        "CT| HEAD| Ventricles enlarged in proportion to atrophy.| No haemorrhage.| false",
      })
  void anAbnormalitySaidByItsSignsThatNoImpressionSentenceCoversIsOmitted(
      String modality, String body, String findings, String impression, boolean omitted) {
    assertThat(Fixtures.omitted(engine, modality, body, 60, findings, impression))
        .isEqualTo(omitted);
  }
}
