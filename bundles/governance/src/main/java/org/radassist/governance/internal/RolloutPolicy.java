package org.radassist.governance.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.radassist.governance.RolloutMode;
import org.radassist.governance.RolloutRule;

/**
 * Chooses the rollout mode for a study and user: the most specific matching rule, else the default.
 */
final class RolloutPolicy {
  private final RolloutMode defaultMode;
  private final List<RolloutRule> rules;

  /** From rules already checked to agree ({@link org.radassist.governance.GovernanceSettings}). */
  RolloutPolicy(RolloutMode defaultMode, List<RolloutRule> rules) {
    this.defaultMode = defaultMode;
    List<RolloutRule> sorted = new ArrayList<>(rules);
    sorted.sort(Comparator.comparingInt(RolloutPolicy::specificity).reversed());
    this.rules = List.copyOf(sorted);
  }

  RolloutMode modeFor(String modality, String bodyPart, String userGroup) {
    for (RolloutRule rule : rules) {
      if (matches(rule, modality, bodyPart, userGroup)) {
        return rule.mode();
      }
    }
    return defaultMode;
  }

  private static boolean matches(
      RolloutRule rule, String studyModality, String studyBodyPart, String group) {
    return (rule.modality().equals(RolloutRule.ANY)
            || rule.modality().equals(normalise(studyModality)))
        && (rule.bodyPart().equals(RolloutRule.ANY)
            || rule.bodyPart().equals(normalise(studyBodyPart)))
        && (rule.userGroup().equals(RolloutRule.ANY) || rule.userGroup().equals(group));
  }

  private static String normalise(String value) {
    return value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
  }

  /** More named selectors win; the user group weighs most, then body part, then modality. */
  static int specificity(RolloutRule rule) {
    return (rule.userGroup().equals(RolloutRule.ANY) ? 0 : 4)
        + (rule.bodyPart().equals(RolloutRule.ANY) ? 0 : 2)
        + (rule.modality().equals(RolloutRule.ANY) ? 0 : 1);
  }
}
