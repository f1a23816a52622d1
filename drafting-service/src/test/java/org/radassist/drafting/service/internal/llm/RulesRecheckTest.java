package org.radassist.drafting.service.internal.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radassist.model.CodeSuggestion;
import org.radassist.model.CriticalCategory;
import org.radassist.model.FieldStatus;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.ReviewState;
import org.radassist.model.ScoringSystem;
import org.radassist.model.SectionKind;
import org.radassist.model.Severity;
import org.radassist.model.StructuredField;

class RulesRecheckTest {
  private static final StructuredField RULES_LUNG_RADS_3 =
      new StructuredField(
          ScoringSystem.LUNG_RADS,
          "2022",
          "category",
          "3",
          List.of(),
          0.9,
          FieldStatus.COMPLETE,
          List.of(),
          "6 mm solid baseline nodule",
          ReviewState.PENDING);

  private static ModelOutput model(
      List<ModelOutput.Field> fields,
      List<ModelOutput.Code> codes,
      List<ModelOutput.ModelFlag> flags) {
    return new ModelOutput(
        Map.of(SectionKind.FINDINGS, "f"), List.of(), List.of(), fields, codes, flags);
  }

  @Test
  void aCategoryTheRulesDisagreeWithBecomesADisagreementFlagAndTheRulesValueIsKept() {
    RulesRecheck.Outcome o =
        RulesRecheck.combine(
            model(
                List.of(new ModelOutput.Field(ScoringSystem.LUNG_RADS, "category", "4A", 0.8)),
                List.of(),
                List.of()),
            "llama",
            List.of(RULES_LUNG_RADS_3),
            List.of(),
            List.of());

    assertThat(o.fields()).containsExactly(RULES_LUNG_RADS_3);
    assertThat(o.flags())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.type()).isEqualTo(FlagType.RULES_MODEL_DISAGREEMENT);
              assertThat(f.message()).isEqualTo("Lung-RADS category: model says 4A, rules say 3");
            });
  }

  @Test
  void theSameValueWrittenDifferentlyIsNoDisagreement() {
    RulesRecheck.Outcome o =
        RulesRecheck.combine(
            model(
                List.of(
                    new ModelOutput.Field(ScoringSystem.LUNG_RADS, "Category", "Lung-RADS 3", 0.8)),
                List.of(),
                List.of()),
            "llama",
            List.of(RULES_LUNG_RADS_3),
            List.of(),
            List.of());
    assertThat(o.flags()).isEmpty();
  }

  @Test
  void aFieldOnlyTheModelStatesIsKeptAtCappedConfidence() {
    RulesRecheck.Outcome o =
        RulesRecheck.combine(
            model(
                List.of(new ModelOutput.Field(ScoringSystem.TI_RADS, "category", "TR4", 0.95)),
                List.of(),
                List.of()),
            "llama",
            List.of(),
            List.of(),
            List.of());
    assertThat(o.fields())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.value()).isEqualTo("TR4");
              assertThat(f.confidence()).isEqualTo(RulesRecheck.MODEL_ONLY_CONFIDENCE_CAP);
              assertThat(f.reason()).contains("llama");
            });
  }

  @Test
  void aCriticalResultOnlyTheModelSawIsADisagreementNotACriticalFlag() {
    RulesRecheck.Outcome o =
        RulesRecheck.combine(
            model(
                List.of(),
                List.of(),
                List.of(
                    new ModelOutput.ModelFlag(
                        FlagType.CRITICAL_RESULT, Severity.CRITICAL, "pneumothorax"))),
            "llama",
            List.of(),
            List.of(),
            List.of());
    assertThat(o.flags()).extracting(Flag::type).containsExactly(FlagType.RULES_MODEL_DISAGREEMENT);

    Flag rulesCritical =
        new Flag(
            FlagType.CRITICAL_RESULT,
            Severity.CRITICAL,
            "tension pneumothorax",
            List.of(),
            CriticalCategory.values()[0],
            List.of("who"));
    RulesRecheck.Outcome agreed =
        RulesRecheck.combine(
            model(
                List.of(),
                List.of(),
                List.of(
                    new ModelOutput.ModelFlag(
                        FlagType.CRITICAL_RESULT, Severity.CRITICAL, "pneumothorax"))),
            "llama",
            List.of(),
            List.of(),
            List.of(rulesCritical));
    assertThat(agreed.flags()).containsExactly(rulesCritical);

    // an actionable finding (category 3) only the model claims is no flag of its own either
    RulesRecheck.Outcome actionable =
        RulesRecheck.combine(
            model(
                List.of(),
                List.of(),
                List.of(
                    new ModelOutput.ModelFlag(
                        FlagType.ACTIONABLE_FINDING, Severity.WARNING, "renal mass"))),
            "llama",
            List.of(),
            List.of(),
            List.of(rulesCritical));
    assertThat(actionable.flags())
        .extracting(Flag::type)
        .containsExactly(FlagType.CRITICAL_RESULT, FlagType.RULES_MODEL_DISAGREEMENT);
    assertThat(actionable.flags().get(1).message())
        .isEqualTo("model says actionable finding (renal mass), rules found none");
  }

  @Test
  void codesComeFromTheRulesTablesAndUnsupportedModelCodesAreNamed() {
    CodeSuggestion r911 =
        new CodeSuggestion(
            "ICD-10-CM",
            "R91.1",
            "Solitary pulmonary nodule",
            List.of(),
            0.8,
            "table",
            ReviewState.PENDING);
    RulesRecheck.Outcome o =
        RulesRecheck.combine(
            model(
                List.of(),
                List.of(
                    new ModelOutput.Code("ICD-10-CM", "R91.1", "x"),
                    new ModelOutput.Code("ICD-10-CM", "Z99.99", "made up")),
                List.of()),
            "llama",
            List.of(),
            List.of(r911),
            List.of());
    assertThat(o.codes()).containsExactly(r911);
    assertThat(o.flags())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.type()).isEqualTo(FlagType.LOW_CONFIDENCE);
              assertThat(f.message()).contains("Z99.99").doesNotContain("R91.1");
            });
  }
}
