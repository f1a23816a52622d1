package org.radassist.governance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses the rollout mode for a study and user: the most specific matching rule, else the default.
 */
public final class RolloutPolicy {
  private final RolloutMode defaultMode;
  private final List<RolloutRule> rules;

  public RolloutPolicy(RolloutMode defaultMode, List<RolloutRule> rules) {
    this.defaultMode = defaultMode;
    List<RolloutRule> sorted = new ArrayList<>(rules);
    sorted.sort(Comparator.comparingInt(RolloutRule::specificity).reversed());
    for (int i = 1; i < sorted.size(); i++) {
      RolloutRule a = sorted.get(i - 1);
      RolloutRule b = sorted.get(i);
      if (a.modality().equals(b.modality())
          && a.bodyPart().equals(b.bodyPart())
          && a.userGroup().equals(b.userGroup())
          && a.mode() != b.mode()) {
        throw new InvalidConfigurationException(
            "rollout.rules",
            a.modality() + "/" + a.bodyPart() + "/" + a.userGroup(),
            "two rules for the same selectors disagree (" + a.mode() + ", " + b.mode() + ")");
      }
    }
    this.rules = List.copyOf(sorted);
  }

  /** Parses the configured default mode and rule lines. */
  public static RolloutPolicy parse(String defaultMode, String... ruleLines) {
    List<RolloutRule> rules = new ArrayList<>();
    for (String line : ruleLines) {
      if (line != null && !line.isBlank()) {
        rules.add(RolloutRule.parse(line.trim()));
      }
    }
    return new RolloutPolicy(RolloutMode.parse("rollout.defaultMode", defaultMode), rules);
  }

  public RolloutMode modeFor(String modality, String bodyPart, String userGroup) {
    for (RolloutRule rule : rules) {
      if (rule.matches(modality, bodyPart, userGroup)) {
        return rule.mode();
      }
    }
    return defaultMode;
  }

  public RolloutMode defaultMode() {
    return defaultMode;
  }

  public List<RolloutRule> rules() {
    return rules;
  }
}
