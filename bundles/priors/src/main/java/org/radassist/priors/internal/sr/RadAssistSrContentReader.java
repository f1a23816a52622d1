package org.radassist.priors.internal.sr;

import java.util.List;
import org.radassist.model.Finding;
import org.radassist.sr.ContentItem;
import org.radassist.sr.ContentValue;
import org.radassist.sr.ReportView;
import org.radassist.sr.SrDocument;
import org.radassist.sr.SrReadException;
import org.radassist.sr.StructuredReportReader;
import org.radassist.sr.ValueType;

/**
 * SR content through the RadAssist SR reader: TID 1500 measurement groups become findings; the TEXT
 * items of a report (Basic Text SR, TID 2000) become its text, each under its heading.
 */
public final class RadAssistSrContentReader implements SrContentReader {

  private final StructuredReportReader reader;

  public RadAssistSrContentReader(StructuredReportReader reader) {
    this.reader = reader;
  }

  public static RadAssistSrContentReader create() {
    return new RadAssistSrContentReader(StructuredReportReader.create());
  }

  @Override
  public SrContent read(byte[] part10, String source) throws UnreadableDocumentException {
    SrDocument document;
    try {
      document = reader.read(part10, source);
    } catch (SrReadException e) {
      throw new UnreadableDocumentException(e.getMessage());
    }
    if (document.root() == null) {
      throw new UnreadableDocumentException("no content tree");
    }
    ReportView view = ReportView.of(document);
    List<Finding> findings = view.findings();
    String text = "TID 1500".equals(view.template()) ? "" : reportText(document);
    return new SrContent(findings, text);
  }

  /** "Findings: ...\nImpression: ..." from the TEXT items, headed by their container's title. */
  static String reportText(SrDocument document) {
    StringBuilder out = new StringBuilder();
    appendText(document.root(), "", out);
    return out.toString().strip();
  }

  private static void appendText(ContentItem item, String heading, StringBuilder out) {
    if (item.valueType() == ValueType.TEXT && item.value() instanceof ContentValue.Text text) {
      String value = text.value().strip();
      if (!value.isEmpty()) {
        String label = heading.isBlank() ? item.conceptMeaning() : heading;
        out.append(label.isBlank() ? "" : label + ": ").append(value).append('\n');
      }
    }
    String childHeading =
        item.valueType() == ValueType.CONTAINER && !item.conceptMeaning().isBlank()
            ? item.conceptMeaning()
            : heading;
    for (ContentItem child : item.children()) {
      appendText(child, item.depth() == 1 ? "" : childHeading, out);
    }
  }
}
