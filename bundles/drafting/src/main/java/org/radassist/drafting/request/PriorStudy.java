package org.radassist.drafting.request;

import org.radassist.model.StudyContext;

/**
 * A prior study of the patient as the viewer knows it, before minimisation: the request carries it
 * as a {@link org.radassist.drafting.PriorSummary} (opaque token, days relative to the current
 * study, modality, findings and impression scrubbed and cut to {@link #TEXT_CHARS} characters).
 *
 * @param study the prior study (its identifiers and dates never leave as such)
 * @param findings what its report says under findings, "" when nothing
 * @param impression what its report or the comparison says about it, "" when nothing
 */
public record PriorStudy(StudyContext study, String findings, String impression) {
  /** At most this many characters of the findings and of the impression are sent. */
  public static final int TEXT_CHARS = 400;

  public PriorStudy {
    if (study == null) {
      throw new IllegalArgumentException("study must not be null");
    }
    findings = findings == null ? "" : findings.strip();
    impression = impression == null ? "" : impression.strip();
  }
}
