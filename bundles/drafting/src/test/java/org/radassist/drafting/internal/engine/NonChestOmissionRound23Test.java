package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.Sex;

/**
 * Omissions, critical results and BI-RADS management on abdominal, pelvic, breast and other
 * non-chest reports (issue 14 part H, helper "fnia"): a bowel obstruction said by its signs, a duct
 * said not dilated, a pericardial effusion under its organ-line heading, the other breast, chronic
 * emboli and expected post-procedural air, and follow-up intervals said in words.
 */
class NonChestOmissionRound23Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private List<FlagType> flags(String modality, String body, String findings, String impression) {
    return Fixtures.flagTypes(
        engine.draft(
            Fixtures.report(findings, impression)
                .modality(modality, body)
                .patient(60, Sex.F)
                .build()));
  }

  @ParameterizedTest(name = "{2} / {3} -> {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a bowel obstruction said by its signs is left out of an impression about something else
        "CT| ABDOMEN| Dilated small bowel loops up to 4 cm with a transition point in the left"
            + " lower quadrant. Small fat-containing ventral hernia.| Small ventral hernia.| true",
        "CT| ABDOMEN| Dilated small bowel loops up to 4 cm with a transition point in the left"
            + " lower quadrant.| Adhesional small bowel obstruction.| false",
        "CT| ABDOMEN| Dilated small bowel loops with a transition point.| Obstructing left"
            + " inguinal hernia.| false",
        // a duct denied between its name and its state, or said dilated beside a mild finding
        "US| ABDOMEN| Liver normal. CBD is not dilated. Kidneys normal.| No significant"
            + " abnormality.| false",
        "US| ABDOMEN| The common bile duct is dilated to 11 mm with mild intrahepatic biliary"
            + " dilatation.| Cholelithiasis.| true",
        // an effusion under a Pericardium heading is pericardial: a dissection sums it up
        "CT| CHEST| Intimal flap in the ascending aorta. Pericardium: small effusion.| Stanford"
            + " type A aortic dissection.| false",
        "CT| CHEST| Heart: normal size. Pericardium: moderate effusion.| Normal chest.| true",
        // the impression's own head word at the same organ reports the finding
        "CT| CHEST| 1.5 cm nodular density in the left breast. Lungs clear.| Left breast density;"
            + " recommend diagnostic mammography and ultrasound.| false",
        // a one-sided breast impression leaves out the other breast's suspicious finding
        "MG| BREAST| Right breast 9 o'clock irregular mass 11 mm. Left breast: new fine"
            + " pleomorphic grouped calcifications.| Right breast irregular mass, BI-RADS 4."
            + " US-guided biopsy.| true",
        "MG| BREAST| Right breast 9 o'clock irregular mass 11 mm. Left breast: scattered round"
            + " benign-appearing calcifications.| Right breast irregular mass, BI-RADS 4. US-guided"
            + " biopsy.| false",
        // intracranial blood said blood-word first, and a thickened endometrium, left out
        "CT| HEAD| Acute 2 cm haematoma in the left thalamus with intraventricular extension.|"
            + " Chronic small vessel ischaemic change.| true",
        "CT| HEAD| History of subdural hematoma evacuated 2019. No acute haemorrhage.| No acute"
            + " intracranial abnormality.| false",
        "US| PELVIS| The endometrium is thickened at 14 mm with internal vascularity.| Ovaries not"
            + " visualised.| true",
        "US| PELVIS| The endometrium is not thickened, measuring 3 mm.| Normal pelvic"
            + " ultrasound.| false",
        // findings on one side only and an impression on the other is a laterality error
        "MG| BREAST| Left breast 2 o'clock irregular mass 11 mm.| Right breast irregular mass,"
            + " BI-RADS 4. US-guided biopsy.| false",
      })
  void omissionsOnNonChestReportsAreReadAsRadiologistsSayThem(
      String modality, String body, String findings, String impression, boolean omitted) {
    assertThat(
            flags(modality, body, findings, impression)
                .contains(FlagType.FINDING_NOT_IN_IMPRESSION))
        .isEqualTo(omitted);
  }

  @ParameterizedTest(name = "{2} / {3} -> {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CT| ABDOMEN| Dilated small bowel loops with a transition point in the right lower"
            + " quadrant.| Small bowel obstruction.| true",
        "CT| ABDOMEN| Dilated loops with two adjacent transition points.| Closed loop"
            + " obstruction.| true",
        "CT| HEAD| Haemorrhage within the right basal ganglia.| Right basal ganglia bleed.| true",
        "CT| ABDOMEN| Mildly dilated small and large bowel loops, no transition point.| Ileus.|"
            + " false",
        // chronic or previous emboli are no acute PE; an acute one on chronic disease is
        "CT| CHEST| No acute filling defect. Webs in right lower lobe segmental arteries"
            + " consistent with previous pulmonary embolism (2023).| No acute pulmonary embolism."
            + " Chronic post-embolic changes.| false",
        "CT| ABDOMEN| Lung bases: chronic pulmonary emboli with webs, unchanged from 2024.| Chronic"
            + " pulmonary emboli.| false",
        "CT| CHEST| Acute on chronic pulmonary emboli in the right lower lobe arteries.| Acute on"
            + " chronic pulmonary embolism.| true",
        // an expected post-procedural pneumothorax needing no intervention is not critical
        "CT| CHEST| Tiny expected post-procedural pneumothorax (2 mm) at the needle track, stable"
            + " on delayed images.| Tiny expected post-biopsy pneumothorax, no intervention.|"
            + " false",
        "CT| CHEST| Moderate pneumothorax after the biopsy, larger than expected.| Post-biopsy"
            + " pneumothorax, chest drain advised.| true",
      })
  void criticalResultsAndTheirChronicOrExpectedLookAlikes(
      String modality, String body, String findings, String impression, boolean critical) {
    assertThat(flags(modality, body, findings, impression).contains(FlagType.CRITICAL_RESULT))
        .isEqualTo(critical);
  }

  @ParameterizedTest(name = "{1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // intervals said in words are read like digits
        "Stable benign calcifications bilaterally.| BI-RADS 2. Six-month follow-up mammogram.|"
            + " true",
        "Group of round calcifications, 5 mm.| Probably benign calcifications, BI-RADS 3."
            + " Six-month follow-up diagnostic mammogram.| false",
        // the length of a 3's surveillance is not its next exam
        "Oval circumscribed 9 mm mass, unchanged.| BI-RADS 3. Follow-up ultrasound in 6 months"
            + " (24-month surveillance).| false",
        // a management sentence answers the category said just before it, even once revised
        "Oval hypoechoic mass 9 mm.| BI-RADS 3. Six-month follow-up. ADDENDUM: Category revised"
            + " to BI-RADS 4A; ultrasound-guided biopsy recommended.| false",
      })
  void biRadsManagementReadInWords(String findings, String impression, boolean mismatch) {
    assertThat(
            flags("MG", "BREAST", findings, impression)
                .contains(FlagType.CATEGORY_MANAGEMENT_MISMATCH))
        .isEqualTo(mismatch);
  }

  @Test
  void aSexCheckNeverFiresOnASexNobodyStated() {
    List<FlagType> unstated =
        engine
            .draft(
                Fixtures.request(
                        "Findings: Left ovarian simple cyst 38 x 30 mm.\nImpression: Left ovarian"
                            + " simple cyst.")
                    .modality("US", "PELVIS")
                    .build())
            .flags()
            .stream()
            .map(Flag::type)
            .toList();
    assertThat(unstated).doesNotContain(FlagType.SEX_MISMATCH);
  }
}
