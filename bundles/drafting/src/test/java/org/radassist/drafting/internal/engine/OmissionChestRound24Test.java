package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;

/**
 * FINDING_NOT_IN_IMPRESSION on chest findings (issue 14 part I, helper "fnc2"): only a significant
 * positive finding is an omission. Background graded below action, chronic disease beside an
 * impression answering another question, findings the impression's diagnosis explains and words of
 * another sense are none; each beside its twin that is still an omission.
 */
class OmissionChestRound24Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private boolean omitted(String modality, String body, String findings, String impression) {
    return engine
        .draft(Fixtures.report(findings, impression).modality(modality, body).build())
        .flags()
        .stream()
        .anyMatch(f -> f.type() == FlagType.FINDING_NOT_IN_IMPRESSION);
  }

  @ParameterizedTest(name = "{2} / {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        // graded below action
        "CR| CHEST| Mild cardiomegaly. Right lower lobe consolidation.| Right lower lobe"
            + " pneumonia.| false",
        "CR| CHEST| Moderate cardiomegaly with bilateral pleural effusions. Acute left 7th rib"
            + " fracture.| Acute left 7th rib fracture.| true",
        "CT| CHEST| Right upper lobe consolidation. Small pericardial effusion.| Right upper lobe"
            + " pneumonia.| false",
        "CT| CHEST| Right upper lobe consolidation. Large pericardial effusion.| Right upper lobe"
            + " pneumonia.| true",
        "CT| ABDOMEN| Right basal atelectasis. 6 cm rim-enhancing collection in segment 7 of the"
            + " liver.| Hepatic abscess in segment 7.| false",
        "CR| CHEST| Complete collapse of the left lower lobe. No effusion.| No pneumonia.| true",
        // chronic background beside an impression that answers another question
        "CT| CHEST| Several solid nodules up to 5 mm. Centrilobular emphysema.| Multiple solid"
            + " nodules up to 5 mm; optional CT at 12 months.| false",
        "CT| CHEST| Several solid nodules up to 5 mm. Severe emphysema with giant bullae.|"
            + " Multiple solid nodules up to 5 mm; optional CT at 12 months.| true",
        // explained by the impression's diagnosis
        "CR| CHEST| ETT 5 cm above the carina. Bilateral perihilar hazy opacities.| Lines"
            + " satisfactory. Pulmonary oedema.| false",
        "CR| CHEST| ETT tip in the right main bronchus. Left lung volume loss with hazy"
            + " opacification.| Right mainstem intubation; withdraw by 3 cm.| false",
        "CR| CHEST| 1 cm rounded opacity in the right mid zone.| 1 cm right mid-zone nodular"
            + " opacity; CT recommended.| false",
        "CR| CHEST| ETT 4 cm above the carina. Right upper lobe consolidation.| Lines and tubes"
            + " satisfactory.| true",
        // another sense of the word
        "CT| HEART| Mild non-obstructive plaque in the proximal LAD. 10 mm solid nodule in the"
            + " right middle lobe.| Mild CAD. 10 mm RML nodule: consider CT at 3 months.| false",
        "CT| HEART| Plaque in the proximal LAD. Enlarged subcarinal lymph node, 16 mm short"
            + " axis.| Moderate coronary artery disease.| true",
        "MR| SPINE| Old wedge collapse of T12. L4/5 disc extrusion compressing the left L5 root.|"
            + " L4/5 disc extrusion compressing the left L5 root.| false",
      })
  void onlySignificantChestFindingsAreOmissions(
      String modality, String body, String findings, String impression, boolean omission) {
    assertThat(omitted(modality, body, findings, impression)).isEqualTo(omission);
  }
}
