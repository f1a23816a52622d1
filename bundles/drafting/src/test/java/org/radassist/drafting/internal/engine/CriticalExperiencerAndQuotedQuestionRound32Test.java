package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;

/**
 * Issue 14, round 32 (helper "cx13"): a critical term that belongs to someone else when the kin is
 * named after it ("subarachnoid haemorrhage in the patient's mother"), and a report quoting the
 * question it was asked ("the request mentions aortic dissection"), raise no CRITICAL_RESULT; the
 * patient's own finding, with "in the" of an anatomical place or the question answered in a clause
 * of its own, still does. A follow-up dictated as optional where the nodule's Fleischner row asks
 * for a CT is a CATEGORY_MANAGEMENT_MISMATCH (h15-ms-05).
 */
class CriticalExperiencerAndQuotedQuestionRound32Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  @ParameterizedTest(name = "{4} -> critical {5}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CT| HEAD| Headache.| Normal brain. No hemorrhage.| Normal CT head. Note the indication"
            + " mentions subarachnoid hemorrhage in the patient's mother; consider CTA screening.|"
            + " false",
        "CT| CHEST| Chest pain.| Pulmonary arteries well opacified, no filling defect.| No acute"
            + " abnormality. Pulmonary embolism in her sister at a young age is noted.| false",
        "CT| CHEST| Chest pain.| Lungs fully expanded.| Normal chest. Recurrent spontaneous"
            + " pneumothorax in two first-degree relatives is noted.| false",
        "CT| CHEST| Marfanoid habitus.| Thoracic aorta normal in calibre.| Normal aorta. Aortic"
            + " dissection in his father at age 45.| false",
        "CT| CHEST| Chest pain.| Filling defects in the right lower lobe segmental arteries.|"
            + " Pulmonary embolism in the right lower lobe segmental arteries.| true",
        "CT| HEAD| Headache.| Subarachnoid hemorrhage in the basal cisterns.| Subarachnoid"
            + " hemorrhage in the basal cisterns.| true",
        "CT| CHEST| Chest pain.| Left apical pneumothorax measuring 2 cm.| Spontaneous left"
            + " pneumothorax in a tall young man.| true",
        "CT| CHEST| Dyspnoea.| Pulmonary arteries opacify normally.| Clinical question of"
            + " pulmonary embolism: the pulmonary arteries are patent.| false",
        "CT| CHEST| Chest pain.| Thoracic aorta normal in calibre without intimal flap.| The"
            + " request mentions aortic dissection; the aorta is normal.| false",
        "MR| SPINE| Back pain.| Sclerotic L2 metastasis without epidural extension.| L2"
            + " metastasis. The referring clinician queried spinal cord compression; there is"
            + " none.| false",
        "CT| CHEST| Chest pain.| Intimal flap from the left subclavian origin to the iliac"
            + " bifurcation.| Referred with a question of aortic dissection. Type B aortic"
            + " dissection is present.| true",
        "CT| CHEST| Chest pain.| Lungs fully expanded.| No pneumothorax. Pneumothorax in the"
            + " patient's twin brother last year noted.| false",
        "CT| CHEST| Dyspnoea.| Pulmonary arteries patent.| Requested for suspected pulmonary"
            + " embolism: negative study.| false",
        "CT| HEAD| Headache.| Normal brain.| The ED asked about subarachnoid hemorrhage. None is"
            + " seen.| false",
        "CT| CHEST| Dyspnoea.| Filling defects in both lower lobe arteries.| CT performed for"
            + " suspected pulmonary embolism shows bilateral pulmonary embolism.| true",
      })
  void aCriticalTermIsThePatientsOwnFindingOfThisExam(
      String modality,
      String body,
      String indication,
      String findings,
      String impression,
      boolean critical) {
    assertThat(
            Fixtures.flagTypes(engine, modality, body, indication, findings, impression)
                .contains(FlagType.CRITICAL_RESULT))
        .isEqualTo(critical);
  }

  @ParameterizedTest(name = "{2} / {3} -> mismatch {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Dyspnea; smoker.| Solid 7 mm nodule in the right lower lobe.| 4 mm RLL nodule; optional"
            + " CT at 12 months.| true",
        "Cough; 40 pack-year smoker.| 7 mm solid nodule in the left upper lobe.| Left upper lobe"
            + " nodule. Follow-up CT at 12 months is optional.| true",
        "Trauma.| Solid nodule of the right middle lobe, 10 x 9 mm.| 10 mm right middle lobe"
            + " nodule; a CT in 3 months may be performed at the discretion of the referring"
            + " clinician.| true",
        "Cough; 40 pack-year smoker.| 4 mm solid nodule in the left upper lobe.| 4 mm left upper"
            + " lobe nodule. Optional CT at 12 months.| false",
        "Cough; 40 pack-year smoker.| 7 mm solid nodule in the left upper lobe.| 7 mm left upper"
            + " lobe nodule. Follow-up CT at 12 months, then at 24 months.| false",
      })
  void aFollowUpMadeOptionalWhereTheFleischnerRowAsksForACtIsAMismatch(
      String indication, String findings, String impression, boolean mismatch) {
    assertThat(
            Fixtures.flagTypes(
                    engine.draft(
                        Fixtures.report(findings, impression)
                            .modality("CT", "CHEST")
                            .indication(indication)
                            .patient(64, null)
                            .build()))
                .contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH))
        .isEqualTo(mismatch);
  }
}
