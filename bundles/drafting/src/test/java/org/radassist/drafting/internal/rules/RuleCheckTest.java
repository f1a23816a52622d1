package org.radassist.drafting.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.drafting.DictationChunk;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.StudyInfo;
import org.radassist.model.FieldStatus;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.StructuredField;

class RuleCheckTest {
  private final RuleCheck check = new RuleCheck();

  @ParameterizedTest(name = "model says {1} for \"{0}\" -> disagreement {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "screening. 6.5 mm solid nodule in the right upper lobe.| 4A| true",
        "screening. 6.5 mm solid nodule in the right upper lobe.| 3| false",
        "screening. 6.5 mm solid nodule in the right upper lobe.| Lung-RADS 3| false",
        "screening. Solid nodule in the right upper lobe.| 4A| false",
        // a category without its subdivision letter names the rules' 4A
        "screening. 9 mm solid nodule in the right upper lobe.| 4| false",
        "screening. 9 mm solid nodule in the right upper lobe.| 4B| true",
      })
  void modelCategoriesAreCheckedAgainstTheRules(
      String dictation, String modelValue, boolean flagged) {
    DraftRequest request =
        new DraftRequest(
            null,
            "s",
            new StudyInfo("st", "CT", "CHEST", null, null, null),
            null,
            null,
            List.of(new DictationChunk(1, true, dictation)),
            null,
            null,
            null,
            null,
            null);
    StructuredField model =
        new StructuredField(
            ScoringSystem.LUNG_RADS,
            "2022",
            "category",
            modelValue,
            List.of(),
            0.7,
            FieldStatus.COMPLETE,
            List.of(),
            "model output",
            null);
    List<Flag> flags = check.disagreements(request, List.of(model));
    assertThat(flags).hasSize(flagged ? 1 : 0);
    if (flagged) {
      assertThat(flags.get(0).type()).isEqualTo(FlagType.RULES_MODEL_DISAGREEMENT);
      assertThat(flags.get(0).message())
          .startsWith("Model says Lung-RADS category " + modelValue.trim() + ", rules say ");
    }
  }

  @ParameterizedTest(name = "{0} ~ {1}: {2}")
  @CsvSource({"LR-5, 5, true", "TR4, tr 4, true", "4A, 4a, true", "4A, 4B, false"})
  void valuesCompareLoosely(String a, String b, boolean same) {
    assertThat(RuleCheck.same(a, b)).isEqualTo(same);
  }

  @ParameterizedTest(name = "{0} / {1}: {2}")
  @CsvSource({
    "4, 4A, true",
    "4B, 4, true",
    "Lung-RADS 4, 4X, true",
    "BI-RADS 4, 4C, true",
    "4, 4S, false",
    "3, 4A, false",
    "4A, 4B, false"
  })
  void aCategoryWithoutItsLetterAgreesWithItsSubdivisions(String a, String b, boolean same) {
    assertThat(RuleCheck.sameCategory(a, b)).isEqualTo(same);
  }
}
