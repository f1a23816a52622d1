package org.radassist.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RolloutPolicyTest {
  private final RolloutPolicy policy =
      RolloutPolicy.parse(
          "shadow",
          "CT/*/*=assistive",
          "CT/CHEST/*=integrated",
          "*/*/residents=shadow",
          "MR/PROSTATE/*=assistive");

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource({
    "CT, CHEST, attendings, INTEGRATED",
    "CT, ABDOMEN, attendings, ASSISTIVE",
    "CT, CHEST, residents, SHADOW",
    "ct, chest, attendings, INTEGRATED",
    "MR, PROSTATE, attendings, ASSISTIVE",
    "MR, BRAIN, attendings, SHADOW",
    "CR, CHEST, attendings, SHADOW"
  })
  void theMostSpecificMatchingRuleWins(
      String modality, String bodyPart, String group, RolloutMode mode) {
    assertThat(policy.modeFor(modality, bodyPart, group)).isEqualTo(mode);
  }

  @Test
  void modesSayWhatTheyShow() {
    assertThat(RolloutMode.SHADOW.showsDrafts()).isFalse();
    assertThat(RolloutMode.ASSISTIVE.showsDrafts()).isTrue();
    assertThat(RolloutMode.ASSISTIVE.autoPopulates()).isFalse();
    assertThat(RolloutMode.INTEGRATED.autoPopulates()).isTrue();
  }

  @Test
  void invalidRulesNameTheRuleAndTheReason() {
    assertThatThrownBy(() -> RolloutPolicy.parse("shadow", "CT/CHEST=integrated"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(
            "rollout.rules = \"CT/CHEST=integrated\": expected three selectors modality/bodyPart/group, found 2");
    assertThatThrownBy(() -> RolloutPolicy.parse("shadow", "CT/*/*=on"))
        .hasMessageContaining("expected shadow, assistive or integrated");
    assertThatThrownBy(() -> RolloutPolicy.parse("loud"))
        .hasMessage("rollout.defaultMode = \"loud\": expected shadow, assistive or integrated");
    assertThatThrownBy(() -> RolloutPolicy.parse("shadow", "CT/*/*=assistive", "ct/*/*=integrated"))
        .hasMessageContaining("two rules for the same selectors disagree");
  }
}
