package org.radassist.governance;

/** Actions on AI output that only some roles may take. */
public enum GovernedAction {
  /** Approve a draft (one's own, or a resident's as the attending). */
  APPROVE_DRAFT,
  /** Approve a suggested code for the report. */
  APPROVE_CODE,
  /** Sign the report final. */
  SIGN_REPORT,
  /** Hand a resident's draft to an attending for approval. */
  SUBMIT_FOR_APPROVAL
}
