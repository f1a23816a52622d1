package org.radassist.governance;

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

  /** Whether drafts reach the radiologist at all. */
  public boolean showsDrafts() {
    return this != SHADOW;
  }

  /** Whether confident fields are filled in (still non-final until accepted). */
  public boolean autoPopulates() {
    return this == INTEGRATED;
  }
}
