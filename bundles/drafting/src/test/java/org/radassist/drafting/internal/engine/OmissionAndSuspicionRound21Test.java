package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;

/**
 * The flag kinds holdout-6 showed missing (issue 14 part E, helper "cx6"), each as a general
 * reading: a backward negation with a subject of its own, suspected malignancy said in many words,
 * bone sites and bone-matrix words, a fracture at another bone than the one the impression names, a
 * Couinaud segment placing a lesion in the liver, contrast opacification, and a dilated aorta's
 * size against the impression's aneurysm.
 */
class OmissionAndSuspicionRound21Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private List<FlagType> flags(String modality, String body, String findings, String impression) {
    return engine
        .draft(
            Fixtures.request("Findings: " + findings + "\nImpression: " + impression)
                .modality(modality, body)
                .build())
        .flags()
        .stream()
        .map(Flag::type)
        .toList();
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // "cause not seen" negates the cause: the finding before it keeps its side
        "L kidney 10.8 cm with moderate hydronephrosis.| Moderate right hydronephrosis, cause not"
            + " seen.| true",
        "L kidney 10.8 cm with moderate hydronephrosis.| Moderate left hydronephrosis, cause not"
            + " seen.| false",
        "Large left pleural effusion.| Large right pleural effusion, aetiology is not"
            + " demonstrated.| true",
        // a finding the backward negation is about is still negated
        "L kidney 10.8 cm with moderate hydronephrosis.| Right hydronephrosis not seen.| false",
      })
  void aBackwardNegationWithItsOwnSubjectLeavesTheFindingSided(
      String findings, String impression, boolean mismatch) {
    assertThat(flags("US", "KIDNEY", findings, impression).contains(FlagType.LATERALITY_MISMATCH))
        .isEqualTo(mismatch);
  }
}
