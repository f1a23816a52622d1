package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;

/**
 * The omission kinds holdout-5 showed (issue 14 part D, helper "fni5"): an impression covers a
 * finding in other words (a LI-RADS category beyond 1-5, a diagnosis without its organ, the site of
 * the finding a finding is attached to), a finding is background or expected (contrast filling a
 * vessel, a collection beside its drain, moderate emphysema), and significant findings the concept
 * table does not name (an aggressive bone lesion of any size, a pancreatic cyst, a dilated bile
 * duct or aorta).
 */
class OmissionWordingKindsTest {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private boolean omitted(String modality, String body, String findings, String impression) {
    List<FlagType> types =
        Fixtures.flagTypes(
            engine.draft(Fixtures.report(findings, impression).modality(modality, body).build()));
    return types.contains(FlagType.FINDING_NOT_IN_IMPRESSION);
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // LI-RADS categories beyond 1-5, and the spoken "L R 5", sum up the liver
        "Enhancing thrombus expanding the right portal vein, contiguous with a 4 cm segment 8"
            + " observation.| LR-TIV.| false",
        "Segment 7 12 mm observation with APHE and washout.| L R 5.| false",
        "Segment 7 12 mm observation with APHE and washout.| Cholelithiasis.| true",
        // a diagnosis that names no other organ reports the lesion
        "2 cm segment 6 lesion with peripheral nodular enhancement and fill-in.| Haemangioma.| false",
        "3 cm right adrenal mass, 38 HU. Fat-containing left renal lesion.| Left renal"
            + " angiomyolipoma.| true",
        // aggressive bone lesions count at any size; a pancreatic cyst is followed
        "Lytic lesion in the proximal left femur.| Gallstones.| true",
        "Lytic lesion in the proximal left femur.| Gallstones. Lytic femoral lesion.| false",
        "Marrow lesions in the L2 vertebral body, suspicious for metastases.| Gallstones.| true",
        "2.4 cm cystic lesion in the pancreatic head.| Gallstones.| true",
        "2.4 cm cystic lesion in the pancreatic head.| Gallstones. Pancreatic cyst.| false",
        // dilated ducts and aorta
        "Common bile duct dilated to 11 mm.| Gallstones.| true",
        "Common bile duct dilated to 11 mm.| Gallstones with CBD dilatation.| false",
        "No biliary dilatation.| Gallstones.| false",
        "Ascending aorta dilated to 4.7 cm.| Gallstones.| true",
        "Ascending aorta dilated to 3.7 cm.| Gallstones.| false",
      })
  void abdominalAndSkeletalFindingsInOtherWords(
      String findings, String impression, boolean omitted) {
    assertThat(omitted("CT", "ABDOMEN", findings, impression)).isEqualTo(omitted);
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // contrast filling a vessel is technique, a lung opacity is not
        "Suboptimal contrast opacification. No filling defect.| No pulmonary embolism.| false",
        "Good opacification of the segmental pulmonary arteries.| No pulmonary embolism.| false",
        "Wedge-shaped opacity in the right lower lobe.| No pulmonary embolism.| true",
        // a small collection on its drain's side is being treated; the other side's is new
        "Right chest drain in situ. Small right effusion.| No pneumothorax.| false",
        "Right chest drain in situ. Small left effusion.| No pneumothorax.| true",
        "Right chest drain in situ with a small left effusion.| No pneumothorax.| true",
        // graded emphysema: moderate is background, severe is not
        "6 mm solid nodule in the right upper lobe. Moderate emphysema.| 6 mm right upper lobe"
            + " nodule.| false",
        "6 mm solid nodule in the right upper lobe. Severe emphysema.| 6 mm right upper lobe"
            + " nodule.| true",
      })
  void chestFindingsThatAreTechniqueTreatedOrBackground(
      String findings, String impression, boolean omitted) {
    assertThat(omitted("CT", "CHEST", findings, impression)).isEqualTo(omitted);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Extra-axial collection in the right temporal region with an overlying skull fracture.|"
            + " false",
        "Extra-axial collection in the right temporal region. Left occipital skull fracture.| true",
      })
  void aFindingAttachedAtTheReportedSiteIsCovered(String findings, boolean omitted) {
    assertThat(omitted("CT", "HEAD", findings, "Acute right temporal epidural haematoma."))
        .isEqualTo(omitted);
  }
}
