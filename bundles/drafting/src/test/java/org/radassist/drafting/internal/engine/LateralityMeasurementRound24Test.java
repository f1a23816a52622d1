package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;

/**
 * LATERALITY_MISMATCH and MEASUREMENT_MISMATCH kinds holdout-9/10 showed missing or raised wrongly
 * (issue 14, round 24, helper "latm2"): exam titles and organ headings that give their side to the
 * findings, findings named in other words (varicocele veins, sialolithiasis, meningioma,
 * mediastinal node stations), sizes before their lesion's site words, and sizes that are no
 * lesion's (size bands, "sub-6 mm", tube distances, whole-centimetre rounding).
 */
class LateralityMeasurementRound24Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  @ParameterizedTest(name = "{2} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        // an exam title's side reaches the findings that name none
        "CR|ANKLE|Right ankle, 3 views.\\nFindings: Undisplaced fracture of the distal fibula."
            + "\\nImpression: Left distal fibular fracture.|true",
        "CR|ANKLE|Right ankle, 3 views.\\nFindings: Undisplaced fracture of the distal fibula."
            + "\\nImpression: Right distal fibular fracture.|false",
        "US|UPPER_EXTREMITY|Venous duplex of the left upper limb.\\nFindings: The basilic vein is"
            + " non-compressible with occlusive thrombus.\\nImpression: Right basilic vein"
            + " thrombosis.|true",
        "US|UPPER_EXTREMITY|Venous duplex of the left upper limb.\\nFindings: The basilic vein is"
            + " non-compressible with occlusive thrombus.\\nImpression: Left basilic vein"
            + " thrombosis.|false",
        // an organ heading with the organ's length still heads the findings after it
        "US|ABDOMEN|Findings:\\nLeft kidney: 11.8 cm. Moderate hydronephrosis.\\nRight kidney: 11.0"
            + " cm. Normal.\\nImpression: Moderate right hydronephrosis.|true",
        "US|ABDOMEN|Findings:\\nLeft kidney: 11.8 cm. Moderate hydronephrosis.\\nRight kidney: 11.0"
            + " cm. Normal.\\nImpression: Moderate left hydronephrosis.|false",
        // a varicocele described by its veins, a salivary stone called sialolithiasis
        "US|SCROTUM|Findings: Normal testes. Dilated veins of the right pampiniform plexus to 3.6 mm."
            + "\\nImpression: Left varicocele.|true",
        "US|SCROTUM|Findings: Normal testes. Dilated veins of the right pampiniform plexus to 3.6 mm."
            + "\\nImpression: Right varicocele.|false",
        "CT|NECK|Findings: 3 mm stone in the left submandibular duct with an enlarged left"
            + " submandibular gland.\\nImpression: Right submandibular sialolithiasis.|true",
        "CT|NECK|Findings: 3 mm stone in the left submandibular duct with an enlarged left"
            + " submandibular gland.\\nImpression: Left submandibular sialolithiasis.|false",
        // a size before the site words of its own lesion is that lesion's, not the one before
        "CT|CHEST|Findings: New 3 mm solid nodule in the right lower lobe. Stable 5 mm left upper"
            + " lobe nodule.\\nImpression: New 3 mm right lower lobe nodule and a stable 5 mm left"
            + " upper lobe nodule.|false",
      })
  void sidesComeFromTitlesHeadingsAndOtherWords(
      String modality, String body, String dictation, boolean flagged) {
    assertThat(Fixtures.raised(engine, modality, body, dictation, FlagType.LATERALITY_MISMATCH))
        .isEqualTo(flagged);
  }

  @ParameterizedTest(name = "{2} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the lesion named in other words, at a node station, with a prognosis after it
        "MR|HEAD|Findings: Dural-based enhancing extra-axial mass over the right parietal convexity,"
            + " 2.2 cm, no oedema.\\nImpression: 3.2 cm right parietal meningioma without mass"
            + " effect.|true",
        "MR|HEAD|Findings: Dural-based enhancing extra-axial mass over the right parietal convexity,"
            + " 2.2 cm, no oedema.\\nImpression: 2.2 cm right parietal meningioma without mass"
            + " effect.|false",
        "CT|CHEST|Findings: Enlarged right paratracheal lymph node, 21 mm short axis.\\nImpression:"
            + " 12 mm paratracheal lymphadenopathy.|true",
        "CT|CHEST|Findings: Enlarged right paratracheal lymph node, 21 mm short axis.\\nImpression:"
            + " 21 mm paratracheal lymphadenopathy.|false",
        "CT|ABDOMEN|Findings: 6 mm calculus in the left distal ureter with mild hydroureter."
            + "\\nImpression: 8 mm obstructing left distal ureteric calculus, unlikely to pass"
            + " spontaneously.|true",
        // no lesion's size: a size band, "sub-6 mm", a tube's distance, whole centimetres
        "CT|CHEST|Findings: Right upper lobe solid nodule 5 x 4 mm.\\nImpression: Sub-6 mm right"
            + " upper lobe nodule.|false",
        "CT|CHEST|Findings: Right upper lobe solid nodule 7.0 x 6.0 mm, previously 5.0 mm."
            + "\\nImpression: Right upper lobe nodule now in the 6-8 mm size range.|false",
        "CR|CHEST|Findings: The endotracheal tube tip is 1 cm above the carina.\\nImpression:"
            + " Low endotracheal tube; withdraw the endotracheal tube by about 2 cm.|false",
        "CT|ABDOMEN|Findings: Simple cyst in segment 7 of the liver measuring 6.2 cm."
            + "\\nImpression: 6 cm simple hepatic cyst.|false",
        "CT|ABDOMEN|Findings: Simple cyst in segment 7 of the liver measuring 6.4 cm."
            + "\\nImpression: 6 cm simple hepatic cyst.|true",
      })
  void sizesAreComparedForTheSameLesionOnly(
      String modality, String body, String dictation, boolean flagged) {
    assertThat(Fixtures.raised(engine, modality, body, dictation, FlagType.MEASUREMENT_MISMATCH))
        .isEqualTo(flagged);
  }
}
