package org.radassist.drafting.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Sentence boundaries and sentence-level tidying of report text. */
public final class Sentences {
  private static final Set<String> ABBREVIATIONS =
      // "Rt. kidney", "Lt. ovary": telegraphic sides end no sentence
      Set.of("dr", "mr", "mrs", "ms", "st", "vs", "approx", "e.g", "i.e", "fig", "rt", "lt");

  private static final java.util.regex.Pattern BARE_MARKER =
      java.util.regex.Pattern.compile("\\d{1,2}[.)]");
  private static final java.util.regex.Pattern PUNCTUATION_ONLY =
      java.util.regex.Pattern.compile("[.;,:!?\\s]+");
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
  private static final java.util.regex.Pattern SPACE_BEFORE_MARK =
      java.util.regex.Pattern.compile("\\s+([,;:.])");
  private static final java.util.regex.Pattern LEADING_MARKS =
      java.util.regex.Pattern.compile("^[,;:]+\\s*");
  private static final java.util.regex.Pattern TRAILING_MARKS =
      java.util.regex.Pattern.compile("[,;:]+$");
  private static final java.util.regex.Pattern DOTS = java.util.regex.Pattern.compile("\\.{2,}$");

  private Sentences() {}

  /** A sentence: [start, end) of the text, end after its full stop if any. */
  public record Span(int start, int end) {
    String of(String text) {
      return text.substring(start, end);
    }
  }

  /** Sentence spans, trimmed; a bare list marker ("1.") joins the sentence after it. */
  public static List<Span> split(String text) {
    List<Span> raw = new ArrayList<>();
    int n = text.length();
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean boundary = false;
      int end = i + 1;
      if (c == '\n' || c == '\r') {
        boundary = true;
        end = i;
      } else if (c == '.' || c == '!' || c == '?') {
        char next = i + 1 < n ? text.charAt(i + 1) : ' ';
        boolean decimal =
            c == '.' && i > 0 && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(next);
        boundary =
            !decimal
                && (Character.isWhitespace(next) || Character.isUpperCase(next) || i + 1 == n)
                && !(c == '.' && isAbbreviation(text, i) && !Character.isUpperCase(next));
      }
      if (boundary) {
        add(raw, text, start, end);
        start = i + 1;
      }
    }
    add(raw, text, start, n);
    List<Span> out = new ArrayList<>();
    Span marker = null;
    for (Span s : raw) {
      String t = s.of(text);
      if (BARE_MARKER.matcher(t).matches()) {
        marker = marker == null ? s : marker;
        continue;
      }
      out.add(marker == null ? s : new Span(marker.start(), s.end()));
      marker = null;
    }
    if (marker != null) {
      out.add(marker);
    }
    return out;
  }

  private static boolean isAbbreviation(String text, int dot) {
    int k = dot;
    while (k > 0 && (Character.isLetter(text.charAt(k - 1)) || text.charAt(k - 1) == '.')) {
      k--;
    }
    String word = text.substring(k, dot).toLowerCase(Locale.ROOT);
    return ABBREVIATIONS.contains(word);
  }

  private static void add(List<Span> out, String text, int start, int end) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start && !PUNCTUATION_ONLY.matcher(text.substring(start, end)).matches()) {
      out.add(new Span(start, end));
    }
  }

  /**
   * The text as tidy report sentences: whitespace collapsed, each sentence capitalised and ended
   * with a full stop, one space between sentences.
   */
  static String tidy(String text) {
    StringBuilder b = new StringBuilder(text.length() + 8);
    for (Span s : split(text)) {
      String t =
          SPACE_BEFORE_MARK
              .matcher(SPACES.matcher(s.of(text)).replaceAll(" "))
              .replaceAll("$1")
              .trim();
      t = TRAILING_MARKS.matcher(LEADING_MARKS.matcher(t).replaceAll("")).replaceAll("").trim();
      if (t.isEmpty()) {
        continue;
      }
      t = capitalise(t);
      char last = t.charAt(t.length() - 1);
      if (last != '.' && last != '!' && last != '?') {
        t = t + ".";
      }
      t = DOTS.matcher(t).replaceAll(".");
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(t);
    }
    return b.toString();
  }

  /** Upper-cases the first letter of a sentence (after a list marker such as "1. "). */
  public static String capitalise(String t) {
    int i = 0;
    java.util.regex.Matcher marker = LIST_MARKER.matcher(t);
    if (marker.lookingAt()) {
      i = marker.end();
    }
    if (i < t.length() && Character.isLowerCase(t.charAt(i))) {
      return t.substring(0, i) + Character.toUpperCase(t.charAt(i)) + t.substring(i + 1);
    }
    return t;
  }

  private static final java.util.regex.Pattern LIST_MARKER =
      java.util.regex.Pattern.compile("\\d{1,2}[.)]\\s+");
}
