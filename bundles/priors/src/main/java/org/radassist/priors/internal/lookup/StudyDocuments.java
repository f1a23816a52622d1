package org.radassist.priors.internal.lookup;

import java.util.List;
import org.radassist.model.Finding;

/** What was read from one study's SR documents: findings, report text, and what was skipped. */
public record StudyDocuments(List<Finding> findings, String reportText, List<String> notes) {
  public StudyDocuments {
    findings = List.copyOf(findings);
    reportText = reportText == null ? "" : reportText;
    notes = List.copyOf(notes);
  }

  public static StudyDocuments none() {
    return new StudyDocuments(List.of(), "", List.of());
  }
}
