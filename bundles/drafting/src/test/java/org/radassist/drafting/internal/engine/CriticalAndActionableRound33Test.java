package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FlagType;

/**
 * Issue 14, round 33 (helper "cx14"): an abscess said by its signs is the listed abscess (ACR
 * category 2); a small pneumothorax after the needle procedure under the routine watch is the
 * expected post-procedural one; a malignancy word naming a service is no finding.
 */
class CriticalAndActionableRound33Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private List<FlagType> flags(
      String modality, String body, String indication, String findings, String impression) {
    return Fixtures.flagTypes(
        engine.draft(
            Fixtures.report(findings, impression)
                .modality(modality, body)
                .indication(indication)
                .build()));
  }

  @ParameterizedTest(name = "{0} / {1} -> critical {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Perforated appendix with a 3 cm rim-enhancing periappendiceal collection.| Perforated"
            + " appendicitis with a collection.| true",
        "Perianal collection containing locules of gas.| Perianal collection.| true",
        "Left subphrenic collection with an air-fluid level.| Left subphrenic collection.| true",
        "Left tonsil enlarged.| Left quinsy.| true",
        "Small fluid collection without rim enhancement or gas.| Small simple collection.| false",
        "No rim-enhancing collection or extraluminal gas.| Appendicitis without collection.| false",
        "Collection with a thin enhancing wall and no gas, in keeping with walled-off necrosis.|"
            + " Walled-off pancreatic necrosis.| false",
        "Decreasing rim-enhancing collection around the pigtail drain.| Decreasing collection,"
            + " drain in situ.| false",
      })
  void anAbscessSaidByItsSignsIsCategoryTwo(String findings, String impression, boolean critical) {
    assertThat(
            flags("CT", "ABDOMEN", "Fever.", findings, impression)
                .contains(FlagType.CRITICAL_RESULT))
        .isEqualTo(critical);
  }

  @ParameterizedTest(name = "{1} / {2} -> critical {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Post CT-guided lung biopsy.| Small apical pneumothorax following biopsy.| Small"
            + " post-procedural pneumothorax; chest radiograph in 4 hours.| false",
        "Post lung biopsy.| Small left apical pneumothorax after the biopsy.| Small left apical"
            + " pneumothorax.| true",
        "Post line insertion.| Small apical pneumothorax following line insertion.| Small"
            + " pneumothorax; chest radiograph in 4 hours.| true",
        "Post lung biopsy.| Moderate pneumothorax following the biopsy, larger on the final"
            + " images.| Moderate post-biopsy pneumothorax; chest drain advised.| true",
      })
  void aRoutinePostBiopsyPneumothoraxIsExpected(
      String indication, String findings, String impression, boolean critical) {
    assertThat(
            flags("CT", "CHEST", indication, findings, impression)
                .contains(FlagType.CRITICAL_RESULT))
        .isEqualTo(critical);
  }

  @ParameterizedTest(name = "{0} / {1} -> actionable {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Deep 5 cm heterogeneous enhancing mass in the vastus lateralis.| 5 cm deep thigh mass;"
            + " sarcoma service referral.| false",
        "Antral wall thickening 14 mm.| Antral thickening; endoscopy via the upper GI cancer"
            + " team.| false",
        "Antral wall thickening 16 mm.| Antral thickening, likely gastric cancer; upper GI cancer"
            + " team.| true",
      })
  void aMalignancyWordNamingAServiceIsNoFinding(
      String findings, String impression, boolean actionable) {
    assertThat(
            flags("MR", "ABDOMEN", "Lump.", findings, impression)
                .contains(FlagType.ACTIONABLE_FINDING))
        .isEqualTo(actionable);
  }
}
