package org.radassist.model;

/** What a suggestion proposes. */
public enum SuggestionKind {
  IMPRESSION,
  DIFFERENTIAL,
  RECOMMENDATION,
  TEXT
}
