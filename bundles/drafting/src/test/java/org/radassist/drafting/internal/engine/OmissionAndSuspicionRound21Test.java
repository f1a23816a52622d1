package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;

/**
 * The flag kinds holdout-6 showed missing (issue 14 part E, helper "cx6"), each as a general
 * reading: a backward negation with a subject of its own, suspected malignancy said in many words,
 * bone sites and bone-matrix words, a fracture at another bone than the one the impression names, a
 * Couinaud segment placing a lesion in the liver, contrast opacification, and a dilated aorta's
 * size against the impression's aneurysm.
 */
class OmissionAndSuspicionRound21Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private List<FlagType> flags(String modality, String body, String findings, String impression) {
    return Fixtures.flagTypes(
        engine.draft(Fixtures.report(findings, impression).modality(modality, body).build()));
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // "cause not seen" negates the cause: the finding before it keeps its side
        "L kidney 10.8 cm with moderate hydronephrosis.| Moderate right hydronephrosis, cause not"
            + " seen.| true",
        "L kidney 10.8 cm with moderate hydronephrosis.| Moderate left hydronephrosis, cause not"
            + " seen.| false",
        "Large left pleural effusion.| Large right pleural effusion, aetiology is not"
            + " demonstrated.| true",
        // a finding the backward negation is about is still negated
        "L kidney 10.8 cm with moderate hydronephrosis.| Right hydronephrosis not seen.| false",
      })
  void aBackwardNegationWithItsOwnSubjectLeavesTheFindingSided(
      String findings, String impression, boolean mismatch) {
    assertThat(flags("US", "KIDNEY", findings, impression).contains(FlagType.LATERALITY_MISMATCH))
        .isEqualTo(mismatch);
  }

  private boolean actionable(String indication, String findings, String impression) {
    return engine
        .draft(
            Fixtures.report(findings, impression)
                .modality("CT", "ABDOMEN")
                .indication(indication)
                .build())
        .flags()
        .stream()
        .anyMatch(f -> f.type() == FlagType.ACTIONABLE_FINDING);
  }

  @ParameterizedTest(name = "{0} / {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // suspected or stated malignancy in other words, in a patient not known to have cancer
        "Pain.| Liver lesions, in keeping with metastases.| Diverticulitis.| true",
        "Pain.| Pancreatic head mass.| Mass, highly suggestive of adenocarcinoma.| true",
        "Pain.| Antral wall thickening.| Antral thickening, worrisome for neoplasm.| true",
        "Pain.| Omental caking.| Peritoneal carcinomatosis.| true",
        "Pain.| Complex adnexal mass.| Malignancy cannot be excluded.| true",
        "Weight loss ?malignancy.| Caecal thickening.| Appearances suggest caecal carcinoma.| true",
        // denied, differential, known or followed: no new actionable finding
        "Pain.| No liver lesion.| No evidence of metastatic disease.| false",
        "Pain.| Simple cyst.| No features to suggest malignancy.| false",
        "Pain.| Hilar nodes.| Sarcoidosis or lymphoma.| false",
        "Pain.| Hilar nodes.| Sarcoidosis favoured over lymphoma.| false",
        "Pain.| Liver lesions.| Stable liver metastases.| false",
        // round 36 (sys17): the known spread, its treatment or its follow-up is the course
        "Known metastatic colon cancer.| Liver lesions.| Liver metastases.| false",
        "Colon cancer on chemotherapy.| Liver lesions.| Liver metastases.| false",
        "Restaging.| Liver lesions.| Liver metastases.| false",
        "Known colon cancer.| Liver lesions, unchanged.| Liver metastases.| false",
        // round 36 (sys17): at the first look (initial staging) they are found for the first time
        "Known colon cancer.| Liver lesions.| Liver metastases.| true",
        "Staging.| Liver lesions.| Liver metastases.| true",
        "Pain.| Lung cancer screening examination.| No nodules.| false",
      })
  void suspectedMalignancyInAnyWordsIsActionable(
      String indication, String findings, String impression, boolean flagged) {
    assertThat(actionable(indication, findings, impression)).isEqualTo(flagged);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a benign word under a negation of its own clause says the opposite
        "2.7 cm solid lesion in the left kidney, not typical for angiomyolipoma.| true",
        "2.7 cm solid lesion in the left kidney, typical for angiomyolipoma.| false",
        "3 cm enhancing septated lesion of the left kidney, not consistent with a simple cyst.| true",
      })
  void aNegatedBenignWordLeavesTheRenalMassActionable(String findings, boolean flagged) {
    assertThat(actionable("Dyspepsia.", findings, "Normal liver.")).isEqualTo(flagged);
  }

  @ParameterizedTest(name = "{2} / {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a long bone's part and the named bones are bone sites
        "MR| KNEE| ACL tear. 3 cm lytic lesion in the distal femoral metaphysis.| ACL tear.| true",
        "MR| KNEE| ACL tear. 3 cm lytic lesion in the distal femoral metaphysis.| ACL tear. Lytic"
            + " femoral lesion.| false",
        "CT| CHEST| Small right pleural effusion. Expansile lytic lesion of the sternum.| Small"
            + " right pleural effusion.| true",
        "CT| CHEST| Small right pleural effusion. Expansile lytic lesion of the sternum.| Small"
            + " right pleural effusion. Lytic sternal lesion.| false",
        // a fracture of a bone the impression's fractures do not name is omitted
        "CT| CHEST| Displaced fracture of the sternal body. Right 5th rib fracture.| Right 5th rib"
            + " fracture.| true",
        "CT| CHEST| Displaced fracture of the sternal body. Right 5th rib fracture.| Sternal and"
            + " right 5th rib fractures.| false",
        "CT| CHEST| Displaced fracture of the sternal body. Right 5th rib fracture.| Multiple"
            + " fractures.| false",
        "CT| ABDOMEN| Burst fracture of L1. Left pubic ramus fracture.| Left pubic ramus"
            + " fracture.| true",
        // the ankle's two bones: a medial malleolus beside a fibular fracture is another bone
        "CR| ANKLE| Distal fibular fracture. Undisplaced fracture of the medial malleolus.| Weber"
            + " B distal fibular fracture.| true",
        "CR| ANKLE| Distal fibular fracture. Avulsion fracture of the fibular tip.| Weber B"
            + " distal fibular fracture.| false",
      })
  void boneSitesAndFracturesOfAnotherBone(
      String modality, String body, String findings, String impression, boolean omitted) {
    assertThat(
            flags(modality, body, findings, impression)
                .contains(FlagType.FINDING_NOT_IN_IMPRESSION))
        .isEqualTo(omitted);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a lesion its own words call sclerotic is the skeleton's, not the prostate's
        "Left PZ 11 mm lesion, DWI 4. New 15 mm sclerotic lesion in the right iliac bone.| PI-RADS"
            + " 4 left PZ lesion. Right iliac sclerotic lesion; bone scan.| false",
        "Left PZ 11 mm lesion, DWI 4. New 15 mm sclerotic lesion in the left iliac bone.| PI-RADS"
            + " 4 left PZ lesion. Right iliac sclerotic lesion; bone scan.| true",
      })
  void aScleroticLesionIsTheBonesOnAProstateExam(
      String findings, String impression, boolean mismatch) {
    assertThat(flags("MR", "PROSTATE", findings, impression).contains(FlagType.LATERALITY_MISMATCH))
        .isEqualTo(mismatch);
  }

  @ParameterizedTest(name = "{1} / {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a Couinaud segment and no lung word place a lesion in the liver
        "ABDOMEN| New 1.6 cm hypoenhancing lesion in segment 8.| No local recurrence.| true",
        "ABDOMEN| New 1.6 cm hypoenhancing lesion in segment 8.| New segment 8 liver lesion.|"
            + " false",
        // a haemangioma's peripheral nodular enhancement is its benign sign
        "ABDOMEN| 2.4 cm lesion in segment 7 with peripheral nodular enhancement, typical of a"
            + " haemangioma.| No acute abnormality.| false",
        // a negated benign word does not make the lesion benign
        "ABDOMEN| Solid 2.7 cm lesion in the left kidney, not typical for angiomyolipoma.| Normal"
            + " liver.| true",
        // the contrast rating of a CT angiogram is technique, not a lung opacity
        "CHEST| Satisfactory opacification. No evidence of pulmonary emboli. Lungs clear.| No"
            + " PE.| false",
        "CHEST| Satisfactory opacification. Airspace opacification in the left lower lobe.| No"
            + " PE.| true",
      })
  void liverSegmentsBenignSignsAndContrastTechnique(
      String body, String findings, String impression, boolean omitted) {
    assertThat(flags("CT", body, findings, impression).contains(FlagType.FINDING_NOT_IN_IMPRESSION))
        .isEqualTo(omitted);
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the aorta said dilated has no aneurysm frame: its sentences' sizes are compared
        "Ascending thoracic aorta dilated to 4.4 cm. No dissection.| Ascending aortic aneurysm"
            + " 4.8 cm.| true",
        "Ascending thoracic aorta dilated to 4.4 cm. No dissection.| Ascending aortic aneurysm"
            + " 44 mm.| false",
        "The aortic root is ectatic, measuring 4.6 cm.| Dilated aortic root 4.1 cm.| true",
        // a prior size in the impression is no measurement of today
        "Ascending aorta dilated to 4.4 cm.| Aortic dilatation 4.4 cm, previously 4.2 cm.| false",
      })
  void aDilatedAortasSizeAgainstTheImpression(
      String findings, String impression, boolean mismatch) {
    assertThat(flags("CT", "CHEST", findings, impression).contains(FlagType.MEASUREMENT_MISMATCH))
        .isEqualTo(mismatch);
  }

  @ParameterizedTest(name = "{1} / {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // suspected malignancy the impression neither names nor reports at its organ
        "US| ABDOMEN| Gallstones. Target lesions in both hepatic lobes, compatible with"
            + " metastases.| Cholelithiasis.| true",
        "US| ABDOMEN| Gallstones. Target lesions in both hepatic lobes, compatible with"
            + " metastases.| Cholelithiasis. Liver lesions; MRI advised.| false",
        "CT| ABDOMEN| Ascites. Omental caking, in keeping with peritoneal carcinomatosis.|"
            + " Moderate ascites.| true",
        "CT| ABDOMEN| Ascites. Omental caking, in keeping with peritoneal carcinomatosis.|"
            + " Ascites with omental metastatic disease.| false",
        // a testicular mass is an organ lesion: an epididymitis impression omits it
        "US| SCROTUM| Hyperaemic left epididymis. 14 mm solid mass in the right testis.| Left"
            + " epididymitis.| true",
        "US| SCROTUM| Hyperaemic left epididymis. 14 mm solid mass in the right testis.| Left"
            + " epididymitis. Right testicular mass; urology referral.| false",
        // nodes attached to a finding the impression reports by its kind stage it
        "CT| ABDOMEN| Antral wall thickening with perigastric nodes.| Antral wall thickening;"
            + " endoscopy.| false",
      })
  void suspectedMalignancyAndOrganLesionsLeftOut(
      String modality, String body, String findings, String impression, boolean omitted) {
    assertThat(
            flags(modality, body, findings, impression)
                .contains(FlagType.FINDING_NOT_IN_IMPRESSION))
        .isEqualTo(omitted);
  }
}
