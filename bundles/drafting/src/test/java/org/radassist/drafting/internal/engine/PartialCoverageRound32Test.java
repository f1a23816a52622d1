package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;

/**
 * Issue 14, round 32 (helper "om15"): partial coverage and coverage in other words. A complication
 * is not covered by the disease it complicates, a stenosis not by the other side's plaque or a
 * denied stenosis or finding, a second site of disease not by the scored lesion's category; a
 * fracture is covered by the impression's shorthand ("#", "fx") or a vertebra's height loss at the
 * same bone.
 */
class PartialCoverageRound32Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  @ParameterizedTest(name = "{3} / {4} -> omitted {5}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a complication beside its uncomplicated diagnosis
        "CT| ABDOMEN| RIF pain.| Dilated appendix 14 mm with appendicolith and a 3.5 cm"
            + " rim-enhancing periappendiceal abscess.| Acute appendicitis.| true",
        "CT| ABDOMEN| RIF pain.| Dilated appendix 14 mm with appendicolith and a 3.5 cm"
            + " rim-enhancing periappendiceal abscess.| Appendicitis with periappendiceal abscess.|"
            + " false",
        "CT| ABDOMEN| RUQ pain.| Distended gallbladder with a focal wall defect, consistent with"
            + " gallbladder perforation.| Acute cholecystitis.| true",
        "CT| ABDOMEN| RUQ pain.| Distended gallbladder with a focal wall defect, consistent with"
            + " gallbladder perforation.| Acute cholecystitis complicated by perforation.| false",
        "CT| ABDOMEN| Follow-up.| The collection has resolved. Appendix not identified"
            + " (perforated appendicitis managed conservatively).| Resolved abscess.| false",
        // a stenosis: its side, its vessel, a denial covers nothing
        "US| NECK| TIA.| Right ICA PSV 310 cm/s, ICA/CCA ratio 4.6, consistent with 70% or"
            + " greater stenosis. Left ICA mild plaque, less than 50%.| Mild left ICA plaque"
            + " without hemodynamically significant stenosis.| true",
        "US| NECK| TIA.| Right ICA PSV 310 cm/s, ICA/CCA ratio 4.6, consistent with 70% or"
            + " greater stenosis. Left ICA mild plaque, less than 50%.| Severe right ICA stenosis."
            + " Mild left ICA plaque.| false",
        "CT| ABDOMEN| Hypertension.| Critical ostial stenosis of the right renal artery.| No left"
            + " renal artery stenosis.| true",
        "CT| ABDOMEN| Hypertension.| Mild ostial narrowing of the right renal artery.| No"
            + " haemodynamically significant renal artery stenosis.| false",
        // the other side's finding
        "CR| CHEST| Breathless.| Large right pleural effusion. Small left pleural effusion.| Small"
            + " left pleural effusion.| true",
        "CR| CHEST| Breathless.| Large right pleural effusion. Small left pleural effusion.|"
            + " Bilateral pleural effusions, large on the right.| false",
        "CR| CHEST| Chest pain.| Large right pneumothorax.| Large left pneumothorax.| false",
        // a second site of disease beside a scored lesion
        "MR| PROSTATE| PSA 35.| Right PZ mid 1.9 cm lesion, DWI 5. 2 cm T1 hypointense lesion in"
            + " the right iliac bone, suspicious for metastasis.| PI-RADS 5 right mid PZ.| true",
        "MR| PROSTATE| PSA 35.| Right PZ mid 1.9 cm lesion, DWI 5. 2 cm T1 hypointense lesion in"
            + " the right iliac bone, suspicious for metastasis.| PI-RADS 5 right mid PZ. Right"
            + " iliac bone deposit (M1b).| false",
        // a denial in the impression covers nothing
        "CR| CHEST| Cough.| Right lower lobe consolidation. Moderate right pleural effusion.|"
            + " Right lower lobe pneumonia. No pneumothorax or pleural effusion.| true",
        "CT| ABDOMEN| Loin pain.| 6 mm calculus in the left proximal ureter with moderate left"
            + " hydronephrosis.| 6 mm left proximal ureteric calculus without hydronephrosis.| true",
        "CT| ABDOMEN| Loin pain.| 6 mm calculus in the left proximal ureter with moderate left"
            + " hydronephrosis.| Obstructing 6 mm left proximal ureteric calculus. No perinephric"
            + " collection.| false",
        // a fracture in other words
        "CR| WRIST| FOOSH.| Undisplaced fracture through the waist of the scaphoid.| Undisplaced"
            + " scaphoid waist #.| false",
        "CR| ANKLE| Injury.| Fracture of the base of the fifth metatarsal. Oblique fracture of the"
            + " lateral malleolus.| Base of 5th metatarsal #.| true",
        "CT| CHEST| Dyspnea.| No pulmonary embolism. New 50% compression deformity of T12.| No PE."
            + " New T12 vertebral body height loss (about 50%).| false",
        "CR| CHEST| Cough.| Lungs clear. New compression deformity of T11 with 40% height loss.|"
            + " No acute cardiopulmonary process.| true",
      })
  void anImpressionCoversOrLeavesOutPartOfAFinding(
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
