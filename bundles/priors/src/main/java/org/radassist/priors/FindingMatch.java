package org.radassist.priors;

import org.radassist.model.Finding;

/**
 * A finding of an earlier study matched to one of a later study.
 *
 * @param confidence in [0, 1]: 1 for a shared Tracking UID, lower for weaker evidence
 * @param distanceMillimetres distance between the two positions when matched by position, else null
 */
public record FindingMatch(
    Finding prior,
    Finding current,
    MatchBasis basis,
    double confidence,
    Double distanceMillimetres) {
  public FindingMatch {
    if (prior == null || current == null || basis == null) {
      throw new IllegalArgumentException("prior, current and basis are required");
    }
    if (confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
    }
  }
}
