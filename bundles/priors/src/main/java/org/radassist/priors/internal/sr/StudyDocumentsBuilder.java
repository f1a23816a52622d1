package org.radassist.priors.internal.sr;

import java.util.ArrayList;
import java.util.List;
import org.radassist.model.Finding;
import org.radassist.priors.internal.lookup.StudyDocuments;

/**
 * Collects the content of a study's SR documents; a document that does not parse is skipped with a
 * note naming it and the reason, and the others still count.
 */
public final class StudyDocumentsBuilder {
  private final SrContentReader reader;
  private final List<Finding> findings = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private final List<String> notes = new ArrayList<>();

  public StudyDocumentsBuilder(SrContentReader reader) {
    this.reader = reader;
  }

  public StudyDocumentsBuilder add(byte[] part10, String source) {
    try {
      SrContent content = reader.read(part10, source);
      findings.addAll(content.findings());
      if (!content.reportText().isBlank()) {
        if (text.length() > 0) {
          text.append("\n\n");
        }
        text.append(content.reportText().strip());
      }
    } catch (UnreadableDocumentException e) {
      note("SR " + source + " skipped: " + e.getMessage());
    } catch (RuntimeException e) {
      // a reader bug must not take the whole comparison down
      note("SR " + source + " skipped: " + e);
    }
    return this;
  }

  public StudyDocumentsBuilder note(String note) {
    notes.add(note);
    return this;
  }

  public StudyDocuments build() {
    return new StudyDocuments(findings, text.toString(), notes);
  }
}
