package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14, round 35 (helper "om20"): an impression sentence reports the finding it names, not
 * every finding of its class. A tear, an "-itis" or a spine region that the impression gives for
 * another structure or other vertebral levels leaves this finding out; a compound direction
 * ("posterolateral") shared with another item is no site. Named by its own structure or level, it
 * is covered.
 */
class UnreportedAbnormalityRound35Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  @ParameterizedTest(name = "{2} / {3} -> omitted {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "MR| SHOULDER| Rotator cuff: full-thickness tear of the supraspinatus tendon."
            + " Labrum: the posterosuperior labrum is torn.| Full-thickness supraspinatus tear.|"
            + " true",
        "MR| SHOULDER| Rotator cuff: full-thickness tear of the supraspinatus tendon."
            + " Labrum: the posterosuperior labrum is torn.| Full-thickness supraspinatus tear."
            + " Labral tear.| false",
        "CT| ABDOMEN| Gallbladder wall thickening with pericholecystic fat stranding."
            + " Liver: a 4 cm rim-enhancing collection in segment 5.| Acute cholecystitis.| true",
        "CT| ABDOMEN| Gallbladder wall thickening with pericholecystic fat stranding."
            + " Liver: a 4 cm rim-enhancing collection in segment 5.| Acute cholecystitis with a"
            + " segment 5 liver abscess.| false",
        "CR| SPINE| New 50% height loss of T11 with a convex posterior wall."
            + " Degenerative disc disease L3-L5.| Lumbar spondylosis, L3-L5.| true",
        "CT| SPINE| Acute wedge compression of T7 with 30% height loss.|"
            + " Thoracic injuries T6-T8.| false",
        "MR| KNEE| Medial femoral condyle: double-line signal in the posterolateral zone."
            + " Lateral meniscus: horizontal tear of the posterolateral body.|"
            + " Posterolateral lateral meniscal tear.| true",
      })
  void aClassWordForAnotherStructureDoesNotCoverTheFinding(
      String modality, String body, String findings, String impression, boolean omitted) {
    assertThat(Fixtures.omitted(engine, modality, body, 60, findings, impression))
        .isEqualTo(omitted);
  }

  @ParameterizedTest(name = "{2} / {3} -> omitted {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "MR| HIP| The acetabular labrum is detached from the acetabular rim.|"
            + " Gluteus minimus tendinosis.| true",
        "MR| HIP| The acetabular labrum is attached and of normal signal.|"
            + " Gluteus minimus tendinosis.| false",
        "US| ORBIT| Right globe: posterior vitreous detachment. Retina attached.|"
            + " No retinal detachment.| false",
        "US| NECK| Retrograde flow in the right vertebral artery.| Minor carotid plaque.| true",
        "US| NECK| Retrograde flow in the right vertebral artery.| Right subclavian steal.| false",
        "US| ABDOMEN| Portal vein 14 mm with hepatofugal flow.| Cirrhotic liver.| true",
        "US| ABDOMEN| Portal vein 11 mm with hepatopetal flow.| Cirrhotic liver.| false",
        "MR| KNEE| Osteochondritis dissecans 14 mm with fluid signal undermining the fragment.|"
            + " Moderate joint effusion.| true",
        "MR| KNEE| Osteochondritis dissecans 14 mm, no fluid rim, stable.|"
            + " Moderate joint effusion.| false",
        "CT| ABDOMEN| Abdominal aortic aneurysm 5.0 cm. Laminated thrombus lines the sac.|"
            + " 5.0 cm abdominal aortic aneurysm.| false",
      })
  void aDetachmentReversedFlowOrUnstableOsteochondralLesionNoImpressionSentenceCoversIsOmitted(
      String modality, String body, String findings, String impression, boolean omitted) {
    assertThat(Fixtures.omitted(engine, modality, body, 60, findings, impression))
        .isEqualTo(omitted);
  }
}
