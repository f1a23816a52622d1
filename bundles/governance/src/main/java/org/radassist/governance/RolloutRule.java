package org.radassist.governance;

import java.util.Locale;

/**
 * One rollout rule: a mode for a modality, body part and user group, each a value or {@value #ANY}
 * for any (null or blank also mean any). Modality and body part compare case-insensitively; the
 * most specific matching rule wins (user group weighs most, then body part, then modality). In
 * configuration it is written {@code modality/bodyPart/group=mode}, e.g. {@code
 * CT/CHEST/*=integrated}.
 */
public record RolloutRule(String modality, String bodyPart, String userGroup, RolloutMode mode) {
  /** The selector that matches anything. */
  public static final String ANY = "*";

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
}
