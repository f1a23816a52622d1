package org.radassist.priors.internal.sr;

import java.util.List;
import org.radassist.model.Finding;

/** What one SR document contributes to a comparison: its measured findings and its text. */
public record SrContent(List<Finding> findings, String reportText) {
  public SrContent {
    findings = List.copyOf(findings);
    reportText = reportText == null ? "" : reportText;
  }
}
