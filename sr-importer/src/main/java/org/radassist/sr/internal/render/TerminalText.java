package org.radassist.sr.internal.render;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Document text made harmless for a terminal: C0 and C1 control characters, DEL and the Unicode
 * bidirectional overrides can move the cursor, rewrite a line or recolour the screen (an SR whose
 * text holds ESC, BEL or CR could print "FAKE: report verified OK" over a real line), so each is
 * shown as a visible escape (backslash-e for ESC, backslash-r for CR, backslash-u plus four hex
 * digits for the rest).
 */
public final class TerminalText {
  private TerminalText() {}

  /** Whether the character must not reach a terminal as is (line feed and tab excluded). */
  public static boolean unsafe(char c) {
    return (c < 0x20 && c != '\n' && c != '\t')
        || (c >= 0x7f && c <= 0x9f)
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200e
        || c == 0x200f
        || c == 0x061c;
  }

  /** Escapes every unsafe character; line feeds and tabs are kept (the caller's layout). */
  public static String escape(String s) {
    if (s == null) {
      return "null";
    }
    int i = 0;
    while (i < s.length() && !unsafe(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s; // the common case: nothing to do, no copy
    }
    StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (unsafe(c)) {
        appendEscape(c, b);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** Escapes line feeds and tabs too: for values that must stay on one line. */
  public static String escapeLine(String s) {
    String e = escape(s);
    if (e.indexOf('\n') < 0 && e.indexOf('\t') < 0) {
      return e;
    }
    return e.replace("\n", "\\n").replace("\t", "\\t");
  }

  /** A writer that escapes like {@link #escape} (for output written through a Writer). */
  public static java.io.Writer writer(java.io.Writer target) {
    return new java.io.FilterWriter(target) {
      @Override
      public void write(int c) throws java.io.IOException {
        if (unsafe((char) c)) {
          StringBuilder b = new StringBuilder(6);
          appendEscape((char) c, b);
          out.write(b.toString());
        } else {
          out.write(c);
        }
      }

      @Override
      public void write(char[] cbuf, int off, int len) throws java.io.IOException {
        write(new String(cbuf, off, len), 0, len);
      }

      @Override
      public void write(String str, int off, int len) throws java.io.IOException {
        out.write(escape(str.substring(off, off + len)));
      }
    };
  }

  static void appendEscape(char c, StringBuilder b) {
    switch (c) {
      case 0x1b -> b.append("\\e");
      case '\r' -> b.append("\\r");
      case 0x07 -> b.append("\\a");
      case '\b' -> b.append("\\b");
      case '\f' -> b.append("\\f");
      case 0 -> b.append("\\0");
      default -> b.append(String.format("\\u%04x", (int) c));
    }
  }

  /**
   * A UTF-8 print stream that escapes what it is given as strings and characters: every line the
   * CLI prints passes through {@link #escape} (JSON output included: Jackson already escapes C0
   * controls inside strings, and the backslash-u form is the same character in JSON).
   */
  public static PrintStream safe(PrintStream target) {
    return new PrintStream(target, true, StandardCharsets.UTF_8) {
      @Override
      public void print(String s) {
        super.print(escape(s));
      }

      @Override
      public void println(String s) {
        super.println(escape(s));
      }

      @Override
      public void print(Object o) {
        print(String.valueOf(o));
      }

      @Override
      public void println(Object o) {
        println(String.valueOf(o));
      }

      @Override
      public void print(char c) {
        print(String.valueOf(c));
      }
    };
  }
}
