package org.radassist.sr.internal.read;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A bounds-checking pass over the raw element structure, run before PixelMed parses a file.
 * PixelMed recurses once per sequence level (a 100,000-deep file overflows any thread stack) and
 * logs rather than reports truncation, so this iterative scan measures the nesting depth and finds
 * where a file is cut short without building anything.
 */
final class StructureScanner {

  /**
   * What the scan found.
   *
   * @param fatal why the file must not be parsed at all (nesting past the cap, deflate bomb), or
   *     null
   * @param truncation why the file is cut short, or null
   */
  record Result(String transferSyntax, int maxSequenceDepth, String fatal, String truncation) {}

  private static final long UNDEFINED = 0xFFFFFFFFL;
  private static final byte SEQUENCE = 1;
  private static final byte ITEM = 2;
  private static final byte FRAGMENTS = 3;

  private static final int CONTENT_SEQUENCE = 0x0040_A730;

  private final byte[] b;
  private final int maxSequenceDepth;
  private int maxContentItems = Integer.MAX_VALUE;
  private int contentItems;
  private boolean bigEndian;
  private boolean explicitVr = true;

  private StructureScanner(byte[] bytes, int maxSequenceDepth) {
    this.b = bytes;
    this.maxSequenceDepth = maxSequenceDepth;
  }

  /** Scans {@code bytes}; inflated data of deflated files is capped at {@code maxInflated}. */
  static Result scan(byte[] bytes, int maxSequenceDepth, long maxInflated) {
    return scan(bytes, maxSequenceDepth, maxInflated, Integer.MAX_VALUE);
  }

  /**
   * As {@link #scan(byte[], int, long)}, and fatal when the Content Sequences hold more than {@code
   * maxContentItems} items: counted before any parse, so a huge report is refused before the parse
   * runs out of memory (each item costs far more as attributes than as bytes).
   */
  static Result scan(byte[] bytes, int maxSequenceDepth, long maxInflated, int maxContentItems) {
    StructureScanner s = new StructureScanner(bytes, maxSequenceDepth);
    s.maxContentItems = maxContentItems;
    int pos = 0;
    String ts = null;
    boolean meta = false;
    if (bytes.length >= 132
        && bytes[128] == 'D'
        && bytes[129] == 'I'
        && bytes[130] == 'C'
        && bytes[131] == 'M') {
      pos = 132;
      meta = true;
    } else if (bytes.length >= 6 && bytes[0] == 2 && bytes[1] == 0 && isVr(bytes, 4)) {
      meta = true; // meta header without preamble
    }
    if (meta) {
      // the meta header is always explicit VR little endian
      while (pos + 8 <= bytes.length && s.u16(pos) == 0x0002) {
        int element = s.u16(pos + 2);
        boolean longForm = isLongVr(bytes, pos + 4);
        long len;
        int header;
        if (longForm) {
          if (pos + 12 > bytes.length) {
            return new Result(ts, 0, null, "file ends inside the File Meta Information");
          }
          len = s.u32(pos + 8);
          header = 12;
        } else {
          len = s.u16(pos + 6);
          header = 8;
        }
        if (pos + header + len > bytes.length) {
          return new Result(ts, 0, null, "file ends inside the File Meta Information");
        }
        if (element == 0x0010) {
          ts = new String(bytes, pos + header, (int) len, StandardCharsets.US_ASCII).trim();
          int nul = ts.indexOf('\0');
          if (nul >= 0) {
            ts = ts.substring(0, nul);
          }
        }
        pos += header + (int) len;
      }
    }
    if (ts == null) {
      // no meta header: guess like PixelMed (explicit when a VR follows the first tag)
      s.explicitVr = bytes.length >= pos + 6 && isVr(bytes, pos + 4);
      ts = s.explicitVr ? "1.2.840.10008.1.2.1" : "1.2.840.10008.1.2";
    } else if (ts.equals("1.2.840.10008.1.2")) {
      s.explicitVr = false;
    } else if (ts.equals("1.2.840.10008.1.2.2")) {
      s.bigEndian = true;
    } else if (ts.equals("1.2.840.10008.1.2.1.99")) {
      byte[] inflated;
      try {
        inflated = inflate(bytes, pos, maxInflated);
      } catch (DataFormatException e) {
        return new Result(ts, 0, null, "deflated data set is corrupt (" + e.getMessage() + ")");
      }
      if (inflated == null) {
        return new Result(ts, 0, "deflated data set inflates past " + maxInflated + " bytes", null);
      }
      StructureScanner inner = new StructureScanner(inflated, maxSequenceDepth);
      inner.maxContentItems = maxContentItems;
      Result r = inner.scanDataSet(0);
      return new Result(ts, r.maxSequenceDepth, r.fatal, r.truncation);
    }
    Result r = s.scanDataSet(pos);
    return new Result(ts, r.maxSequenceDepth, r.fatal, r.truncation);
  }

  private Result scanDataSet(int start) {
    long[] ends = new long[64];
    byte[] kinds = new byte[64];
    int[] tags = new int[64];
    int sp = 0;
    int seqDepth = 0;
    int maxDepth = 0;
    long pos = start;
    final long n = b.length;
    while (true) {
      while (sp > 0 && ends[sp - 1] != -1 && pos >= ends[sp - 1]) {
        if (pos > ends[sp - 1]) {
          return new Result(
              null, maxDepth, null, "an element overruns its enclosing item at byte " + pos);
        }
        if (kinds[sp - 1] == SEQUENCE) {
          seqDepth--;
        }
        sp--;
      }
      if (pos >= n) {
        if (sp > 0) {
          return new Result(
              null, maxDepth, null, "file ends inside an undefined-length sequence or item");
        }
        return new Result(null, maxDepth, null, null);
      }
      if (pos + 8 > n) {
        return new Result(
            null, maxDepth, null, "file ends inside an element header at byte " + pos);
      }
      int p = (int) pos;
      int group = u16(p);
      int element = u16(p + 2);
      if (group == 0xFFFE) {
        long len = u32(p + 4);
        pos += 8;
        byte top = sp > 0 ? kinds[sp - 1] : 0;
        if (element == 0xE000) {
          if (top == FRAGMENTS) {
            if (pos + len > n) {
              return truncated(maxDepth, group, element, p, len);
            }
            pos += len;
          } else {
            if (len != UNDEFINED && pos + len > n) {
              return truncated(maxDepth, group, element, p, len);
            }
            if (sp == ends.length) {
              ends = java.util.Arrays.copyOf(ends, sp * 2);
              kinds = java.util.Arrays.copyOf(kinds, sp * 2);
              tags = java.util.Arrays.copyOf(tags, sp * 2);
            }
            if (top == SEQUENCE && tags[sp - 1] == CONTENT_SEQUENCE) {
              if (++contentItems > maxContentItems) {
                return new Result(
                    null,
                    maxDepth,
                    "more than "
                        + maxContentItems
                        + " content items (the maxItems cap; item "
                        + contentItems
                        + " starts at byte "
                        + p
                        + ")",
                    null);
              }
            }
            ends[sp] = len == UNDEFINED ? -1 : pos + len;
            tags[sp] = 0;
            kinds[sp++] = ITEM;
          }
        } else if (element == 0xE00D) {
          if (top == ITEM && ends[sp - 1] == -1) {
            sp--;
          }
        } else if (element == 0xE0DD) {
          if (top == ITEM && ends[sp - 1] == -1) {
            sp--; // tolerate a missing item delimiter
            top = sp > 0 ? kinds[sp - 1] : 0;
          }
          if ((top == SEQUENCE || top == FRAGMENTS) && ends[sp - 1] == -1) {
            if (top == SEQUENCE) {
              seqDepth--;
            }
            sp--;
          }
        }
        continue;
      }
      long len;
      int header;
      boolean sequence;
      if (explicitVr) {
        if (isLongVr(b, p + 4) || !isVr(b, p + 4)) {
          if (pos + 12 > n) {
            return new Result(
                null, maxDepth, null, "file ends inside an element header at byte " + pos);
          }
          len = u32(p + 8);
          header = 12;
        } else {
          len = u16(p + 6);
          header = 8;
        }
        sequence =
            (b[p + 4] == 'S' && b[p + 5] == 'Q')
                || (len == UNDEFINED && b[p + 4] == 'U' && b[p + 5] == 'N');
      } else {
        len = u32(p + 4);
        header = 8;
        sequence = len == UNDEFINED || looksLikeItem(p + 8, len);
      }
      pos += header;
      if (sequence || len == UNDEFINED) {
        if (len != UNDEFINED && pos + len > n) {
          return truncated(maxDepth, group, element, p, len);
        }
        if (sp == ends.length) {
          ends = java.util.Arrays.copyOf(ends, sp * 2);
          kinds = java.util.Arrays.copyOf(kinds, sp * 2);
          tags = java.util.Arrays.copyOf(tags, sp * 2);
        }
        ends[sp] = len == UNDEFINED ? -1 : pos + len;
        tags[sp] = (group << 16) | element;
        if (sequence) {
          kinds[sp++] = SEQUENCE;
          seqDepth++;
          if (seqDepth > maxDepth) {
            maxDepth = seqDepth;
          }
          if (seqDepth > maxSequenceDepth) {
            return new Result(
                null,
                maxDepth,
                "sequences nested more than "
                    + maxSequenceDepth
                    + " levels deep (at byte "
                    + p
                    + ")",
                null);
          }
        } else {
          kinds[sp++] = FRAGMENTS; // encapsulated pixel data
        }
      } else {
        if (pos + len > n) {
          return truncated(maxDepth, group, element, p, len);
        }
        pos += len;
      }
    }
  }

  private boolean looksLikeItem(int p, long len) {
    return len >= 8 && p + 4 <= b.length && u16(p) == 0xFFFE && u16(p + 2) == 0xE000;
  }

  private Result truncated(int depth, int group, int element, int at, long len) {
    return new Result(
        null,
        depth,
        null,
        String.format(
            "file is truncated: element (%04X,%04X) at byte %d declares %d bytes, only %d remain",
            group, element, at, len, Math.max(0, b.length - at)));
  }

  private int u16(int p) {
    return bigEndian
        ? ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF)
        : (b[p] & 0xFF) | ((b[p + 1] & 0xFF) << 8);
  }

  private long u32(int p) {
    long v =
        bigEndian
            ? ((long) (b[p] & 0xFF) << 24)
                | ((b[p + 1] & 0xFF) << 16)
                | ((b[p + 2] & 0xFF) << 8)
                | (b[p + 3] & 0xFF)
            : (b[p] & 0xFF)
                | ((b[p + 1] & 0xFF) << 8)
                | ((b[p + 2] & 0xFF) << 16)
                | ((long) (b[p + 3] & 0xFF) << 24);
    return v & 0xFFFFFFFFL;
  }

  private static boolean isVr(byte[] b, int p) {
    return p + 2 <= b.length && b[p] >= 'A' && b[p] <= 'Z' && b[p + 1] >= 'A' && b[p + 1] <= 'Z';
  }

  private static boolean isLongVr(byte[] b, int p) {
    if (p + 2 > b.length) {
      return false;
    }
    char c0 = (char) b[p];
    char c1 = (char) b[p + 1];
    return switch (c0) {
      case 'O' -> c1 == 'B' || c1 == 'D' || c1 == 'F' || c1 == 'L' || c1 == 'V' || c1 == 'W';
      case 'S' -> c1 == 'Q' || c1 == 'V';
      case 'U' -> c1 == 'C' || c1 == 'N' || c1 == 'R' || c1 == 'T' || c1 == 'V';
      default -> false;
    };
  }

  /** Inflates a raw deflate stream; null when it exceeds {@code max} (a deflate bomb). */
  private static byte[] inflate(byte[] bytes, int offset, long max) throws DataFormatException {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(bytes, offset, bytes.length - offset);
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
      byte[] buf = new byte[65536];
      while (!inflater.finished()) {
        int k = inflater.inflate(buf);
        if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        out.write(buf, 0, k);
        if (out.size() > max) {
          return null;
        }
      }
      return out.toByteArray();
    } finally {
      inflater.end();
    }
  }
}
