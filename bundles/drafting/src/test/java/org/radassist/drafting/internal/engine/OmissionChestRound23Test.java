package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;

/**
 * FINDING_NOT_IN_IMPRESSION on chest, cardiac, vascular and neck reports (issue 14 part H, helper
 * "fnic"): what an impression covers in other words, by the management it recommends, or need not
 * say; each beside its twin that is still an omission.
 */
class OmissionChestRound23Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private boolean omitted(String modality, String body, String findings, String impression) {
    return engine
        .draft(Fixtures.report(findings, impression).modality(modality, body).build())
        .flags()
        .stream()
        .anyMatch(f -> f.type() == FlagType.FINDING_NOT_IN_IMPRESSION);
  }

  @ParameterizedTest(name = "{1} / {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the nodule's other words
        "CT| 4 mm ground-glass nodule in the RUL.| Tiny GGO, no routine follow-up.| false",
        "CT| Multiple ground-glass nodules up to 4 mm.| Multiple tiny GGNs. CT at 3-6 months.| false",
        "CT| 5 mm perifissural nodule along the minor fissure.| Likely intrapulmonary lymph node.|"
            + " false",
        "CT| Multiple bilateral pulmonary nodules up to 12 mm.| New pulmonary metastases.| false",
        "CT| 9 mm solid nodule in the right upper lobe.| No pulmonary embolism.| true",
        // the management Lung-RADS / Fleischner give it
        "CT| 11 x 9 mm solid nodule in the RUL.| Low-dose CT in 3 months; PET/CT may be"
            + " considered.| false",
        "CT| Tiny 3 mm solid nodule right lower lobe.| Annual LDCT in 12 months.| false",
        "CT| Solid nodule LLL 11 x 9 mm. Mild emphysema.| Mild emphysema. Annual LDCT.| true",
        "CT| Left lower lobe consolidation. 8 mm solid nodule in the right upper lobe.| Left lower"
            + " lobe pneumonia. Follow-up CT in 6-8 weeks to document resolution.| true",
        // effusions beside a grave finding, trace fluid, tamponade
        "CT| Intimal flap from the aortic root. Pericardial effusion small.| Stanford type A aortic"
            + " dissection.| false",
        "CT| Intimal flap in the descending thoracic aorta. Large left pleural effusion.| Type B"
            + " aortic dissection.| true",
        "CT| Trace pericardial effusion. Mild cardiomegaly.| Mild cardiomegaly.| false",
        "CT| Moderate pericardial effusion. Bibasal atelectasis.| Bibasal atelectasis.| true",
        "CT| Large pericardial effusion with diastolic collapse of the right ventricle.| Cardiac"
            + " tamponade physiology.| false",
      })
  void chestFindingsCoveredInOtherWords(
      String modality, String findings, String impression, boolean omission) {
    assertThat(omitted(modality, "CHEST", findings, impression)).isEqualTo(omission);
  }

  @ParameterizedTest(name = "{1} / {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // oedema elsewhere is no pulmonary oedema
        "MR| SPINE| T10 metastasis causing cord compression and cord oedema.| Metastatic spinal"
            + " cord compression at T10.| false",
        "CR| CHEST| Right IJ line tip in the SVC. Bilateral perihilar airspace oedema.| Right IJ"
            + " line in satisfactory position.| true",
        // the exam's question is no finding
        "US| ABDOMEN| AAA screening ultrasound. Abdominal aorta 2.1 cm. No aneurysm.| Normal"
            + " calibre aorta.| false",
        // a nodule at the bowel's anastomosis is no lung nodule
        "CT| ABDOMEN| New 2.4 cm enhancing soft tissue nodule at the colorectal anastomosis.|"
            + " Anastomotic soft tissue, suspicious for local recurrence.| false",
        // free gas is free air
        "CT| ABDOMEN| Sigmoid diverticulitis. Small locules of extraluminal gas adjacent to the"
            + " sigmoid colon.| Acute sigmoid diverticulitis.| true",
        "CT| ABDOMEN| Sigmoid diverticulitis. Small locules of extraluminal gas adjacent to the"
            + " sigmoid colon.| Perforated sigmoid diverticulitis.| false",
        // a bone lesion growing out of the bone is aggressive at any size
        "MR| SPINE| L4/5 disc protrusion compressing the left L5 nerve root. T12 vertebral body"
            + " lesion with epidural extension narrowing the canal.| L4/5 disc protrusion with"
            + " left L5 root compression.| true",
        // the thyroid lobe the impression does not speak of
        "US| NECK| Right lobe 2.0 cm spongiform nodule. Left lobe 1.3 cm solid hypoechoic nodule"
            + " with punctate echogenic foci.| Benign spongiform right lobe nodule.| true",
        "US| NECK| Right lobe 2.0 cm spongiform nodule. Left lobe 1.3 cm spongiform nodule.|"
            + " Benign spongiform right lobe nodule.| false",
      })
  void findingsOutsideTheLungs(
      String modality, String body, String findings, String impression, boolean omission) {
    assertThat(omitted(modality, body, findings, impression)).isEqualTo(omission);
  }
}
