package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;

/**
 * FINDING_NOT_IN_IMPRESSION kinds of issue 14 part K (helper "om4", the misses of holdout-13/14): a
 * lesion word on an exam with no lung in view, a duct's filling defect, post-radiation fibrosis, an
 * organ nodule the impression reports without placing it, a denied DVT, a bone's sclerotic focus
 * and a dermoid; each beside its twin that is (still) an omission.
 */
class OmissionRound26Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private boolean raised(
      FlagType type, String modality, String body, String findings, String impression) {
    return engine
        .draft(Fixtures.report(findings, impression).modality(modality, body).build())
        .flags()
        .stream()
        .anyMatch(f -> f.type() == type);
  }

  @ParameterizedTest(name = "{2} / {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        // no lung in view: the pelvis's or the head's nodule / mass is no lung lesion
        "US| PELVIS| Right ovary holds a 3.5 cm cyst with an echogenic mural nodule, a dermoid.|"
            + " 3.5 cm right ovarian dermoid.| false",
        "CT| CHEST| 3.5 cm spiculated mass in the right upper lobe. Small hiatus hernia.|"
            + " Small hiatus hernia.| true",
        "MR| HEAD| Dural-based enhancing mass along the left parietal convexity, 1.8 cm.| 1.8 cm"
            + " left parietal meningioma.| false",
        "CT| HEAD| No haemorrhage. 3 cm extra-axial mass along the right frontal convexity.| No"
            + " acute intracranial abnormality.| true",
        // a duct's filling defect is a stone, not an embolus; a pulmonary artery's is one
        "MR| ABDOMEN| Common bile duct 10 mm with a 6 mm filling defect in its distal part.|"
            + " Choledocholithiasis with a dilated duct.| false",
        "CT| CHEST| Filling defect in the right lower lobe pulmonary artery. Small effusion.|"
            + " Small right effusion.| true",
        // radiotherapy leaves fibrosis; unqualified fibrosis still counts
        "CT| CHEST| Post-radiation fibrosis in the right paramediastinal lung. No new nodule.|"
            + " No recurrence.| false",
        "CT| CHEST| Extensive fibrosis of both lower lobes. No nodule.| No nodule.| true",
        // an organ's nodule the impression reports without a place its frames know
        "US| LIVER| Nodular liver outline. 15 mm hypoechoic nodule in the left lobe.| Cirrhosis"
            + " and a 15 mm left lobe nodule of the liver; MRI advised.| false",
        // a denial of one vein does not report the thrombus of others
        "US| LEG| Occlusive thrombus in the right peroneal veins. Popliteal vein compressible.|"
            + " No popliteal DVT.| true",
        "US| LEG| Occlusive thrombus in the right peroneal veins. Popliteal vein compressible.|"
            + " Right peroneal vein DVT.| false",
        // a dermoid is a neoplasm, no benign cyst
        "US| PELVIS| 4 cm intramural fibroid. 6 cm right ovarian dermoid cyst with fat.| Uterine"
            + " fibroid.| true",
        "US| PELVIS| 4 cm intramural fibroid. 3 cm simple right ovarian cyst.| Uterine"
            + " fibroid.| false",
        // a bone's sclerotic focus is its lesion
        "MR| PROSTATE| Right PZ 1.6 cm lesion, DWI 5. 12 mm sclerotic focus in the left iliac"
            + " bone.| Right PZ PI-RADS 5 lesion.| true",
        "MR| PROSTATE| Right PZ 1.6 cm lesion, DWI 5. 12 mm sclerotic focus in the left iliac"
            + " bone.| Right PZ PI-RADS 5 lesion. Left iliac bone lesion, suspicious.| false",
      })
  void omissionsOfPartK(
      String modality, String body, String findings, String impression, boolean omission) {
    assertThat(raised(FlagType.FINDING_NOT_IN_IMPRESSION, modality, body, findings, impression))
        .isEqualTo(omission);
  }
}
