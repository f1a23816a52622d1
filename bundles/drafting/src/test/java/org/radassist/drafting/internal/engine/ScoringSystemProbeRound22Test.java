package org.radassist.drafting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.model.FieldStatus;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.Sex;
import org.radassist.model.StructuredField;

/**
 * Scoring-system readings the round-22 probe (helper "psys", issue 14 part F) showed missing: MR
 * sequence names said by speech recognition ("t two score three"), and ACR TI-RADS points said per
 * feature group instead of the feature ("composition 2, echogenicity 2").
 */
class ScoringSystemProbeRound22Test {
  private final RulesEngine engine = RulesEngine.withDefaults();

  private static String value(DraftOutcome o, ScoringSystem sys) {
    StructuredField f =
        o.structuredFields().stream()
            .filter(s -> s.system() == sys && s.field().equals("category"))
            .findFirst()
            .orElse(null);
    if (f == null) {
      return null;
    }
    return f.status() == FieldStatus.COMPLETE ? f.value() : "incomplete " + f.missing();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // transition zone: T2W 3 with DWI 5 is upgraded to 4 (v2.1); the dictated 4 agrees
        "findings transition zone nodule left mid gland t two score three dwi score five measuring"
            + " one point three centimetres impression pirads four transition zone lesion| 4",
        // T2W 2 with DWI 4 in the transition zone is 3
        "findings transition zone nodule t two score two dwi score four impression transition zone"
            + " nodule| 3",
      })
  void aSpokenSequenceNameIsTheSequence(String dictation, String category) {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(dictation)
                .modality("MR", "PROSTATE")
                .patient(66, Sex.M)
                .indication("Elevated PSA.")
                .build());
    assertThat(value(o, ScoringSystem.PI_RADS)).isEqualTo(category);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "TI-RADS points: composition 2, echogenicity 2, shape 0, margin 0, echogenic foci 0, total"
            + " 4 points.| TR4",
        "Points: composition: 1, echogenicity: 1, shape: 0, margin: 0, echogenic foci: 0.| TR2",
        "Composition 2 points, echogenicity 3 points, shape 3 points, margin 2 points, echogenic"
            + " foci 3 points.| TR5",
        // speech recognition splits the prefix: punctate foci (3), macrocalcification (1)
        "Solid hypoechoic, with micro calcifications.| TR5",
        "Solid isoechoic, smooth, wider than tall, with macro calcifications.| TR4",
      })
  void tiRadsPointsSaidPerGroupNameTheFeatures(String points, String level) {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "Findings: Left lobe 1.3 cm nodule. "
                        + points
                        + "\nImpression: Left thyroid nodule.")
                .modality("US", "NECK")
                .patient(48, Sex.F)
                .indication("Thyroid nodule.")
                .build());
    assertThat(value(o, ScoringSystem.TI_RADS)).isEqualTo(level);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "typical of a hamartoma| Benign hamartoma.| false",
        "characteristic of a hamartoma| Hamartoma.| false",
        // the impression names something else: the nodule is still missing from it
        "typical of a hamartoma| Emphysema.| true",
      })
  void aFindingInterpretedAsWhatTheImpressionNamesIsInTheImpression(
      String interpreted, String impression, boolean flagged) {
    DraftOutcome o =
        engine.draft(
            Fixtures.request(
                    "Findings: Right lower lobe 15 mm nodule containing macroscopic fat and popcorn"
                        + " calcification, "
                        + interpreted
                        + ". Mild emphysema.\nImpression: "
                        + impression)
                .ct()
                .patient(64, Sex.M)
                .indication("Cough.")
                .build());
    assertThat(o.flags().stream().anyMatch(f -> f.type() == FlagType.FINDING_NOT_IN_IMPRESSION))
        .isEqualTo(flagged);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // subsolid without a solid component is ground-glass: under 30 mm, category 2
        "Left upper lobe 10 mm subsolid nodule with no solid component.| 2",
        "Left upper lobe 10 mm subsolid nodule without a solid component.| 2",
        // with one it is part-solid: 6 mm or more overall, solid part under 6 mm, category 3
        "Left upper lobe 10 x 8 mm subsolid nodule with a 5 mm solid component.| 3",
      })
  void aSubsolidNoduleWithoutASolidComponentIsGroundGlass(String findings, String category) {
    DraftOutcome o =
        engine.draft(
            Fixtures.request("Findings: " + findings + "\nImpression: Lung nodule.")
                .ct()
                .patient(64, Sex.M)
                .indication("Lung cancer screening LDCT, baseline exam.")
                .build());
    assertThat(value(o, ScoringSystem.LUNG_RADS)).isEqualTo(category);
  }
}
