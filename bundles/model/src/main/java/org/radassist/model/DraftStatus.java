package org.radassist.model;

/** Where a draft stands: still streaming in, complete, or failed part way. */
public enum DraftStatus {
  STREAMING,
  COMPLETE,
  FAILED
}
