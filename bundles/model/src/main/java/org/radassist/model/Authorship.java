package org.radassist.model;

/** Who wrote a piece of report text. */
public enum Authorship {
  AI,
  HUMAN
}
