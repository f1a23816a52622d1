package org.radassist.priors;

/** What happened to a finding between the most recent prior and the current study. */
public enum ChangeKind {
  INCREASED,
  NEW,
  DECREASED,
  STABLE,
  /** Seen before, not seen now. */
  RESOLVED,
  /** Matched, but the two sizes cannot be compared (no common measurement). */
  NOT_COMPARABLE
}
