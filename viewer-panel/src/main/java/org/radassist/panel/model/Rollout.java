package org.radassist.panel.model;

/**
 * How far AI drafting reaches into the radiologist's view, as governance decides it for the study
 * and user (mirrors the governance bundle's RolloutMode; without governance the panel is {@link
 * #ASSISTIVE}).
 */
public enum Rollout {
  /** Drafts are made and logged, nothing AI-made is shown. */
  SHADOW,
  /** Drafts are shown as suggestions; nothing is filled in. */
  ASSISTIVE,
  /** High-confidence fields are shown filled in, still not final until accepted. */
  INTEGRATED
}
