package org.radassist.model;

/** Kinds of safety and consistency flags. */
public enum FlagType {
  FINDING_NOT_IN_IMPRESSION,
  LATERALITY_MISMATCH,
  SEX_MISMATCH,
  CATEGORY_MANAGEMENT_MISMATCH,
  MEASUREMENT_MISMATCH,
  /** A critical result: ACR category 1 (minutes) or 2 (hours); blocks sign-off until documented. */
  CRITICAL_RESULT,
  MISSING_FOLLOWUP,
  RULES_MODEL_DISAGREEMENT,
  LOW_CONFIDENCE,
  DOUBLE_READ,
  /** A dictated finding, size or negation that the model's draft leaves out (or denies). */
  OMITTED_FINDING,
  /** A size in the model's draft that differs from the dictated one (8 mm became 12 mm). */
  ALTERED_MEASUREMENT,
  /** A side in the model's draft opposite to the dictated one (left became right). */
  ALTERED_LATERALITY,
  /** A finding in the model's draft that was not dictated, or that the dictation negated. */
  UNSUPPORTED_FINDING,
  /**
   * An actionable finding, ACR category 3: significant, not immediately dangerous; communicate
   * within days and track the follow-up (renal mass, Lung-RADS 4A+, BI-RADS 4/5, LR-5, PI-RADS 5).
   * Shown below a critical result (severity WARNING), no critical banner, no sign-off block.
   */
  ACTIONABLE_FINDING;

  /** True for flags that carry an ACR category and the communication the report must document. */
  public boolean needsCommunication() {
    return this == CRITICAL_RESULT || this == ACTIONABLE_FINDING;
  }

  /** True for the faithfulness guard's flags: the draft does not say what was dictated. */
  public boolean faithfulness() {
    return this == OMITTED_FINDING
        || this == ALTERED_MEASUREMENT
        || this == ALTERED_LATERALITY
        || this == UNSUPPORTED_FINDING;
  }
}
