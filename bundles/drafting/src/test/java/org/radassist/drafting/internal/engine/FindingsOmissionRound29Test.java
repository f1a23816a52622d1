package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;

/**
 * Issue 14, round 29 (helper "fn10"): what an impression covers in its own words (a node called
 * abnormal, the oedema of an enlarged heart, the upstream dilatation of a stone, the mural thrombus
 * of an aneurysm), what is below action (mild congestion, emphysema graded moderate after the
 * term), what is still omitted (a pericardial effusion beside the pleural ones reported, a 10 mm
 * gallbladder polyp), and the size and work-up wordings of holdout-19.
 */
class FindingsOmissionRound29Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  @ParameterizedTest(name = "{3} / {4} -> omitted {5}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CT| NECK| Neck lump.| Enlarged lymph node at left level II, 16 mm short axis.| Abnormal"
            + " left level II node; FNA advised.| false",
        "CT| NECK| Neck lump.| Enlarged lymph node at left level II, 16 mm short axis. Small"
            + " thyroid cyst.| Small thyroid cyst.| true",
        "CR| CHEST| NG tube placement.| NG tube tip in the stomach. Minimal vascular congestion.|"
            + " NG tube in a satisfactory position.| false",
        "CR| CHEST| NG tube placement.| NG tube tip in the stomach. Marked vascular congestion.|"
            + " NG tube in a satisfactory position.| true",
        "CR| CHEST| Breathless.| Cardiomegaly. Upper lobe venous diversion and interstitial"
            + " edema.| Pulmonary edema.| false",
        "CT| ABDOMEN| AAA.| Abdominal aortic aneurysm 5.0 cm. Laminated thrombus lines the sac.|"
            + " 5.0 cm abdominal aortic aneurysm.| false",
        "CT| ABDOMEN| Colic.| 6 mm calculus at the right UVJ with right hydroureter.| 6 mm right"
            + " UVJ calculus with upstream dilatation.| false",
        "CT| ABDOMEN| Colic.| 6 mm calculus at the right UVJ with right hydroureter.| 6 mm right"
            + " UVJ calculus.| true",
        "CT| CHEST| Cough. Ex-smoker.| Left upper lobe consolidation. Emphysema, moderate.| Left"
            + " upper lobe pneumonia.| false",
        "CT| CHEST| Breathless.| Large pericardial effusion. Small right pleural effusion.| Small"
            + " right pleural effusion.| true",
        "CT| CHEST| Breathless.| Small pericardial effusion. Small right pleural effusion.| Small"
            + " right pleural effusion.| false",
        "US| ABDOMEN| Pain.| Liver normal. The gallbladder contains a 16 mm polyp.| Normal"
            + " liver.| true",
        "US| ABDOMEN| Pain.| Liver normal. The gallbladder contains a 5 mm polyp.| Normal"
            + " liver.| false",
        "CT| CHEST| Cough. Never smoker.| 5 mm solid nodule in the right lower lobe. 11 mm solid"
            + " nodule in the left upper lobe.| 5 mm right lower lobe nodule.| true",
        "CT| CHEST| Cough. Never smoker.| 5 mm solid nodule in the right lower lobe. 11 mm solid"
            + " nodule in the left upper lobe.| 5 mm RLL nodule and 11 mm LUL nodule.| false",
      })
  void anImpressionCoversOrOmitsAFinding(
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

  @ParameterizedTest(name = "{0} / {1} -> mismatch {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "The gallbladder contains one 2.4 cm stone.| Cholelithiasis, 1.4 cm gallstone.| true",
        "The gallbladder contains one 2.4 cm stone.| Cholelithiasis, 2.4 cm gallstone.| false",
      })
  void aGallbladderStoneIsTheImpressionsGallstone(
      String findings, String impression, boolean mismatch) {
    assertThat(
            Fixtures.flagTypes(engine, "US", "ABDOMEN", "RUQ pain.", findings, impression)
                .contains(FlagType.MEASUREMENT_MISMATCH))
        .isEqualTo(mismatch);
  }

  @ParameterizedTest(name = "{0} -> actionable {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Lytic L2 lesion; myeloma/metastatic work-up suggested.| false",
        "Lytic L2 lesion, likely myeloma.| true",
      })
  void aMalignancyNamedOnlyForItsWorkUpIsNoFinding(String impression, boolean actionable) {
    assertThat(
            Fixtures.flagTypes(
                    engine,
                    "CT",
                    "ABDOMEN",
                    "Back pain.",
                    "2 cm lytic lesion in the L2 body.",
                    impression)
                .contains(FlagType.ACTIONABLE_FINDING))
        .isEqualTo(actionable);
  }
}
