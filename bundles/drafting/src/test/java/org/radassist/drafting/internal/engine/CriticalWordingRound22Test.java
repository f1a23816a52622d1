package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;

/**
 * ACR category 1/2 and 3 findings said the way ED and teleradiology readers say them, and their
 * silent look-alikes (issue 14 part F, helper "pcrit"): abbreviations, synonyms of listed terms, a
 * site and a blood word for intracranial haemorrhage, known findings followed over time, free air
 * the report calls expected in another sentence, and tumour names and shorthand for malignancy.
 */
class CriticalWordingRound22Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private List<FlagType> flags(String body, String indication, String findings, String impression) {
    return Fixtures.flagTypes(
        engine.draft(
            Fixtures.report(findings, impression)
                .modality("CT", body)
                .indication(indication)
                .build()));
  }

  @ParameterizedTest(name = "{2} / {3} -> {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        // abbreviations and synonyms of listed category 1/2 terms
        "HEAD| Headache.| Blood in the basal cisterns.| Acute SAH.| true",
        "HEAD| Fall.| 8 mm left convexity collection.| Acute left SDH.| true",
        "HEAD| Fall.| Collection over the falx.| Small acute subdural haemorrhage.| true",
        "HEAD| Weakness.| Haematoma in the left basal ganglia.| Left basal ganglia ICH.| true",
        "HEAD| Fall.| Small volume subarachnoid blood in the left frontal sulci.| Traumatic"
            + " subarachnoid blood.| true",
        "HEAD| Ataxia.| 3 cm acute left cerebellar haematoma.| Acute cerebellar haematoma.| true",
        "HEAD| Injury.| Three foci of parenchymal haemorrhage.| Frontal contusions.| true",
        "ABDOMEN| Vomiting.| Dilated small bowel.| Mechanical small-bowel obstruction.| true",
        "ABDOMEN| Vomiting.| Transition point.| SBO, likely adhesional.| true",
        "ABDOMEN| Pain.| Two transition points.| Closed loop obstruction of the small bowel.| true",
        "CHEST| Pain.| Flap in the ascending aorta.| Stanford type A dissection.| true",
        "CHEST| Dyspnoea.| Filling defects in the lower lobe arteries.| Bilateral PEs.| true",
        "CHEST| Stab wound.| Air-fluid level in the right chest.| Right haemopneumothorax.| true",
        "CHEST| Pain.| Lucency under the diaphragm.| Free subdiaphragmatic air.| true",
        "PELVIS| Positive pregnancy test.| Empty uterus, free fluid.| Ruptured left ectopic.| true",
        "PELVIS| Positive pregnancy test.| Empty uterus.| Right tubal ectopic gestation.| true",
        // silent look-alikes
        "HEAD| Headache.| No SAH.| No acute intracranial abnormality.| false",
        "HEAD| Fall.| No acute intracranial haemorrhage.| Left frontal scalp haematoma.| false",
        "HEAD| Follow-up.| Stable appearance of the known subarachnoid haemorrhage. No new"
            + " haemorrhage.| Stable known subarachnoid haemorrhage, no new bleed.| false",
        "CHEST| Surveillance.| Chronic type B aortic dissection, unchanged from 2024.| Stable"
            + " chronic type B dissection.| false",
        "CHEST| Drain in situ.| Tiny right apical pneumothorax, unchanged from yesterday.| Unchanged"
            + " tiny right apical pneumothorax.| false",
        // the follow-up word is said of another finding: the pneumothorax is new
        "CHEST| ICU.| Lines and tubes unchanged, small left apical pneumothorax.| Lines"
            + " unchanged. Small left apical pneumothorax.| true",
        "HEAD| Fall.| Ventricles stable in size; acute right subdural haematoma.| Stable"
            + " ventricles, acute right SDH.| true",
        "ABDOMEN| Day 2 after laparotomy.| Small volume free air under the right hemidiaphragm.|"
            + " Small pneumoperitoneum, expected after recent laparotomy.| false",
        "ABDOMEN| Pain.| Left pelvic ectopic kidney.| Incidental ectopic kidney.| false",
        "PELVIS| Early pregnancy.| Salpingectomy for a previous ectopic pregnancy.| Live"
            + " intrauterine pregnancy.| false",
      })
  void urgentFindingsInEdWordsAreCriticalAndTheirLookAlikesAreNot(
      String body, String indication, String findings, String impression, boolean critical) {
    assertThat(flags(body, indication, findings, impression).contains(FlagType.CRITICAL_RESULT))
        .isEqualTo(critical);
  }

  @ParameterizedTest(name = "{1} / {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Seizure.| Ring-enhancing right frontal mass.| Suspicious for high-grade glioma.| true",
        "Anaemia.| Caecal thickening.| Caecal mass, likely caecal Ca.| true",
        "Weight loss.| Liver lesions.| Multiple liver lesions, likely mets.| true",
        "Incidental.| 4 cm enhancing tumour in the left kidney.| 4 cm solid left renal"
            + " tumour.| true",
        "Ovarian cyst.| Simple cyst.| CA-125 normal. Simple cyst.| false",
        "Known lung cancer, restaging.| Bone metastases, unchanged.| Stable bone mets.| false",
      })
  void malignancyInTumourNamesAndShorthandIsActionable(
      String indication, String findings, String impression, boolean actionable) {
    assertThat(
            flags("ABDOMEN", indication, findings, impression)
                .contains(FlagType.ACTIONABLE_FINDING))
        .isEqualTo(actionable);
  }
}
