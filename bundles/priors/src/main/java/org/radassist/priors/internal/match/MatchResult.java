package org.radassist.priors.internal.match;

import java.util.List;
import org.radassist.model.Finding;
import org.radassist.priors.FindingMatch;

/** The matches between two studies' findings, and what stayed unmatched on either side. */
public record MatchResult(
    List<FindingMatch> matches,
    List<Finding> unmatchedPrior,
    List<Finding> unmatchedCurrent,
    List<String> notes) {
  public MatchResult {
    matches = List.copyOf(matches);
    unmatchedPrior = List.copyOf(unmatchedPrior);
    unmatchedCurrent = List.copyOf(unmatchedCurrent);
    notes = List.copyOf(notes);
  }
}
