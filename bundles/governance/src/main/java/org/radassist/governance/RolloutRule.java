package org.radassist.governance;

import java.util.Locale;

/**
 * One rollout rule: a mode for a modality, body part and user group, each a value or "*" for any.
 * Written in configuration as {@code modality/bodyPart/group=mode}, e.g. {@code
 * CT/CHEST/*=integrated}.
 */
public record RolloutRule(String modality, String bodyPart, String userGroup, RolloutMode mode) {
  static final String ANY = "*";

  public RolloutRule {
    modality = normalise(modality);
    bodyPart = normalise(bodyPart);
    userGroup = userGroup == null || userGroup.isBlank() ? ANY : userGroup.trim();
    if (mode == null) {
      throw new IllegalArgumentException("mode must not be null");
    }
  }

  private static String normalise(String value) {
    return value == null || value.isBlank() ? ANY : value.trim().toUpperCase(Locale.ROOT);
  }

  /** Parses {@code modality/bodyPart/group=mode}. */
  public static RolloutRule parse(String text) {
    String key = "rollout.rules";
    int eq = text.indexOf('=');
    if (eq < 0) {
      throw new InvalidConfigurationException(key, text, "expected modality/bodyPart/group=mode");
    }
    String[] parts = text.substring(0, eq).split("/", -1);
    if (parts.length != 3) {
      throw new InvalidConfigurationException(
          key, text, "expected three selectors modality/bodyPart/group, found " + parts.length);
    }
    return new RolloutRule(
        parts[0], parts[1], parts[2], RolloutMode.parse(key, text.substring(eq + 1)));
  }

  boolean matches(String studyModality, String studyBodyPart, String group) {
    return (modality.equals(ANY) || modality.equals(normalise(studyModality)))
        && (bodyPart.equals(ANY) || bodyPart.equals(normalise(studyBodyPart)))
        && (userGroup.equals(ANY) || userGroup.equals(group));
  }

  /** More named selectors win; the user group weighs most, then body part, then modality. */
  int specificity() {
    return (userGroup.equals(ANY) ? 0 : 4)
        + (bodyPart.equals(ANY) ? 0 : 2)
        + (modality.equals(ANY) ? 0 : 1);
  }
}
