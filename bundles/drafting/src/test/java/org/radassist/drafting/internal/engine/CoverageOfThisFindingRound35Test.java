package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;

/**
 * Issue 14, round 35 (helper "om21"): an impression covers a finding of the general abnormality
 * classes only when it names THIS finding. A place it shares with another finding of the report
 * ("lumbar spondylosis" for an L2 intradural lesion), the atheroma that causes a stenosis, the line
 * of another item of the same class (its size), or the inflamed organ's diagnosis beside its
 * collection leave the finding out; the finding named in other words still covers it.
 */
class CoverageOfThisFindingRound35Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  @ParameterizedTest(name = "{3} / {4} -> omitted {5}")
  @CsvSource(
      delimiter = '|',
      value = {
        // another finding at the same place
        "MR| TSPINE| Leg weakness.| At T9 there is a 14 mm homogeneously enhancing intradural"
            + " lesion. Thoracic spondylosis with small osteophytes.| Thoracic spondylosis.| true",
        "MR| TSPINE| Leg weakness.| At T9 there is a 14 mm homogeneously enhancing intradural"
            + " lesion. Thoracic spondylosis with small osteophytes.| T9 intradural meningioma."
            + " Thoracic spondylosis.| false",
        "MR| ABDOMEN| Crohn's disease.| Mural thickening of the neoterminal ileum. A fistula runs"
            + " from the neoterminal ileum to the sigmoid colon.| Active neoterminal ileal Crohn's"
            + " disease.| true",
        "MR| ABDOMEN| Crohn's disease.| Mural thickening of the neoterminal ileum. A fistula runs"
            + " from the neoterminal ileum to the sigmoid colon.| Penetrating neoterminal ileal"
            + " Crohn's disease.| false",
        // the atheroma, not the graded stenosis
        "US| NECK| TIA.| Left ICA: echolucent plaque with PSV 260 cm/s, in keeping with 70-99%"
            + " stenosis.| Bilateral carotid atheroma.| true",
        "US| NECK| TIA.| Left ICA: echolucent plaque with PSV 260 cm/s, in keeping with 70-99%"
            + " stenosis.| Severe left ICA narrowing from echolucent plaque.| false",
        // the line of another item of the same class
        "CT| ABDOMEN| Screening.| A 14 mm sessile polyp in the transverse colon. A 5 mm polyp in"
            + " the rectum.| 5 mm rectal polyp.| true",
        "CT| ABDOMEN| Screening.| A 14 mm sessile polyp in the transverse colon. A 5 mm polyp in"
            + " the rectum.| 14 mm transverse colon polyp and a 5 mm rectal polyp.| false",
        // the inflamed organ's diagnosis beside its collection
        "CT| ABDOMEN| LIF pain.| Sigmoid wall thickening with pericolic stranding. A 4 cm"
            + " rim-enhancing collection beside the sigmoid colon.| Acute sigmoid diverticulitis.| true",
        "CT| ABDOMEN| LIF pain.| Sigmoid wall thickening with pericolic stranding. A 4 cm"
            + " rim-enhancing collection beside the sigmoid colon.| Acute sigmoid diverticulitis with a pericolic"
            + " abscess.| false",
      })
  void coverageNeedsTheImpressionToNameThisFinding(
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
}
