package org.radassist.sr.internal.write;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import org.radassist.sr.SrWriteException;
import org.radassist.sr.internal.read.Tags;
import org.radassist.sr.internal.render.TerminalText;

/**
 * Refuses control characters in what we write: an SR with ESC, BEL or a bare CR in its text
 * rewrites the screen of whoever dumps it later. Line breaks (LF, CR LF) and tabs stay allowed in
 * the text VRs (UT, ST, LT), where DICOM permits them; nothing else is.
 */
final class TextSafety {
  private static final DicomDictionary DICT = new DicomDictionary();

  private TextSafety() {}

  /** Throws naming the first field (attribute, and content item when inside one) that has one. */
  static void check(AttributeList top) throws SrWriteException {
    record Scope(AttributeList list, String where) {}
    Deque<Scope> work = new ArrayDeque<>();
    work.push(new Scope(top, ""));
    while (!work.isEmpty()) {
      Scope s = work.pop();
      for (Attribute a : s.list().values()) {
        AttributeTag tag = a.getTag();
        if (a instanceof SequenceAttribute seq) {
          int n = 0;
          for (Iterator<SequenceItem> it = seq.iterator(); it.hasNext(); ) {
            AttributeList item = it.next().getAttributeList();
            n++;
            String where =
                tag.equals(Tags.CONTENT_SEQUENCE)
                    ? s.where() + "content item " + n + " " + concept(item) + " > "
                    : s.where() + name(tag) + " item " + n + " > ";
            work.push(new Scope(item, where));
          }
          continue;
        }
        String vr = new String(a.getVR(), java.nio.charset.StandardCharsets.US_ASCII);
        boolean text = vr.equals("UT") || vr.equals("ST") || vr.equals("LT");
        String[] values;
        try {
          values = a.getStringValues();
        } catch (Exception e) {
          continue; // binary VRs hold no text
        }
        if (values == null) {
          continue;
        }
        for (String v : values) {
          int bad = firstBad(v, text);
          if (bad >= 0) {
            throw new SrWriteException(
                s.where()
                    + name(tag)
                    + " holds control character U+"
                    + String.format("%04X", (int) v.charAt(bad))
                    + " at offset "
                    + bad
                    + " (\""
                    + TerminalText.escapeLine(excerpt(v, bad))
                    + "\"): refused, it would rewrite a reader's terminal; remove it");
          }
        }
      }
    }
  }

  private static int firstBad(String v, boolean text) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (text
          && (c == '\n'
              || c == '\t'
              || (c == '\r' && i + 1 < v.length() && v.charAt(i + 1) == '\n'))) {
        continue;
      }
      if (c == '\n' || c == '\t' || TerminalText.unsafe(c)) {
        return i;
      }
    }
    return -1;
  }

  private static String excerpt(String v, int at) {
    int from = Math.max(0, at - 20);
    int to = Math.min(v.length(), at + 20);
    return (from > 0 ? "..." : "") + v.substring(from, to) + (to < v.length() ? "..." : "");
  }

  private static String concept(AttributeList item) {
    AttributeList c =
        item.get(Tags.CONCEPT_NAME_CODE_SEQUENCE) instanceof SequenceAttribute s
                && s.getNumberOfItems() > 0
            ? s.getItem(0).getAttributeList()
            : null;
    String meaning =
        c == null ? "" : Attribute.getSingleStringValueOrEmptyString(c, Tags.CODE_MEANING);
    return meaning.isEmpty() ? "(no concept name)" : "'" + TerminalText.escapeLine(meaning) + "'";
  }

  private static String name(AttributeTag tag) {
    String n = DICT.getNameFromTag(tag);
    return (n == null ? "" : n + " ")
        + String.format("(%04X,%04X)", tag.getGroup(), tag.getElement());
  }
}
