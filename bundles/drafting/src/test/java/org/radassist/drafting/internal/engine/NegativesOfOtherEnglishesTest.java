package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;

/**
 * Negatives said the British, Australian and Indian way (issue 14, round 24, helper "fnm2"): "Nil
 * pleural effusion", a postposed "PE excluded." / "ectopic ruled out." at the clause end. Their
 * look-alikes stay findings: "excluded from the field of view" places, "cannot be excluded" hedges,
 * "ruled out PE" negates forward.
 */
class NegativesOfOtherEnglishesTest {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private boolean critical(String body, String findings, String impression) {
    List<FlagType> flags =
        Fixtures.flagTypes(
            engine.draft(
                Fixtures.report(findings, impression)
                    .modality("CT", body)
                    .indication("Pain.")
                    .build()));
    return flags.contains(FlagType.CRITICAL_RESULT);
  }

  @ParameterizedTest(name = "{1} / {2} -> critical {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CHEST| No filling defects.| PE excluded.| false",
        "CHEST| Aortic dissection excluded. Aorta of normal calibre.| Dissection excluded.| false",
        "NECK| Peritonsillar abscess excluded; tonsillar enlargement.| Tonsillitis.| false",
        "PELVIS| Intrauterine sac with yolk sac. Ectopic pregnancy ruled out.| Intrauterine"
            + " pregnancy.| false",
        "HEAD| Nil intracranial haemorrhage. Nil midline shift.| Nil acute intracranial"
            + " abnormality.| false",
        "CHEST| Ruled out PE on the pulmonary arteries.| Normal study.| false",
        // look-alikes: the finding is there or hedged, not denied
        "CHEST| Filling defects in the right lower lobe arteries.| Acute pulmonary embolism, not"
            + " excluded by the limited bolus elsewhere.| true",
        "CHEST| Filling defect in a segmental artery.| Pulmonary embolism cannot be excluded.| true",
        "HEAD| Acute subdural haematoma over the left convexity, partly excluded from the field of"
            + " view.| Acute left subdural haematoma.| true",
      })
  void aNegativeSaidInAnotherEnglishRaisesNoCriticalResult(
      String body, String findings, String impression, boolean expected) {
    assertThat(critical(body, findings, impression)).isEqualTo(expected);
  }
}
