package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;

/**
 * Issue 14, round 28 (helper "fn9"): what covers a finding in an impression that says it in other
 * words (a reading, a tumour at its level, the collection holding the gas, a nodal stage, the
 * disease at a landmark's place), what is history (an earlier exam's reason, a healed fracture, the
 * effusion a chest operation leaves), and what is still omitted (an endometrioma, a tumour growing
 * into a neighbouring organ).
 */
class FindingsAndCriticalRound28Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  @ParameterizedTest(name = "{3} / {4} -> omitted {5}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CT| CHEST| Cough.| Patchy consolidation in the right middle and lower lobes.| Right"
            + " middle and lower lobe changes in keeping with aspiration.| false",
        "CT| CHEST| Cough.| Dense consolidation in the left lower lobe. Large hiatus hernia.|"
            + " Large hiatus hernia.| true",
        "MR| SPINE| Neck pain.| Destructive metastasis of the C6 vertebral body.| C6 tumour"
            + " narrowing the canal.| false",
        "MR| SPINE| Neck pain.| Destructive metastasis of the C6 vertebral body. Disc bulge at"
            + " C4-5.| Degenerative disc bulge at C4-5.| true",
        "CT| ABDOMEN| Fever.| Pelvic collection 6 cm with extraluminal gas within it.| Pelvic"
            + " collection, likely abscess from an anastomotic leak.| false",
        "CT| ABDOMEN| Fever.| Pelvic collection 6 cm. Large volume free intraperitoneal gas.|"
            + " Pelvic collection, likely abscess.| true",
        "CT| ABDOMEN| Rectal cancer.| Rectal tumour. Two enlarged mesorectal lymph nodes of 11"
            + " mm.| Rectal cancer, T3 N1.| false",
        "CT| CHEST| Day 3 after right VATS upper lobectomy.| Right chest drain in place. Right"
            + " pleural effusion.| Drain in a satisfactory position.| false",
        "CT| CHEST| Day 3 after right VATS upper lobectomy.| Right chest drain in place. Large"
            + " right pleural effusion.| Drain in a satisfactory position.| true",
        "US| PELVIS| Pelvic pain.| Right ovary contains a 5.4 cm cyst with low-level echoes, in"
            + " keeping with an endometrioma.| Normal uterus.| true",
        "MR| PROSTATE| PSA 11.| Left peripheral zone lesion 16 mm, extending into the left seminal"
            + " vesicle.| Left peripheral zone lesion, 16 mm.| true",
        "MR| PROSTATE| PSA 11.| Left peripheral zone lesion 16 mm, without extension into the"
            + " seminal vesicles.| Left peripheral zone lesion, 16 mm.| false",
        "CT| ABDOMEN| Flank pain.| kidneys normal without hydronephrosis solid 2.5 cm mass in the"
            + " pancreatic tail| no hydronephrosis| true",
        "CT| ABDOMEN| Flank pain.| kidneys normal without hydronephrosis no pancreatic mass larger"
            + " than 2 cm| no hydronephrosis| false",
      })
  void anImpressionReportsAFindingInOtherWords(
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

  @ParameterizedTest(name = "{0} / {1} -> critical {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Femoral nail for the 2024 pathological fracture, which has healed.| Healed pathological"
            + " fracture, hardware intact.| false",
        "Lytic lesion in the left femoral shaft with a new pathological fracture through it.|"
            + " Pathological fracture through a lytic left femoral lesion.| true",
      })
  void aHealedFractureIsNoCriticalResult(String findings, String impression, boolean critical) {
    assertThat(
            Fixtures.flagTypes(engine, "XR", "FEMUR", "Pain.", findings, impression)
                .contains(FlagType.CRITICAL_RESULT))
        .isEqualTo(critical);
  }
}
