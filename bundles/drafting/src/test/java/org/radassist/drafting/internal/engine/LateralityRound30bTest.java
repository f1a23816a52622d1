package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;

/**
 * LATERALITY_MISMATCH kinds holdout-25 showed across body parts (issue 14, round 30b, helper
 * "cx12"): a side letter before a position word and a place ("L proximal ureter") or before a place
 * in a telegraphic heading ("L shoulder -") is a side, a spinal level, "L-spine" or a unit is not;
 * a side a normal word leads ("Normal uterus and right ovary") claims no lesion there; sides of a
 * generic lesion word compare only within one site. Each has a twin that must go the other way.
 */
class LateralityRound30bTest {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private boolean raised(String modality, String body, String dictation) {
    return engine
        .draft(Fixtures.request(dictation.replace("\\n", "\n")).modality(modality, body).build())
        .flags()
        .stream()
        .map(Flag::type)
        .anyMatch(t -> t == FlagType.LATERALITY_MISMATCH);
  }

  @ParameterizedTest(name = "{2} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        // side letters before a position word and a place, or before a place word
        "CT|ABDOMEN|Findings: 7 mm calculus in the R distal ureter with mild hydronephrosis. Left"
            + " kidney normal.\\nImpression: Obstructing 7 mm right distal ureteric calculus.|false",
        "CT|ABDOMEN|Findings: 7 mm calculus in the R distal ureter with mild hydronephrosis. Left"
            + " kidney normal.\\nImpression: Obstructing 7 mm left distal ureteric calculus.|true",
        "CR|ELBOW|FINDINGS: R elbow - supracondylar fracture, posterior fat pad sign. IMPRESSION:"
            + " supracondylar fracture L elbow.|true",
        "CR|ELBOW|FINDINGS: R elbow - supracondylar fracture, posterior fat pad sign. IMPRESSION:"
            + " supracondylar fracture R elbow.|false",
        // spinal levels, "L-spine" and units are no sides
        "MR|LSPINE|Findings: L-spine: L3-L4 disc extrusion with left subarticular narrowing."
            + "\\nImpression: L3-4 disc extrusion with left subarticular narrowing.|false",
        "CR|CHEST|Findings: On 3 L oxygen. Small left pleural effusion. Right lung clear."
            + "\\nImpression: Small left pleural effusion.|false",
        // a side a normal word leads claims no lesion there
        "US|PELVIS|Findings: Right ovary: 5 cm complex cyst with a solid nodule. Left ovary normal."
            + "\\nImpression: Complex adnexal cyst; MRI advised. Normal uterus and left ovary.|false",
        "US|PELVIS|Findings: Right ovary: 5 cm complex cyst with a solid nodule. Left ovary normal."
            + "\\nImpression: Normal sized left ovary with a 5 cm complex cyst.|true",
        // a generic lesion word on another site is no claim about the other organ's lesion
        "MR|PROSTATE|Findings: Right PZ 1.6 cm lesion, T2W 5, DWI 5. Lytic lesion in the left"
            + " iliac bone 10 mm.\\nImpression: PI-RADS 5 right PZ lesion. Left iliac lesion,"
            + " likely metastasis.|false",
        "CT|PELVIS|Findings: Lytic lesion in the right iliac bone 2 cm. Left iliac bone"
            + " normal.\\nImpression: Left iliac lytic lesion.|true",
      })
  void laterality(String modality, String body, String dictation, boolean expected) {
    assertThat(raised(modality, body, dictation)).isEqualTo(expected);
  }
}
