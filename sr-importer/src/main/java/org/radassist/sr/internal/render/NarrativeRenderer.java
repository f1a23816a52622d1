package org.radassist.sr.internal.render;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.radassist.model.CodedConcept;
import org.radassist.model.Finding;
import org.radassist.model.ImageReference;
import org.radassist.model.Measurement;
import org.radassist.model.QualitativeEvaluation;
import org.radassist.sr.ContentItem;
import org.radassist.sr.ContentValue;
import org.radassist.sr.DoseSummary;
import org.radassist.sr.Relationship;
import org.radassist.sr.ReportView;
import org.radassist.sr.SrDocument;
import org.radassist.sr.ValueType;

/** The implementation behind {@link org.radassist.sr.Narrative}. */
public final class NarrativeRenderer {
  private static final int GENERIC_LINES = 200;

  private NarrativeRenderer() {}

  public static List<String> lines(ReportView view) {
    SrDocument d = view.document();
    List<String> out = new ArrayList<>();
    StringBuilder head = new StringBuilder();
    head.append(d.title().isEmpty() ? "(untitled report)" : d.title());
    head.append(" (").append(d.iod().label());
    if (!view.template().equals("generic")) {
      head.append(", ").append(view.template());
    }
    head.append(')');
    List<String> status = new ArrayList<>();
    if (!d.completionFlag().isEmpty()) {
      status.add(d.completionFlag());
    }
    if (!d.verificationFlag().isEmpty()) {
      status.add(d.verificationFlag());
    }
    if (d.preliminaryFlag().equals("PRELIMINARY")) {
      status.add("PRELIMINARY");
    }
    if (!status.isEmpty()) {
      head.append(" — ").append(String.join(", ", status));
    }
    if (d.partial()) {
      head.append(" — PARTIAL: damaged document, content may be missing");
    }
    out.add(head.toString());
    for (Finding f : view.findings()) {
      out.add(finding(f));
    }
    if (!view.keyImages().isEmpty() || view.template().equals("TID 2010")) {
      String desc = view.keyObjectDescription().isEmpty() ? "" : ": " + view.keyObjectDescription();
      out.add(view.keyImages().size() + " key images (" + d.title() + ")" + desc);
      for (ImageReference r : view.keyImages()) {
        out.add("  " + r.sopInstanceUid() + (r.frames().isEmpty() ? "" : " frames " + r.frames()));
      }
    }
    if (view.dose() != null) {
      out.addAll(dose(view.dose()));
    }
    if (view.template().equals("generic")) {
      out.addAll(generic(d));
    }
    return out;
  }

  /** One finding as a sentence: size, type, site, evaluations — algorithm, confidence. */
  public static String finding(Finding f) {
    StringBuilder s = new StringBuilder();
    f.largestLengthMillimetres().ifPresent(mm -> s.append(number(mm)).append(" mm "));
    s.append(f.type() != null ? f.type().meaning() : "Finding");
    if (f.trackingIdentifier() != null) {
      s.append(" [").append(f.trackingIdentifier()).append(']');
    }
    if (f.site() != null) {
      s.append(", ").append(f.site().meaning());
    }
    if (f.laterality() != null) {
      s.append(" (").append(f.laterality().meaning()).append(')');
    }
    for (Measurement m : f.measurements()) {
      if (m.lengthInMillimetres().isEmpty()) {
        s.append(", ").append(m.concept().meaning()).append(' ');
        if (!m.qualifiers().isEmpty()) {
          s.append('(');
          s.append(String.join(", ", m.qualifiers().stream().map(CodedConcept::meaning).toList()));
          s.append(") ");
        }
        s.append(Words.quantity(m.value(), m.unit()));
      }
    }
    for (QualitativeEvaluation e : f.evaluations()) {
      s.append(", ").append(e.name().meaning()).append(": ").append(e.displayValue());
    }
    List<String> tail = new ArrayList<>();
    if (f.algorithm() != null) {
      tail.add("algorithm " + f.algorithm());
    }
    if (f.confidence() != null) {
      tail.add("confidence " + number(f.confidence()));
    }
    if (!tail.isEmpty()) {
      s.append(" — ").append(String.join(", ", tail));
    }
    return s.toString();
  }

  private static List<String> dose(DoseSummary dose) {
    List<String> out = new ArrayList<>();
    StringBuilder s = new StringBuilder(dose.kind()).append(" dose");
    List<String> parts = new ArrayList<>();
    for (Measurement m : dose.totals()) {
      parts.add(doseValue(m));
    }
    if (!parts.isEmpty()) {
      s.append(": ").append(String.join("; ", parts));
    }
    out.add(s.toString());
    out.add(dose.events().size() + " irradiation events");
    int shown = 0;
    for (DoseSummary.Event e : dose.events()) {
      if (shown++ == 20) {
        out.add("  ... " + (dose.events().size() - 20) + " more");
        break;
      }
      List<String> v = new ArrayList<>();
      for (Measurement m : e.values()) {
        v.add(doseValue(m));
      }
      out.add(
          "  " + (e.label().isEmpty() ? e.position() : e.label()) + ": " + String.join(", ", v));
    }
    return out;
  }

  /** "Accumulated Average Glandular Dose (Left breast) 1.3 mGy": qualifiers say which one. */
  private static String doseValue(Measurement m) {
    String q =
        m.qualifiers().isEmpty()
            ? ""
            : " ("
                + String.join(", ", m.qualifiers().stream().map(CodedConcept::meaning).toList())
                + ")";
    return m.concept().meaning() + q + " " + Words.quantity(m.value(), m.unit());
  }

  /** An item's value as a reader says it: dates and times formatted, units in words. */
  static String readable(ContentItem item) {
    ContentValue v = item.value();
    if (v instanceof ContentValue.Text t) {
      return switch (item.valueType()) {
        case DATE -> Words.date(t.value());
        case TIME -> Words.time(t.value());
        case DATETIME -> Words.dateTime(t.value());
        default -> t.value();
      };
    }
    if (v instanceof ContentValue.Numeric n) {
      if (n.number() != null) {
        return Words.quantity(n.number(), n.unit());
      }
      return n.raw().isEmpty() && n.qualifier() != null ? n.qualifier().meaning() : n.raw();
    }
    if (v instanceof ContentValue.Code c) {
      return c.value().meaning();
    }
    return v.display();
  }

  /** Any other report: its text, codes and numbers under their section headings. */
  private static List<String> generic(SrDocument d) {
    List<String> out = new ArrayList<>();
    Deque<ContentItem> stack = new ArrayDeque<>();
    for (int i = d.root().children().size() - 1; i >= 0; i--) {
      stack.push(d.root().children().get(i));
    }
    while (!stack.isEmpty()) {
      if (out.size() == GENERIC_LINES) {
        out.add("... (" + d.itemCount() + " items in all; see the tree)");
        break;
      }
      ContentItem item = stack.pop();
      // context and modifiers belong to the tree view; an item without a Relationship Type is
      // still content a radiologist may need (a broken structure must not hide it)
      if (item.relationship() != Relationship.CONTAINS
          && item.relationship() != Relationship.UNKNOWN) {
        continue;
      }
      String indent = "  ".repeat(Math.max(0, item.depth() - 2));
      String name = item.conceptMeaning();
      boolean heading =
          item.valueType() == ValueType.CONTAINER
              || (item.valueType() == ValueType.UNKNOWN && !item.children().isEmpty());
      if (heading) {
        if (!name.isEmpty()) {
          out.add(indent + name + ":");
        }
      } else if (!item.isByReference()) {
        String value = readable(item);
        out.add(indent + (name.isEmpty() ? value : name + ": " + value));
      }
      for (int i = item.children().size() - 1; i >= 0; i--) {
        stack.push(item.children().get(i));
      }
    }
    return out;
  }

  /** The narrative as an HTML fragment; all document text is escaped. */
  public static String html(ReportView view) {
    StringBuilder s = new StringBuilder("<div class=\"sr-narrative\">");
    List<String> lines = lines(view);
    for (int i = 0; i < lines.size(); i++) {
      s.append(i == 0 ? "<h3>" : "<p>").append(escapeHtml(lines.get(i)));
      s.append(i == 0 ? "</h3>" : "</p>");
    }
    return s.append("</div>").toString();
  }

  /** Escapes text for HTML element content and attribute values (Swing's HTML included). */
  public static String escapeHtml(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder s = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '&' -> s.append("&amp;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            s.append(' ');
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.toString();
  }

  static String concept(CodedConcept c) {
    return c == null ? "" : c.meaning();
  }

  private static String number(double d) {
    return plain(BigDecimal.valueOf(d).setScale(2, java.math.RoundingMode.HALF_UP));
  }

  private static String plain(BigDecimal b) {
    String s = b.stripTrailingZeros().toPlainString();
    return s.toLowerCase(Locale.ROOT);
  }
}
