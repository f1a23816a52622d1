package org.radassist.priors;

import java.util.List;
import org.radassist.model.Finding;
import org.radassist.model.StudyContext;

/**
 * An earlier study of the same patient with what was read from it.
 *
 * @param relevance in [0, 1]: how useful the study is for comparing with the current one
 * @param findings measured findings read from its TID 1500 SRs (empty when it has none)
 * @param reportText the text of its report (Basic Text SR), or empty
 * @param notes what could not be read and why (e.g. an SR that did not parse)
 */
public record PriorStudy(
    StudyContext study,
    double relevance,
    List<Finding> findings,
    String reportText,
    List<String> notes) {

  public PriorStudy {
    if (study == null) {
      throw new IllegalArgumentException("study must not be null");
    }
    findings = List.copyOf(findings == null ? List.of() : findings);
    reportText = reportText == null ? "" : reportText;
    notes = List.copyOf(notes == null ? List.of() : notes);
  }

  public String studyInstanceUid() {
    return study.studyInstanceUid();
  }
}
