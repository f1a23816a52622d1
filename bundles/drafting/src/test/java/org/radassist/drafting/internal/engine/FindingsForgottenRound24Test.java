package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;

/**
 * Significant findings an impression forgets, and the impressions that do name them (issue 14,
 * round 24, helper "fnm2"): an empyema (also by its split pleura sign), a penetrating aortic ulcer,
 * and a testicular "germ cell tumour", which is suspected malignancy in other words.
 */
class FindingsForgottenRound24Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private List<FlagType> flags(String modality, String body, String findings, String impression) {
    return Fixtures.flagTypes(
        engine.draft(
            Fixtures.report(findings, impression)
                .modality(modality, body)
                .indication("Pain.")
                .build()));
  }

  @ParameterizedTest(name = "{2} / {3} -> omitted {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CT| CHEST| Right lower lobe consolidation. Loculated right pleural collection with split"
            + " pleura sign.| Right lower lobe pneumonia.| true",
        "CT| CHEST| Right lower lobe consolidation. Loculated right pleural collection with split"
            + " pleura sign.| Right lower lobe pneumonia with right empyema.| false",
        "CT| CHEST| Left lower lobe consolidation. Large loculated left pleural effusion with"
            + " enhancing pleura.| Left lower lobe pneumonia complicated by empyema.| false",
        "CT| CHEST| No pulmonary embolism. 9 mm penetrating atherosclerotic ulcer of the descending"
            + " aorta.| Negative for pulmonary embolus.| true",
        "CT| CHEST| No pulmonary embolism. 9 mm penetrating atherosclerotic ulcer of the descending"
            + " aorta.| No pulmonary embolus. Penetrating aortic ulcer of the descending aorta.| false",
        // a lobe's adjective before scalp or bone names no brain lesion
        "CT| HEAD| No haemorrhage. A 2.2 cm ill-defined mass in the right temporal lobe. Scalp"
            + " haematoma over the left parietal bone.| Left parietal scalp haematoma.| true",
        "CT| HEAD| No haemorrhage. A 2.2 cm ill-defined mass in the right temporal lobe. Scalp"
            + " haematoma over the left parietal bone.| Right temporal mass; MRI advised. Left"
            + " parietal scalp haematoma.| false",
      })
  void aForgottenFindingIsAnOmission(
      String modality, String body, String findings, String impression, boolean omitted) {
    assertThat(
            flags(modality, body, findings, impression)
                .contains(FlagType.FINDING_NOT_IN_IMPRESSION))
        .isEqualTo(omitted);
  }

  @ParameterizedTest(name = "{0} -> actionable {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1.6 cm solid right testicular lesion, concerning for germ cell tumour.| true",
        "1.6 cm solid right testicular lesion, suspicious for a nonseminomatous tumour.| true",
        "Treated right germ cell tumour, stable post-orchidectomy appearance.| false",
      })
  void aGermCellTumourIsSuspectedMalignancy(String impression, boolean actionable) {
    assertThat(
            flags(
                    "US",
                    "SCROTUM",
                    "Right testis contains a 1.6 cm hypoechoic solid lesion.",
                    impression)
                .contains(FlagType.ACTIONABLE_FINDING))
        .isEqualTo(actionable);
  }
}
