package org.radassist.governance;

/** Where a report stands on its way to final. */
public enum SignOffState {
  DRAFTING,
  /** A resident's draft waits for an attending radiologist's approval. */
  AWAITING_ATTENDING,
  /** Approved by a radiologist, not yet signed. */
  APPROVED,
  SIGNED
}
