package org.radassist.workstation.internal.host;

import java.util.Locale;
import org.radassist.model.DraftReport;
import org.radassist.model.Flag;
import org.radassist.model.Section;
import org.radassist.model.StudyContext;
import org.radassist.model.Suggestion;

/** The draft report as plain text, each section marked with its review state. */
final class ReportText {
  private ReportText() {}

  static String of(DraftReport draft, StudyContext study) {
    StringBuilder b = new StringBuilder();
    b.append(study.studyDescription() == null ? "Report" : study.studyDescription()).append('\n');
    b.append("Study date: ").append(study.studyDate()).append('\n');
    b.append("Draft ")
        .append(draft.draftId())
        .append(" by ")
        .append(draft.model().name())
        .append(' ')
        .append(draft.model().version())
        .append(" (status ")
        .append(draft.status().name().toLowerCase(Locale.ROOT))
        .append(")\n\n");
    for (Section s : draft.sections()) {
      b.append(s.kind().title().toUpperCase(Locale.ROOT))
          .append(s.state().isFinal() ? "" : " [AI draft, not final]")
          .append('\n')
          .append(s.text().strip())
          .append("\n\n");
    }
    if (!draft.impressions().isEmpty()) {
      b.append("SUGGESTED IMPRESSIONS [AI, not accepted]\n");
      for (Suggestion s : draft.impressions()) {
        b.append(String.format(Locale.ROOT, "- %s (confidence %.2f)%n", s.text(), s.confidence()));
      }
      b.append('\n');
    }
    if (!draft.flags().isEmpty()) {
      b.append("FLAGS\n");
      for (Flag f : draft.flags()) {
        b.append("- ")
            .append(f.severity())
            .append(" ")
            .append(f.type())
            .append(": ")
            .append(f.message())
            .append('\n');
      }
    }
    return b.toString();
  }
}
