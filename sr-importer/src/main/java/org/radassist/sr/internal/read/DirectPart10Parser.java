package org.radassist.sr.internal.read;

import com.pixelmed.dicom.AgeStringAttribute;
import com.pixelmed.dicom.ApplicationEntityAttribute;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DateAttribute;
import com.pixelmed.dicom.DateTimeAttribute;
import com.pixelmed.dicom.DecimalStringAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FloatDoubleAttribute;
import com.pixelmed.dicom.FloatSingleAttribute;
import com.pixelmed.dicom.IntegerStringAttribute;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.LongTextAttribute;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.PersonNameAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.ShortStringAttribute;
import com.pixelmed.dicom.ShortTextAttribute;
import com.pixelmed.dicom.SignedLongAttribute;
import com.pixelmed.dicom.SignedShortAttribute;
import com.pixelmed.dicom.TimeAttribute;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import com.pixelmed.dicom.UniversalResourceAttribute;
import com.pixelmed.dicom.UnlimitedCharactersAttribute;
import com.pixelmed.dicom.UnlimitedTextAttribute;
import com.pixelmed.dicom.UnsignedLongAttribute;
import com.pixelmed.dicom.UnsignedShortAttribute;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parses the plain, well-formed case of a Part 10 file straight into a PixelMed {@link
 * AttributeList} with the same attributes and values PixelMed's own parse gives. Why: PixelMed
 * 20220618 builds trace-log strings for every element and string value whether or not tracing is on
 * (hex dumps, tag names, character dumps): for the 1.27 MB fluoroscopy RDSR that is ~170 MB of
 * garbage and most of the read time.
 *
 * <p>Covered: a preamble + File Meta file in Explicit VR Little Endian, undefined or defined length
 * sequences and items, the string VRs, US/SS/UL/SL/FL/FD and OB, and a single-valued Specific
 * Character Set of none, ISO_IR 100 or ISO_IR 192 at the top level. Anything else (other transfer
 * syntaxes, UN/OW/AT and other VRs, private elements, odd value lengths, nested or multi-valued
 * character sets, structure errors) makes {@link #parse} return null and the caller reads the file
 * with PixelMed as before. It walks iteratively, so nesting costs heap, not stack; callers run
 * {@link StructureScanner} first, which caps the depth and finds truncation.
 */
final class DirectPart10Parser {

  static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

  private static final long UNDEFINED = 0xFFFFFFFFL;
  private static final int NO_END = -1;

  /** Thrown (without a stack trace) for anything outside the covered subset. */
  private static final class NotCovered extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotCovered() {
      super(null, null, false, false);
    }
  }

  private static final NotCovered NOT_COVERED = new NotCovered();

  private final byte[] b;
  // PixelMed decodes values not affected by the character set, and all values when none is
  // given, with new String(bytes): the platform charset
  private final Charset plain = Charset.defaultCharset();
  private Charset specific = plain;

  private DirectPart10Parser(byte[] bytes) {
    this.b = bytes;
  }

  /**
   * The data set (File Meta included, as PixelMed reads it), or null when the file is outside the
   * covered subset.
   *
   * @param transferSyntax the transfer syntax {@link StructureScanner} found
   */
  static AttributeList parse(byte[] bytes, String transferSyntax) {
    if (!EXPLICIT_VR_LITTLE_ENDIAN.equals(transferSyntax)
        || bytes.length < 132
        || bytes[128] != 'D'
        || bytes[129] != 'I'
        || bytes[130] != 'C'
        || bytes[131] != 'M') {
      return null;
    }
    try {
      return new DirectPart10Parser(bytes).dataSet(132);
    } catch (DicomException | RuntimeException e) {
      return null; // NotCovered, or anything unforeseen: PixelMed reads the file as before
    }
  }

  private AttributeList dataSet(int start) throws DicomException {
    AttributeList root = new AttributeList();
    // open sequences and items: what they are, where they end (NO_END: undefined length)
    Object[] open = new Object[32];
    long[] ends = new long[32];
    int sp = 0;
    AttributeList current = root;
    final int n = b.length;
    int pos = start;
    boolean inMeta = true;
    while (true) {
      while (sp > 0 && ends[sp - 1] != NO_END && pos >= ends[sp - 1]) {
        if (pos > ends[sp - 1]) {
          throw NOT_COVERED;
        }
        sp--;
        current = currentList(open, sp, root);
      }
      if (pos == n) {
        if (sp > 0) {
          throw NOT_COVERED;
        }
        return root;
      }
      if (pos + 8 > n) {
        throw NOT_COVERED;
      }
      int group = u16(pos);
      int element = u16(pos + 2);
      boolean inSequence = sp > 0 && open[sp - 1] instanceof SequenceAttribute;
      if (group == 0xFFFE) {
        long len = u32(pos + 4);
        pos += 8;
        if (element == 0xE000 && inSequence) {
          if (len != UNDEFINED && pos + len > n) {
            throw NOT_COVERED;
          }
          AttributeList item = new AttributeList();
          ((SequenceAttribute) open[sp - 1]).addItem(item);
          if (sp == open.length) {
            open = Arrays.copyOf(open, sp * 2);
            ends = Arrays.copyOf(ends, sp * 2);
          }
          open[sp] = item;
          ends[sp++] = len == UNDEFINED ? NO_END : pos + len;
          current = item;
        } else if (element == 0xE00D && !inSequence && sp > 0 && ends[sp - 1] == NO_END) {
          if (len != 0) {
            throw NOT_COVERED;
          }
          sp--;
          current = currentList(open, sp, root);
        } else if (element == 0xE0DD && inSequence && ends[sp - 1] == NO_END) {
          if (len != 0) {
            throw NOT_COVERED;
          }
          sp--;
          current = currentList(open, sp, root);
        } else {
          throw NOT_COVERED;
        }
        continue;
      }
      if (group != 0x0002) {
        inMeta = false;
      } else if (!inMeta || sp > 0) {
        throw NOT_COVERED; // File Meta out of place
      }
      if (inSequence || group < 0x0002 || (group & 1) != 0) {
        // an element outside an item, a command element, or a private one (PixelMed may
        // override a private element's VR)
        throw NOT_COVERED;
      }
      char c0 = (char) b[pos + 4];
      char c1 = (char) b[pos + 5];
      long len;
      int header;
      if (longForm(c0, c1)) {
        if (pos + 12 > n || b[pos + 6] != 0 || b[pos + 7] != 0) {
          throw NOT_COVERED; // PixelMed reads a long-form header with reserved bytes set otherwise
        }
        len = u32(pos + 8);
        header = 12;
      } else {
        len = u16(pos + 6);
        header = 8;
      }
      AttributeTag tag = new AttributeTag(group, element);
      pos += header;
      if (c0 == 'S' && c1 == 'Q') {
        if (len != UNDEFINED && pos + len > n) {
          throw NOT_COVERED;
        }
        SequenceAttribute seq = new SequenceAttribute(tag);
        current.put(tag, seq);
        if (sp == open.length) {
          open = Arrays.copyOf(open, sp * 2);
          ends = Arrays.copyOf(ends, sp * 2);
        }
        open[sp] = seq;
        ends[sp++] = len == UNDEFINED ? NO_END : pos + len;
        continue;
      }
      if (len == UNDEFINED || pos + len > n) {
        throw NOT_COVERED;
      }
      int length = (int) len;
      Attribute a = leaf(tag, c0, c1, pos, length);
      if (group == 0x0008 && element == 0x0005) {
        if (sp > 0) {
          throw NOT_COVERED; // PixelMed's handling of a nested character set is not mirrored
        }
        specific = characterSet(a);
      }
      current.put(tag, a);
      pos += length;
    }
  }

  private static AttributeList currentList(Object[] open, int sp, AttributeList root) {
    for (int i = sp - 1; i >= 0; i--) {
      if (open[i] instanceof AttributeList l) {
        return l;
      }
    }
    return root;
  }

  private Attribute leaf(AttributeTag tag, char c0, char c1, int pos, int len)
      throws DicomException {
    switch (c0 << 8 | c1) {
      case 'A' << 8 | 'E':
        return strings(new ApplicationEntityAttribute(tag), pos, len, plain);
      case 'A' << 8 | 'S':
        return strings(new AgeStringAttribute(tag), pos, len, plain);
      case 'C' << 8 | 'S':
        return strings(new CodeStringAttribute(tag), pos, len, plain);
      case 'D' << 8 | 'A':
        return strings(new DateAttribute(tag), pos, len, plain);
      case 'D' << 8 | 'S':
        return strings(new DecimalStringAttribute(tag), pos, len, plain);
      case 'D' << 8 | 'T':
        return strings(new DateTimeAttribute(tag), pos, len, plain);
      case 'I' << 8 | 'S':
        return strings(new IntegerStringAttribute(tag), pos, len, plain);
      case 'L' << 8 | 'O':
        return strings(new LongStringAttribute(tag), pos, len, specific);
      case 'L' << 8 | 'T':
        return strings(new LongTextAttribute(tag), pos, len, specific);
      case 'P' << 8 | 'N':
        return strings(new PersonNameAttribute(tag), pos, len, specific);
      case 'S' << 8 | 'H':
        return strings(new ShortStringAttribute(tag), pos, len, specific);
      case 'S' << 8 | 'T':
        return strings(new ShortTextAttribute(tag), pos, len, specific);
      case 'T' << 8 | 'M':
        return strings(new TimeAttribute(tag), pos, len, plain);
      case 'U' << 8 | 'C':
        return strings(new UnlimitedCharactersAttribute(tag), pos, len, specific);
      case 'U' << 8 | 'I':
        return strings(new UniqueIdentifierAttribute(tag), pos, len, plain);
      case 'U' << 8 | 'R':
        return strings(new UniversalResourceAttribute(tag), pos, len, plain);
      case 'U' << 8 | 'T':
        return strings(new UnlimitedTextAttribute(tag), pos, len, specific);
      case 'U' << 8 | 'S':
        {
          short[] v = new short[count(len, 2)];
          for (int i = 0; i < v.length; i++) {
            v[i] = (short) u16(pos + 2 * i);
          }
          UnsignedShortAttribute a = new UnsignedShortAttribute(tag);
          if (v.length > 0) {
            a.setValues(v);
          }
          return a;
        }
      case 'S' << 8 | 'S':
        {
          short[] v = new short[count(len, 2)];
          for (int i = 0; i < v.length; i++) {
            v[i] = (short) u16(pos + 2 * i);
          }
          SignedShortAttribute a = new SignedShortAttribute(tag);
          if (v.length > 0) {
            a.setValues(v);
          }
          return a;
        }
      case 'U' << 8 | 'L':
        {
          int[] v = new int[count(len, 4)];
          for (int i = 0; i < v.length; i++) {
            v[i] = (int) u32(pos + 4 * i);
          }
          UnsignedLongAttribute a = new UnsignedLongAttribute(tag);
          if (v.length > 0) {
            a.setValues(v);
          }
          return a;
        }
      case 'S' << 8 | 'L':
        {
          int[] v = new int[count(len, 4)];
          for (int i = 0; i < v.length; i++) {
            v[i] = (int) u32(pos + 4 * i);
          }
          SignedLongAttribute a = new SignedLongAttribute(tag);
          if (v.length > 0) {
            a.setValues(v);
          }
          return a;
        }
      case 'F' << 8 | 'L':
        {
          FloatSingleAttribute a = new FloatSingleAttribute(tag);
          for (int i = 0, k = count(len, 4); i < k; i++) {
            a.addValue(Float.intBitsToFloat((int) u32(pos + 4 * i)));
          }
          return a;
        }
      case 'F' << 8 | 'D':
        {
          FloatDoubleAttribute a = new FloatDoubleAttribute(tag);
          for (int i = 0, k = count(len, 8); i < k; i++) {
            long lo = u32(pos + 8 * i);
            long hi = u32(pos + 8 * i + 4);
            a.addValue(Double.longBitsToDouble(hi << 32 | lo));
          }
          return a;
        }
      case 'O' << 8 | 'B':
        {
          OtherByteAttribute a = new OtherByteAttribute(tag);
          if (len > 0) {
            a.setValues(Arrays.copyOfRange(b, pos, pos + len));
          }
          return a;
        }
      default:
        throw NOT_COVERED;
    }
  }

  private static int count(int len, int size) {
    if (len % size != 0) {
      throw NOT_COVERED;
    }
    return len / size;
  }

  /** Decodes and splits at backslashes exactly as PixelMed's StringAttribute does. */
  private Attribute strings(Attribute a, int pos, int len, Charset cs) throws DicomException {
    if (len <= 0) {
      return a;
    }
    String s = new String(b, pos, len, cs);
    int n = s.length();
    int start = 0;
    int i = 0;
    while (true) {
      if (i >= n || s.charAt(i) == '\\') {
        a.addValue(s.substring(start, i));
        i++;
        start = i;
        if (i >= n) {
          return a;
        }
      } else {
        i++;
      }
    }
  }

  private Charset characterSet(Attribute a) {
    String[] v;
    try {
      v = a.getStringValues();
    } catch (DicomException e) {
      throw NOT_COVERED;
    }
    if (v == null || v.length != 1) {
      throw NOT_COVERED;
    }
    return switch (v[0].trim()) {
      case "ISO_IR 100" -> StandardCharsets.ISO_8859_1;
      case "ISO_IR 192" -> StandardCharsets.UTF_8;
      default -> throw NOT_COVERED;
    };
  }

  private static boolean longForm(char c0, char c1) {
    if (c0 < 'A' || c0 > 'Z' || c1 < 'A' || c1 > 'Z') {
      throw NOT_COVERED; // not an explicit VR
    }
    return switch (c0) {
      case 'O' -> c1 == 'B' || c1 == 'D' || c1 == 'F' || c1 == 'L' || c1 == 'V' || c1 == 'W';
      case 'S' -> c1 == 'Q' || c1 == 'V';
      case 'U' -> c1 == 'C' || c1 == 'N' || c1 == 'R' || c1 == 'T' || c1 == 'V';
      default -> false;
    };
  }

  private int u16(int p) {
    return (b[p] & 0xFF) | ((b[p + 1] & 0xFF) << 8);
  }

  private long u32(int p) {
    return ((b[p] & 0xFF)
            | ((b[p + 1] & 0xFF) << 8)
            | ((b[p + 2] & 0xFF) << 16)
            | ((long) (b[p + 3] & 0xFF) << 24))
        & 0xFFFFFFFFL;
  }
}
