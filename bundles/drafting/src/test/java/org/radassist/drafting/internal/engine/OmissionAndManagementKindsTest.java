package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;

/**
 * The flag kinds holdout-3 showed missing (issue 14 part B, helper "flags2"): actionable findings
 * an impression leaves out whatever else it says, findings that are old, treated, expected or part
 * of a reported one, a solid renal lesion as the listed renal mass, and management that contradicts
 * a TI-RADS, PI-RADS or BI-RADS category.
 */
class OmissionAndManagementKindsTest {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private List<FlagType> types(String modality, String body, String indication, String dictation) {
    Fixtures.Builder b = Fixtures.request(dictation).modality(modality, body);
    if (indication != null) {
      b = b.indication(indication);
    }
    return engine.draft(b.build()).flags().stream().map(Flag::type).toList();
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // vascular findings: an aneurysm, an embolus, a venous thrombus
        "Gallstones. 3.8 cm infrarenal abdominal aortic aneurysm.| Cholelithiasis.| true",
        "Gallstones. 3.8 cm infrarenal abdominal aortic aneurysm.| Cholelithiasis. 3.8 cm AAA.| false",
        "Gallstones. Aneurysm sac 5.0 cm, previously 5.4 cm, after EVAR.| Cholelithiasis.| false",
        "Gallstones. 4 cm aortic aneurysm with mural thrombus.| Cholelithiasis. 4 cm AAA.| false",
        // nodes and organ lesions also beside an impression that reports nothing
        "Enlarged 1.8 cm portocaval lymph node. No free fluid.| No acute abnormality.| true",
        "2.0 cm left adrenal nodule, 30 HU.| No acute abnormality.| true",
        "2.0 cm left adrenal nodule, 30 HU.| Normal study apart from a left adrenal nodule.| false",
        "3 cm solid mass in the left kidney.| Normal kidneys.| true",
        "3 cm solid mass in the left kidney.| Left renal mass, likely carcinoma.| false",
        // complex cysts and indeterminate lesions are not benign
        "4.5 cm left ovarian cyst with thick septations.| Cholelithiasis.| true",
        "4.5 cm simple left ovarian cyst.| Cholelithiasis.| false",
        "1.5 cm lesion in liver segment 3, too large to characterise as a cyst.| Cholelithiasis.| true",
        "1.5 cm lesion in liver segment 3.| Cholelithiasis. Segment 3 haemangioma.| false",
        // a diffuse-disease sentence about the organ does not report its observation
        "Cirrhosis. 14 mm observation in segment 5 with APHE and washout.| Cirrhotic liver.| true",
        "Cirrhosis. 14 mm observation in segment 5 with APHE and washout.| Cirrhotic liver, LR-5 observation.| false",
      })
  void anActionableFindingIsOmittedWhateverElseTheImpressionSays(
      String findings, String impression, boolean omitted) {
    assertThat(
            types("CT", "ABDOMEN", null, "Findings: " + findings + "\nImpression: " + impression)
                .contains(FlagType.FINDING_NOT_IN_IMPRESSION))
        .isEqualTo(omitted);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Right axilla: 9 mm node with eccentric cortical thickening.| true",
        "Right axilla: lymph node with an effaced fatty hilum.| true",
        "Right axilla: normal lymph nodes with fatty hila.| false",
      })
  void anAxillaryNodeOfAbnormalShapeIsAnOmission(String node, boolean omitted) {
    List<FlagType> t =
        types(
            "US",
            "BREAST",
            null,
            "Findings: Right breast 10 o'clock: 1.3 cm irregular hypoechoic mass, not parallel. "
                + node
                + "\nImpression: Right breast 10 o'clock mass, BI-RADS 4. Core biopsy recommended.");
    assertThat(t.contains(FlagType.FINDING_NOT_IN_IMPRESSION)).isEqualTo(omitted);
  }

  @Test
  void oldTreatedAttachedOrExpectedFindingsAreNoOmissionAndNoCriticalResult() {
    assertThat(
            types(
                "CR",
                "CHEST",
                null,
                "Findings: Old healed left clavicle fracture. Lungs clear.\n"
                    + "Impression: No acute abnormality."))
        .doesNotContain(FlagType.FINDING_NOT_IN_IMPRESSION);
    assertThat(
            types(
                "CR",
                "CHEST",
                null,
                "Findings: Acute fracture of the left clavicle. Lungs clear.\n"
                    + "Impression: No pneumothorax."))
        .contains(FlagType.FINDING_NOT_IN_IMPRESSION);
    assertThat(
            types(
                "CR",
                "CHEST",
                null,
                "Findings: Large left pneumothorax with complete collapse of the left lung.\n"
                    + "Impression: Left tension pneumothorax."))
        .doesNotContain(FlagType.FINDING_NOT_IN_IMPRESSION);
    assertThat(
            types(
                "CT",
                "HEAD",
                null,
                "Findings: Coil mass at the posterior communicating artery from treatment of"
                    + " subarachnoid haemorrhage in 2018. No acute haemorrhage.\n"
                    + "Impression: No acute intracranial abnormality."))
        .doesNotContain(
            FlagType.CRITICAL_RESULT,
            FlagType.FINDING_NOT_IN_IMPRESSION,
            FlagType.ACTIONABLE_FINDING);
    assertThat(
            types(
                "CR",
                "CHEST",
                null,
                "Findings: Small free air under the left hemidiaphragm, in keeping with recent"
                    + " laparoscopy. Surgical emphysema in the abdominal wall.\n"
                    + "Impression: Post-laparoscopic appearances."))
        .doesNotContain(FlagType.CRITICAL_RESULT, FlagType.FINDING_NOT_IN_IMPRESSION);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Remote subarachnoid haemorrhage treated with coiling.| false",
        "Encephalomalacia at the site of the prior intraparenchymal haemorrhage.| false",
        "Acute subarachnoid haemorrhage in the basal cisterns.| true",
      })
  void aHaemorrhageTheWordsBeforeItPutInThePastIsNoCriticalResult(
      String findings, boolean critical) {
    List<FlagType> t =
        types(
            "CT",
            "HEAD",
            null,
            "Findings: " + findings + "\nImpression: No acute intracranial abnormality.");
    assertThat(t.contains(FlagType.CRITICAL_RESULT)).isEqualTo(critical);
    assertThat(t.contains(FlagType.FINDING_NOT_IN_IMPRESSION)).isEqualTo(critical);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Day 1 after right thoracotomy.| false",
        "Post-op check.| false",
        "Fall from a horse.| true",
      })
  void softTissueAirIsExpectedInAReportThatStatesAnOperation(String indication, boolean omitted) {
    assertThat(
            types(
                    "CR",
                    "CHEST",
                    indication,
                    "Findings: Subcutaneous emphysema in the right chest wall. Lungs clear.\n"
                        + "Impression: No pneumothorax.")
                .contains(FlagType.FINDING_NOT_IN_IMPRESSION))
        .isEqualTo(omitted);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2.8 cm solid lesion in the upper pole of the right kidney.| true",
        "1.9 cm enhancing nodule in the left kidney.| true",
        "1.9 cm non-enhancing lesion in the left kidney.| false",
      })
  void aSolidOrEnhancingRenalLesionIsTheListedRenalMass(String findings, boolean actionable) {
    assertThat(
            types(
                    "CT",
                    "ABDOMEN",
                    null,
                    "Findings: " + findings + "\nImpression: Renal lesion as described.")
                .contains(FlagType.ACTIONABLE_FINDING))
        .isEqualTo(actionable);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0.9 cm right lobe TR4 nodule. Follow-up ultrasound in 1 year.| true",
        "0.9 cm right lobe TR4 nodule. No follow-up required.| false",
        "0.9 cm right lobe TR4 nodule. Ultrasound if it grows.| false",
      })
  void imagingFollowUpBelowTheTiRadsFollowUpSizeContradictsTheTable(
      String impression, boolean mismatch) {
    List<FlagType> t =
        types(
            "US",
            "NECK",
            null,
            "Findings: Right lobe 0.9 cm solid hypoechoic nodule, wider than tall, smooth margins,"
                + " no echogenic foci.\nImpression: "
                + impression);
    assertThat(t.contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH)).isEqualTo(mismatch);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PI-RADS 5. No biopsy needed; routine PSA monitoring.| true",
        "PI-RADS 5. Biopsy is not required.| true",
        "PI-RADS 5. MRI-targeted biopsy recommended.| false",
        "PI-RADS 5. No biopsy unless the PSA rises.| false",
        "PI-RADS 5. Targeted biopsy recommended; no further imaging required.| false",
      })
  void aPlanWithoutBiopsyContradictsPiRadsFive(String impression, boolean mismatch) {
    List<FlagType> t =
        types(
            "MR",
            "PROSTATE",
            null,
            "Findings: Left PZ 1.8 cm lesion with marked restriction (DWI 5).\nImpression: "
                + impression);
    assertThat(t.contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH)).isEqualTo(mismatch);
  }

  @Test
  void aScreeningRecallIsDiagnosticAndTimedImagingIsTheFollowUp() {
    assertThat(
            types(
                "MG",
                "BREAST",
                "Screening recall.",
                "Findings: Spot compression views confirm an 8 mm irregular mass.\n"
                    + "Impression: BI-RADS 4. Stereotactic biopsy recommended."))
        .doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
    assertThat(
            types(
                "MG",
                "BREAST",
                "Annual screening.",
                "Findings: 8 mm irregular mass in the left breast.\n"
                    + "Impression: BI-RADS 4. Stereotactic biopsy recommended."))
        .contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
    assertThat(
            types(
                "MG",
                "BREAST",
                "Palpable lump.",
                "Findings: 6 mm oval circumscribed mass.\n"
                    + "Impression: BI-RADS 3. Recommend diagnostic mammogram of the left breast in"
                    + " 6 months."))
        .doesNotContain(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
    assertThat(
            types(
                "MG",
                "BREAST",
                "Palpable lump.",
                "Findings: 6 mm oval circumscribed mass.\n"
                    + "Impression: BI-RADS 3. Recommend additional diagnostic mammographic views."))
        .contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH);
  }
}
