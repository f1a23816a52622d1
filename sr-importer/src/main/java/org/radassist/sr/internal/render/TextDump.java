package org.radassist.sr.internal.render;

import java.util.ArrayDeque;
import java.util.Deque;
import org.radassist.model.CodedConcept;
import org.radassist.sr.ContentItem;
import org.radassist.sr.ContentValue;
import org.radassist.sr.Problem;
import org.radassist.sr.SrDocument;
import org.radassist.sr.ValueType;

/** The content tree as indented text in dsrdump's style; plain text (no HTML), no Jackson. */
public final class TextDump {
  private static final int LONG_VALUE = 160;

  private TextDump() {}

  public static void write(SrDocument d, Appendable out) throws java.io.IOException {
    out.append("# ").append(d.source()).append('\n');
    out.append("# ").append(d.iod().label());
    if (!d.templateId().isEmpty()) {
      out.append(", TID ").append(d.templateId());
    }
    out.append(", ").append(Integer.toString(d.itemCount())).append(" content items");
    if (d.partial()) {
      out.append(", PARTIAL");
    }
    out.append('\n');
    flag(out, "Completion", d.completionFlag());
    flag(out, "Verification", d.verificationFlag());
    flag(out, "Preliminary", d.preliminaryFlag());
    for (Problem p : d.problems()) {
      out.append("# ").append(p.level().name()).append(' ').append(p.toString()).append('\n');
    }
    Deque<ContentItem> stack = new ArrayDeque<>();
    stack.push(d.root());
    StringBuilder line = new StringBuilder(128);
    while (!stack.isEmpty()) {
      ContentItem item = stack.pop();
      line.setLength(0);
      int depth = item.depth();
      for (int i = 1; i < depth; i++) {
        line.append("  ");
      }
      line.append(item.position()).append("  ");
      item(item, line);
      out.append(line).append('\n');
      for (int i = item.children().size() - 1; i >= 0; i--) {
        stack.push(item.children().get(i));
      }
    }
  }

  private static void flag(Appendable out, String name, String value) throws java.io.IOException {
    if (!value.isEmpty()) {
      out.append("# ").append(name).append(" Flag: ").append(value).append('\n');
    }
  }

  /** One item as dsrdump prints it: {@code <contains NUM:(code,scheme,"meaning")=value>}. */
  public static void item(ContentItem item, StringBuilder line) {
    line.append('<');
    String rel = item.relationship().label();
    if (!rel.isEmpty()) {
      line.append(rel).append(' ');
    }
    if (item.valueType() == ValueType.BY_REFERENCE) {
      line.append(item.value().display()).append('>');
      return;
    }
    line.append(item.valueType().name()).append(':');
    if (item.concept() != null) {
      code(item.concept(), line);
    }
    line.append('=');
    ContentValue v = item.value();
    if (v instanceof ContentValue.Text t) {
      quoted(t.value(), line);
    } else if (v instanceof ContentValue.Code c) {
      code(c.value(), line);
    } else if (v instanceof ContentValue.Numeric n) {
      quoted(n.raw(), line);
      if (n.unit() != null) {
        line.append(' ');
        code(n.unit(), line);
      }
      if (n.qualifier() != null) {
        line.append(" qualifier ");
        code(n.qualifier(), line);
      }
    } else if (v instanceof ContentValue.CompositeReference r) {
      line.append('(').append(r.sopClassUid()).append(',').append(r.sopInstanceUid());
      if (!r.frames().isEmpty()) {
        line.append(",frames ").append(r.frames());
      }
      if (!r.segments().isEmpty()) {
        line.append(",segments ").append(r.segments());
      }
      line.append(')');
      if (!r.presentationStateSopInstanceUid().isEmpty()) {
        line.append(",(").append(r.presentationStateSopClassUid()).append(',');
        line.append(r.presentationStateSopInstanceUid()).append(')');
      }
    } else if (v instanceof ContentValue.SpatialCoordinates s) {
      line.append('(').append(s.graphicType()).append(',');
      int shown = Math.min(s.points().size(), 6);
      for (int i = 0; i < shown; i++) {
        line.append(i == 0 ? "" : "/").append(s.points().get(i));
      }
      line.append(s.points().size() > shown ? ",...)" : ")");
    } else {
      line.append(v.display());
    }
    line.append('>');
  }

  private static void code(CodedConcept c, StringBuilder line) {
    line.append('(').append(c.code()).append(',').append(c.scheme()).append(',');
    quoted(c.meaning(), line);
    line.append(')');
  }

  private static void quoted(String s, StringBuilder line) {
    line.append('"');
    int n = Math.min(s.length(), LONG_VALUE);
    for (int i = 0; i < n; i++) {
      char ch = s.charAt(i);
      if (ch == '\n') {
        line.append("\\n");
      } else if (ch == '\r') {
        line.append("\\r");
      } else if (ch < 0x20 || ch == 0x7f) {
        line.append(String.format("\\%03o", (int) ch));
      } else {
        line.append(ch);
      }
    }
    if (s.length() > n) {
      line.append("...");
    }
    line.append('"');
  }
}
