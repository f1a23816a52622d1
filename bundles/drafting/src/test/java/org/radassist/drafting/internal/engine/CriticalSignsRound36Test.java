package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;

/**
 * Issue 14, round 36 (helper "cx17"): a listed critical term said only by its defining signs
 * (critical-signs.json) raises CRITICAL_RESULT, and the quiet contexts of the term list keep the
 * same signs quiet when denied, known, chronic, treated or of another structure.
 */
class CriticalSignsRound36Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private boolean critical(String modality, String body, String findings, String impression) {
    return Fixtures.flagTypes(
            engine.draft(
                Fixtures.report(findings, impression)
                    .modality(modality, body)
                    .indication("Acute presentation.")
                    .build()))
        .contains(FlagType.CRITICAL_RESULT);
  }

  @Test
  void everySignRowNamesATermOfTheBundledList() {
    EngineTables tables = EngineTables.defaults();
    List<String> listed =
        tables.criticalTerms().stream().map(EngineTables.CriticalTerm::term).toList();
    assertThat(CriticalSigns.all()).isNotEmpty();
    assertThat(CriticalSigns.all()).allSatisfy(sign -> assertThat(listed).contains(sign.term()));
  }

  @ParameterizedTest(name = "{0} {1}: {2} -> critical {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CT| SPINE| Included lung: a rim of pleural gas along the right chest wall.| T7 fracture."
            + "| true",
        "CT| SPINE| Included lung: no pleural gas.| T7 fracture.| false",
        "CT| CHEST| Normal calibre thoracic aorta without intimal flap or intramural haematoma."
            + "| Normal aorta.| false",
        "CT| CHEST| Crescent of high attenuation in the aortic arch wall, in keeping with"
            + " intramural haematoma.| Arch abnormality as described.| true",
        "CT| CHEST| Chronic webs in the right lower lobe segmental arteries, unchanged.| Chronic"
            + " thromboembolic change.| false",
        "CT| CHEST| Filling defects in the right lower lobe segmental arteries.| As described."
            + "| true",
        "CT| CHEST| Thinning of the left ventricular apex with a 2 cm filling defect, thrombus."
            + "| Left ventricular apical thrombus.| false",
        "MR| FOOT| Marrow oedema in the first metatarsal head. Pes planus.| Pes planus.| false",
        "US| PELVIS| Enlarged left ovary with a twisted vascular pedicle.| Left ovarian"
            + " pedicle twist.| true",
        "US| PELVIS| Right ovary holds a simple cyst, no internal vascularity.| Simple cyst.|"
            + " false",
        "CT| ABDOMEN| Jejunal loops dilated to 4 cm, decompressing abruptly at an adhesive band."
            + "| As described.| true",
        "CT| ABDOMEN| Mildly dilated loops with no transition, in keeping with ileus.| Ileus.|"
            + " false",
      })
  void aListedTermSaidByItsSigns(
      String modality, String body, String findings, String impression, boolean expected) {
    assertThat(critical(modality, body, findings, impression)).isEqualTo(expected);
  }
}
