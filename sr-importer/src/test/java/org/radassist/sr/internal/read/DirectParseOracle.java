package org.radassist.sr.internal.read;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.SequenceAttribute;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.radassist.sr.ReadLimits;
import org.radassist.sr.SrDocument;
import org.radassist.sr.SrReadException;

/**
 * Differential oracle for {@link DirectPart10Parser}: whenever it takes a file, the attribute list
 * and the document must equal what PixelMed's own parse gives. Used by the unit test and by the
 * fuzz target, so the campaign hunts for divergences too.
 */
public final class DirectParseOracle {
  private static final ReadLimits LIMITS = ReadLimits.defaults();

  private DirectParseOracle() {}

  /** Whether the reader would take {@code bytes} through the direct parse. */
  public static boolean covers(byte[] bytes) {
    return direct(bytes) != null;
  }

  /**
   * Null when the direct parse declines the file or agrees with PixelMed; otherwise the first
   * difference.
   */
  public static String divergence(byte[] bytes) {
    AttributeList direct = direct(bytes);
    if (direct == null) {
      return null;
    }
    AttributeList pixelmed = new AttributeList();
    try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(bytes))) {
      pixelmed.read(in);
    } catch (Exception | StackOverflowError e) {
      return "PixelMed fails (" + e + ") where the direct parse succeeds";
    }
    String d = compare(pixelmed, direct, "");
    if (d != null) {
      return d;
    }
    PixelMedSrReader reader = new PixelMedSrReader(LIMITS);
    String a = document(reader, pixelmed);
    String b = document(reader, direct);
    return a.equals(b) ? null : "documents differ:\nPixelMed: " + a + "\ndirect:   " + b;
  }

  private static AttributeList direct(byte[] bytes) {
    StructureScanner.Result scan =
        StructureScanner.scan(bytes, LIMITS.maxDepth() * 2 + 16, LIMITS.maxBytes());
    if (scan.fatal() != null || scan.truncation() != null) {
      return null;
    }
    return DirectPart10Parser.parse(bytes, scan.transferSyntax());
  }

  private static String document(PixelMedSrReader reader, AttributeList list) {
    try {
      SrDocument d = reader.checkAndBuild(list, "oracle", new ArrayList<>());
      return d.toString();
    } catch (SrReadException e) {
      return "rejected: " + e.getMessage();
    }
  }

  private static String compare(AttributeList expected, AttributeList actual, String at) {
    if (!expected.keySet().equals(actual.keySet())) {
      return at + ": tags differ: " + expected.keySet() + " vs " + actual.keySet();
    }
    for (Map.Entry<AttributeTag, Attribute> e : expected.entrySet()) {
      Attribute x = e.getValue();
      Attribute y = actual.get(e.getKey());
      String where = at + "/" + e.getKey();
      if (x.getClass() != y.getClass()) {
        return where + ": " + x.getClass().getSimpleName() + " vs " + y.getClass().getSimpleName();
      }
      if (x instanceof SequenceAttribute sx) {
        SequenceAttribute sy = (SequenceAttribute) y;
        if (sx.getNumberOfItems() != sy.getNumberOfItems()) {
          return where + ": " + sx.getNumberOfItems() + " vs " + sy.getNumberOfItems() + " items";
        }
        Iterator<com.pixelmed.dicom.SequenceItem> ix = sx.iterator();
        Iterator<com.pixelmed.dicom.SequenceItem> iy = sy.iterator();
        for (int i = 1; ix.hasNext(); i++) {
          String d = compare(ix.next().getAttributeList(), iy.next().getAttributeList(), where + i);
          if (d != null) {
            return d;
          }
        }
        continue;
      }
      if (x.getVM() != y.getVM()) {
        return where + ": VM " + x.getVM() + " vs " + y.getVM();
      }
      List<String> vx = values(x);
      List<String> vy = values(y);
      if (!vx.equals(vy)) {
        return where + ": " + vx + " vs " + vy;
      }
    }
    return null;
  }

  private static List<String> values(Attribute a) {
    List<String> out = new ArrayList<>();
    try {
      String[] o = a.getOriginalStringValues();
      out.add("original=" + (o == null ? null : Arrays.asList(o)));
    } catch (Exception e) {
      out.add("original threw " + e.getClass().getSimpleName());
    }
    try {
      String[] s = a.getStringValues();
      out.add("strings=" + (s == null ? null : Arrays.asList(s)));
    } catch (Exception e) {
      out.add("strings threw " + e.getClass().getSimpleName());
    }
    try {
      double[] d = a.getDoubleValues();
      out.add("doubles=" + (d == null ? null : Arrays.toString(d)));
    } catch (Exception e) {
      out.add("doubles threw " + e.getClass().getSimpleName());
    }
    try {
      long[] l = a.getLongValues();
      out.add("longs=" + (l == null ? null : Arrays.toString(l)));
    } catch (Exception e) {
      out.add("longs threw " + e.getClass().getSimpleName());
    }
    if (!(a instanceof com.pixelmed.dicom.OtherByteAttribute)) {
      // PixelMed keeps the raw bytes of a string value, the direct parse only the decoded value
      // (the reader never reads string bytes); numbers are compared as numbers above
      return out;
    }
    try {
      byte[] b = a.getByteValues();
      out.add("bytes=" + (b == null ? null : Arrays.hashCode(b) + "/" + b.length));
    } catch (Exception e) {
      out.add("bytes threw " + e.getClass().getSimpleName());
    }
    return out;
  }
}
