package org.radassist.speech;

import org.radassist.model.StudyContext;

/**
 * A prior study of the open study's patient as the host knows it, for the drafting requests of the
 * open study's session ({@link StudyDictation#priors}). It stays on this machine: a request carries
 * it minimised by the session's {@link org.radassist.drafting.request.DraftRequestFactory} as a
 * {@code PriorSummary} (an opaque token, days relative to the open study, the modality, and the
 * impression scrubbed and cut to {@link #IMPRESSION_CHARS} characters).
 *
 * @param study the prior study (its identifiers and dates never leave as such)
 * @param impression what its report or the comparison says about it, "" when nothing
 * @since 1.2
 */
public record PriorReport(StudyContext study, String impression) {
  /** At most this many characters of the impression are sent (cut at a word). */
  public static final int IMPRESSION_CHARS = 400;

  public PriorReport {
    if (study == null) {
      throw new IllegalArgumentException("study must not be null");
    }
    impression = impression == null ? "" : impression.strip();
  }
}
