package org.radassist.priors;

import java.util.List;
import org.radassist.model.StudyContext;

/**
 * The comparison of the current study with its priors.
 *
 * @param paragraph the Comparison paragraph as a radiologist would write it
 * @param priorsCompared the priors named in the paragraph, newest first
 * @param changes one record per lesion: increased and new first, then decreased, stable, resolved
 * @param matches the matches between the most recent measured prior and the current study
 * @param trends one series per lesion over every study it was seen in
 * @param sumOfDiameters present when two or more lesions were measured in both studies
 * @param status how the lookup went; the paragraph says so when priors could not be retrieved
 * @param notes problems met on the way (skipped SRs, ambiguous matches)
 */
public record ComparisonSummary(
    StudyContext current,
    String paragraph,
    List<StudyContext> priorsCompared,
    List<ChangeRecord> changes,
    List<FindingMatch> matches,
    List<TrendSeries> trends,
    SumOfDiameters sumOfDiameters,
    LookupStatus status,
    String statusMessage,
    List<String> notes) {

  public ComparisonSummary {
    priorsCompared = List.copyOf(priorsCompared == null ? List.of() : priorsCompared);
    changes = List.copyOf(changes == null ? List.of() : changes);
    matches = List.copyOf(matches == null ? List.of() : matches);
    trends = List.copyOf(trends == null ? List.of() : trends);
    statusMessage = statusMessage == null ? "" : statusMessage;
    notes = List.copyOf(notes == null ? List.of() : notes);
  }
}
