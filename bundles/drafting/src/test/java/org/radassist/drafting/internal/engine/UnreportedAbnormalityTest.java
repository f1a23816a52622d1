package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14, round 32 (helper "om14"): a findings sentence that asserts a significant abnormality of
 * a general class (a tear, an acute fracture, an occlusion, a severe stenosis, an abscess, a
 * malignancy, a pathological node, a torsion) is omitted from an impression that names neither its
 * class nor its site; denied, old, treated, hedged or trivially graded findings are not, nor one
 * the impression covers in other words.
 */
class UnreportedAbnormalityTest {
  private final RulesEngine engine = RulesEngine.withDefaults();

  @ParameterizedTest(name = "{2} / {3} -> omitted {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        // asserted and left out
        "US| ANKLE| Gap in the Achilles tendon 4 cm above the calcaneus, the ends 15 mm apart."
            + " Small ankle effusion.| Small ankle effusion.| true",
        "CR| HIP| Displaced subcapital fracture of the left femoral neck. Moderate hip"
            + " osteoarthritis.| Moderate hip osteoarthritis.| true",
        "US| NECK| Right ICA 80% stenosis by velocity criteria. Thyroid heterogeneous.|"
            + " Heterogeneous thyroid.| true",
        "CT| PELVIS| Destructive lesion of the right pubic ramus with a soft-tissue mass. Sigmoid"
            + " diverticulosis.| Sigmoid diverticulosis.| true",
        "US| PELVIS| Left ovary enlarged with peripheral follicles, consistent with torsion."
            + " Anteverted uterus.| Anteverted uterus.| true",
        // covered in other words: by its class, by its site, by the diagnosis it is a sign of
        "US| ANKLE| Gap in the Achilles tendon 4 cm above the calcaneus, the ends 15 mm apart."
            + " Small ankle effusion.| Achilles tendon rupture. Small ankle effusion.| false",
        "US| ANKLE| Gap in the Achilles tendon 4 cm above the calcaneus, the ends 15 mm apart."
            + " Small ankle effusion.| Abnormal Achilles tendon; small effusion.| false",
        "US| ABDOMEN| Non-compressible tubular structure in the right iliac fossa, 10 mm.|"
            + " Acute appendicitis.| false",
        // denied, old, treated, hedged, trivially graded
        "US| ANKLE| No tendon gap or tear. Small ankle effusion.| Small ankle effusion.| false",
        "CT| HEAD| Clipped left MCA aneurysm. Ventricles normal.| No acute abnormality.| false",
        "MR| KNEE| Minimal degenerative tear of the medial meniscal body. Small effusion.| Small"
            + " effusion.| false",
        "CT| PELVIS| Sclerotic focus in the right pubic ramus, possibly a bone island rather than"
            + " a metastasis. Sigmoid diverticulosis.| Sigmoid diverticulosis.| false",
        "US| NECK| Right ICA 50-69% stenosis. Thyroid heterogeneous.| Heterogeneous thyroid.|"
            + " false",
      })
  void aSignificantAbnormalityNoImpressionSentenceCoversIsOmitted(
      String modality, String body, String findings, String impression, boolean omitted) {
    assertThat(Fixtures.omitted(engine, modality, body, 60, findings, impression))
        .isEqualTo(omitted);
  }
}
