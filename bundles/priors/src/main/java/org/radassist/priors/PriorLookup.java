package org.radassist.priors;

import java.util.List;
import java.util.Optional;
import org.radassist.model.Finding;
import org.radassist.model.StudyContext;

/**
 * What a provider found for a study: the study itself with its own findings, its ranked priors and
 * a status the panel can show ("PACS unreachable: ...").
 *
 * @param current the study asked for, when the source knows it
 * @param currentFindings the findings read from the current study's SRs
 * @param priors the relevant priors, most relevant first, after the relevance cut
 * @param candidatesConsidered how many earlier studies the source returned before the cut
 * @param statusMessage a one-line explanation when the status is not OK, else empty
 * @param notes per-document problems (skipped SRs and the reason)
 */
public record PriorLookup(
    StudyContext current,
    List<Finding> currentFindings,
    List<PriorStudy> priors,
    int candidatesConsidered,
    LookupStatus status,
    String statusMessage,
    List<String> notes) {

  public PriorLookup {
    if (status == null) {
      throw new IllegalArgumentException("status must not be null");
    }
    currentFindings = List.copyOf(currentFindings == null ? List.of() : currentFindings);
    priors = List.copyOf(priors == null ? List.of() : priors);
    statusMessage = statusMessage == null ? "" : statusMessage;
    notes = List.copyOf(notes == null ? List.of() : notes);
  }

  /** A lookup that failed as a whole, e.g. because the PACS did not answer. */
  public static PriorLookup failed(LookupStatus status, String message) {
    return new PriorLookup(null, List.of(), List.of(), 0, status, message, List.of());
  }

  public Optional<StudyContext> currentStudy() {
    return Optional.ofNullable(current);
  }
}
