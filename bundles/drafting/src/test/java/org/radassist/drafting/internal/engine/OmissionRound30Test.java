package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;

/**
 * Issue 14, round 30 (helper "om11"): the reaction around a lesion (perilesional oedema, the
 * consolidation beside an empyema) belongs to the lesion the impression reports; a scored lesion
 * whose category calls for sampling (PI-RADS 4-5, LR-4/5, Lung-RADS 4, BI-RADS 4-5, TI-RADS at its
 * FNA size) is omitted from an impression that reports only benign or lower-category things,
 * whatever words the findings use for it.
 */
class OmissionRound30Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private boolean omitted(String modality, String body, String findings, String impression) {
    return Fixtures.flagTypes(
            engine.draft(Fixtures.report(findings, impression).modality(modality, body).build()))
        .contains(FlagType.FINDING_NOT_IN_IMPRESSION);
  }

  @ParameterizedTest(name = "{2} / {3} -> omitted {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CT| ABDOMEN| Bulky pancreatic head with peripancreatic stranding. Adjacent duodenal"
            + " oedema.| Acute pancreatitis.| false",
        "MR| HEAD| Dural-based enhancing lesion over the right convexity. Mild adjacent oedema.|"
            + " Right convexity meningioma.| false",
        "CT| CHEST| Loculated left pleural collection with enhancing pleura. Adjacent left lower"
            + " lobe consolidation.| Left empyema.| false",
        "CT| ABDOMEN| Rim-enhancing collection in the right lobe of the liver with surrounding"
            + " oedema.| Liver abscess.| false",
        // the reaction beside nothing the impression reports is still omitted
        "CT| ABDOMEN| Rim-enhancing collection in the right lobe of the liver with surrounding"
            + " oedema.| No acute abnormality.| true",
        "CR| CHEST| Left 6th rib fracture. Bilateral perihilar airspace oedema.| Left 6th rib"
            + " fracture.| true",
      })
  void theHaloOfALesionIsPartOfIt(
      String modality, String body, String findings, String impression, boolean omitted) {
    assertThat(omitted(modality, body, findings, impression)).isEqualTo(omitted);
  }

  @ParameterizedTest(name = "{2} / {3} -> omitted {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "MR| PROSTATE| Gland 60 cc with BPH. Left PZ mid: 9 mm focus, DWI 3, DCE positive.|"
            + " Benign prostatic hyperplasia.| true",
        "MR| PROSTATE| Gland 60 cc with BPH. Left PZ mid: 9 mm focus, DWI 3, DCE positive.|"
            + " Left peripheral zone focus suspicious for cancer; targeted biopsy.| false",
        "MR| PROSTATE| Gland 60 cc with BPH. Left PZ mid: 9 mm focus, DWI 3, DCE positive.|"
            + " PI-RADS 4 left peripheral zone focus.| false",
        "MR| LIVER| Segment 3 observation 9 mm, APHE only, LR-3. Segment 6 observation 24 mm with"
            + " nonrim APHE, washout and capsule, LR-5.| Segment 3 LR-3 observation.| true",
        "MR| LIVER| Segment 3 observation 9 mm, APHE only, LR-3. Segment 6 observation 24 mm with"
            + " nonrim APHE, washout and capsule, LR-5.| Segment 6 LR-5 observation.| false",
        // a lower category for the one lesion is a category mismatch, not an omission
        "MR| LIVER| Segment 6 observation 24 mm with nonrim APHE, washout and capsule.| Segment 6"
            + " LR-3 observation.| false",
      })
  void aSuspiciousCategoryIsTheImpressionsFinding(
      String modality, String body, String findings, String impression, boolean omitted) {
    assertThat(omitted(modality, body, findings, impression)).isEqualTo(omitted);
  }

  @ParameterizedTest(name = "{0} age {2}: {3} -> omitted {5}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CT| NECK| 60| Degenerative changes C5-6. 9 mm hypodense left thyroid nodule.| Cervical"
            + " spondylosis.| false",
        "CT| NECK| 60| Degenerative changes C5-6. 19 mm hypodense left thyroid nodule.| Cervical"
            + " spondylosis.| true",
        "MR| NECK| 25| Degenerative changes C5-6. 12 mm left thyroid nodule.| Cervical"
            + " spondylosis.| true",
        "CT| NECK| 60| Degenerative changes C5-6. 9 mm left thyroid nodule invading the strap"
            + " muscles.| Cervical spondylosis.| true",
      })
  void aSmallThyroidNoduleOnCtOrMrNeedsNoWorkUp(
      String modality, String body, int age, String findings, String impression, boolean omitted) {
    assertThat(Fixtures.omitted(engine, modality, body, age, findings, impression))
        .isEqualTo(omitted);
  }

  @ParameterizedTest(name = "{0} -> omitted {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Left breast mass, BI-RADS 5. Core biopsy.| true",
        "Left breast carcinoma until proven otherwise. Core biopsy.| true",
        "Left breast mass, BI-RADS 5, and an abnormal left axillary node. Core biopsy of both.|"
            + " false",
      })
  void anAxillaryNodeIsNotReportedByTheBreastLesionsCategoryOrDiagnosis(
      String impression, boolean omitted) {
    assertThat(
            omitted(
                "US",
                "BREAST",
                "Left breast 3 o'clock: 2 cm irregular spiculated mass. Left axilla: 17 mm lymph"
                    + " node with eccentric cortical thickening and effaced fatty hilum.",
                impression))
        .isEqualTo(omitted);
  }

  @ParameterizedTest(name = "{0} {1}: {2} -> omitted {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CT| CHEST| Ascending aorta measures 5.1 cm. Lungs clear.| true",
        "CT| CHEST| Ascending aorta measures 3.6 cm. Lungs clear.| false",
        "CT| CHEST| Ascending aorta measures 5.1 cm, unchanged from the prior study. Lungs clear.|"
            + " false",
        "CT| ABDOMEN| The infrarenal aorta is 3.4 cm in diameter. Liver normal.| true",
        "CT| ABDOMEN| The infrarenal aorta is 2.1 cm in diameter. Liver normal.| false",
      })
  void anAortaOfAneurysmalCalibreIsAFindingWithoutItsAdjective(
      String modality, String body, String findings, boolean omitted) {
    assertThat(omitted(modality, body, findings, "No pulmonary embolism.")).isEqualTo(omitted);
  }

  @ParameterizedTest(name = "{0} / {1} / {2} -> omitted {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Melanoma, restaging.| New 14 mm soft-tissue deposit in the left paracolic gutter.| Stable"
            + " appearances.| true",
        "Melanoma, restaging.| New 14 mm soft-tissue deposit in the left paracolic gutter.| New"
            + " left paracolic deposit, in keeping with progression.| false",
        "Melanoma, restaging.| No new deposits.| Stable appearances.| false",
        "Abdominal pain.| New 14 mm soft-tissue deposit in the left paracolic gutter.| Stable"
            + " appearances.| false",
      })
  void aNewLesionInACancerFollowUpIsProgressionToReport(
      String indication, String findings, String impression, boolean omitted) {
    assertThat(
            Fixtures.flagTypes(
                    engine.draft(
                        Fixtures.report(findings, impression)
                            .modality("CT", "ABDOMEN")
                            .indication(indication)
                            .build()))
                .contains(FlagType.FINDING_NOT_IN_IMPRESSION))
        .isEqualTo(omitted);
  }
}
