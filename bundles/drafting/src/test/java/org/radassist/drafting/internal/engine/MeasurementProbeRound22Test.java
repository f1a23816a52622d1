package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;

/**
 * MEASUREMENT_MISMATCH kinds an outside radiologist's probe showed missing (issue 14 part F, helper
 * "pmeas"): which lesion of several a size in the impression restates, a size after a measuring
 * verb, and "up to" as the largest lesion's size.
 */
class MeasurementProbeRound22Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private boolean mismatch(String modality, String body, String findings, String impression) {
    return engine
        .draft(Fixtures.report(findings, impression).modality(modality, body).build())
        .flags()
        .stream()
        .map(Flag::type)
        .anyMatch(t -> t == FlagType.MEASUREMENT_MISMATCH);
  }

  @ParameterizedTest(name = "{1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // of several lesions of one organ, the impression's kind and place say which one it means
        "Two liver lesions: a 1.5 cm haemangioma in segment 4 and a 4.0 cm simple cyst in segment 6."
            + "| 1. Segment 6 hepatic cyst, 1.5 cm. 2. Segment 4 haemangioma.| true",
        "Two liver lesions: a 1.5 cm haemangioma in segment 4 and a 4.0 cm simple cyst in segment 6."
            + "| 1. Segment 6 hepatic cyst, 4 cm. 2. Segment 4 haemangioma, 1.5 cm.| false",
        // a size after "measuring" is the size of the finding before the verb
        "Enhancing mass in the left frontal lobe measuring 3.2 x 2.8 cm with surrounding vasogenic"
            + " oedema.| 4.2 cm enhancing left frontal mass with vasogenic oedema.| true",
        "Enhancing mass in the left frontal lobe measuring 3.2 x 2.8 cm with surrounding vasogenic"
            + " oedema.| 3.2 cm enhancing left frontal mass with vasogenic oedema.| false",
        // "nodules, up to 19 mm" gives the largest nodule's size, no threshold
        "Several small solid nodules in both thyroid lobes ranging from 5 to 9 mm."
            + "| Multiple small thyroid nodules, up to 19 mm.| true",
        "Several small solid nodules in both thyroid lobes ranging from 5 to 9 mm."
            + "| Multiple small thyroid nodules, up to 9 mm.| false",
        // several sizes of one impression frame: each is the size of the side said before it
        "Right cerebellar metastasis 14 mm and left occipital metastasis 6 mm, both with ring"
            + " enhancement.| Two brain metastases: right cerebellar 6 mm and left occipital 14 mm.|"
            + " true",
        "Right cerebellar metastasis 14 mm and left occipital metastasis 6 mm, both with ring"
            + " enhancement.| Two brain metastases: right cerebellar 14 mm and left occipital 6 mm.|"
            + " false",
        // "right 1.2 cm, left 2.8 cm": each size of a bilateral finding is its own side's
        "Bilateral adrenal nodules: right 1.2 cm, left 2.8 cm, both lipid-rich."
            + "| Bilateral adrenal adenomas, the right 2.8 cm.| true",
        "Bilateral adrenal nodules: right 1.2 cm, left 2.8 cm, both lipid-rich."
            + "| Bilateral adrenal adenomas, the left 2.8 cm.| false",
        // a stone the impression names without its organ is the findings' gallstone
        "Multiple mobile gallstones, the largest 2.1 cm. No wall thickening."
            + "| Cholelithiasis, the largest stone 1.2 cm.| true",
        "Multiple mobile gallstones, the largest 2.1 cm. No wall thickening."
            + "| Cholelithiasis, the largest stone 2.1 cm.| false",
      })
  void theImpressionSizeIsReadAgainstTheLesionItNames(
      String findings, String impression, boolean mismatch) {
    assertThat(mismatch("CT", "ABDOMEN", findings, impression)).isEqualTo(mismatch);
  }

  private java.util.List<FlagType> flags(String findings, String impression) {
    return Fixtures.flagTypes(
        engine.draft(Fixtures.report(findings, impression).modality("CT", "ABDOMEN").build()));
  }

  @ParameterizedTest(name = "{1} -> laterality {2}, measurement {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the size pairs the impression's stone with the findings' one on the other side: the side
        // is wrong, not the size
        "Right kidney: 9 mm obstructing calculus at the UVJ with hydroureteronephrosis. Left kidney:"
            + " 4 mm non-obstructing calculus.| 1. 9 mm obstructing left UVJ calculus with"
            + " hydroureteronephrosis. 2. 4 mm non-obstructing right renal calculus.| true| false",
        "Right kidney: 9 mm obstructing calculus at the UVJ with hydroureteronephrosis. Left kidney:"
            + " 4 mm non-obstructing calculus.| 1. 9 mm obstructing right UVJ calculus with"
            + " hydroureteronephrosis. 2. 4 mm non-obstructing left renal calculus.| false| false",
      })
  void aSizeOnlyTheOtherSideHasIsALateralityMismatch(
      String findings, String impression, boolean laterality, boolean measurement) {
    java.util.List<FlagType> got = flags(findings, impression);
    assertThat(got.contains(FlagType.LATERALITY_MISMATCH)).isEqualTo(laterality);
    assertThat(got.contains(FlagType.MEASUREMENT_MISMATCH)).isEqualTo(measurement);
  }
}
