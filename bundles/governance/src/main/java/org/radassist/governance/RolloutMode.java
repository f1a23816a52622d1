package org.radassist.governance;

import java.util.Locale;

/**
 * How far AI drafting reaches into a radiologist's work. A department moves from shadow to
 * integrated per modality, body part and user group.
 */
public enum RolloutMode {
  /** Drafts are made and logged, nothing is shown. */
  SHADOW,
  /** Drafts are shown as suggestions; nothing is filled in. */
  ASSISTIVE,
  /** High-confidence fields are filled in, still marked non-final until accepted. */
  INTEGRATED;

  public boolean showsDrafts() {
    return this != SHADOW;
  }

  public boolean autoPopulates() {
    return this == INTEGRATED;
  }

  static RolloutMode parse(String key, String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          key, value, "expected shadow, assistive or integrated");
    }
  }
}
