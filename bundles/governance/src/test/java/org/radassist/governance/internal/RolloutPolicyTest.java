package org.radassist.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.governance.GovernanceSettings;
import org.radassist.governance.InvalidConfigurationException;
import org.radassist.governance.RolloutMode;
import org.radassist.governance.RolloutRule;

class RolloutPolicyTest {
  private final RolloutPolicy policy =
      new RolloutPolicy(
          RolloutMode.SHADOW,
          Stream.of(
                  "CT/*/*=assistive",
                  "CT/CHEST/*=integrated",
                  "*/*/residents=shadow",
                  "MR/PROSTATE/*=assistive")
              .map(ConfigSettings::rule)
              .toList());

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
  void aStudyWithoutModalityOrBodyPartMatchesOnlyRulesForAny() {
    assertThat(policy.modeFor(null, null, "residents")).isEqualTo(RolloutMode.SHADOW);
    assertThat(policy.modeFor(null, "CHEST", "attendings")).isEqualTo(RolloutMode.SHADOW);
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
    assertThatThrownBy(() -> ConfigSettings.rule("CT/CHEST=integrated"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(
            "rollout.rules = \"CT/CHEST=integrated\": expected three selectors modality/bodyPart/group, found 2");
    assertThatThrownBy(() -> ConfigSettings.rule("CT/*/*=on"))
        .hasMessageContaining("expected shadow, assistive or integrated");
    assertThatThrownBy(() -> ConfigSettings.mode("rollout.defaultMode", "loud"))
        .hasMessage("rollout.defaultMode = \"loud\": expected shadow, assistive or integrated");
    List<RolloutRule> disagreeing =
        List.of(ConfigSettings.rule("CT/*/*=assistive"), ConfigSettings.rule("ct/*/*=integrated"));
    assertThatThrownBy(() -> GovernanceSettings.defaults().withRollout(disagreeing, Map.of()))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(
            "rollout.rules = \"CT/*/*\": two rules for the same selectors disagree (ASSISTIVE, INTEGRATED)");
  }
}
