package org.radassist.drafting.internal.engine;

import java.util.List;
import java.util.Map;

/**
 * Turns speech-recognition artefacts into written text: spoken numbers become digits ("eight point
 * two mm" -> "8.2 mm", "forty five" -> "45"), "by" between numbers becomes "x", and spoken
 * punctuation ("period", "comma") becomes the mark. "colon" is left alone here: after a section
 * header it marks the header, elsewhere it is the organ.
 */
final class SpeechNormalizer {
  private static final Map<String, Integer> UNITS =
      Map.ofEntries(
          Map.entry("zero", 0),
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9));
  private static final Map<String, Integer> TEENS =
      Map.ofEntries(
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("thirteen", 13),
          Map.entry("fourteen", 14),
          Map.entry("fifteen", 15),
          Map.entry("sixteen", 16),
          Map.entry("seventeen", 17),
          Map.entry("eighteen", 18),
          Map.entry("nineteen", 19));
  private static final Map<String, Integer> TENS =
      Map.of(
          "twenty", 20, "thirty", 30, "forty", 40, "fifty", 50, "sixty", 60, "seventy", 70,
          "eighty", 80, "ninety", 90);

  private final PhraseMatcher<String> punctuation = new PhraseMatcher<>();

  SpeechNormalizer(Map<String, String> spokenPunctuation) {
    spokenPunctuation.forEach(punctuation::add);
  }

  String normalize(String text) {
    List<Token> tokens = Token.tokenize(text);
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    int i = 0;
    while (i < tokens.size()) {
      Token t = tokens.get(i);
      // a spoken MR sequence name, "t two" -> "T2" (a digit after a letter reads as a score
      // otherwise: "t 2 score 3")
      if (t.norm().equals("t")
          && i + 1 < tokens.size()
          && (tokens.get(i + 1).norm().equals("one") || tokens.get(i + 1).norm().equals("two"))
          && !(i + 2 < tokens.size() && tokens.get(i + 2).norm().equals("point"))) {
        out.append(text, copied, t.start()).append('T').append(UNITS.get(tokens.get(i + 1).norm()));
        copied = tokens.get(i + 1).end();
        i += 2;
        continue;
      }
      int[] consumed = new int[1];
      String number = number(tokens, i, consumed);
      if (number != null) {
        out.append(text, copied, t.start()).append(number);
        copied = tokens.get(i + consumed[0] - 1).end();
        i += consumed[0];
        // "3.5 by 2.1" -> "3.5 x 2.1"
        if (i + 1 < tokens.size()
            && tokens.get(i).norm().equals("by")
            && (isNumber(tokens, i + 1))) {
          out.append(text, copied, tokens.get(i).start()).append('x');
          copied = tokens.get(i).end();
          i++;
        }
        continue;
      }
      PhraseMatcher.Entry<String> p = punctuation.longestAt(tokens, i);
      if (p != null) {
        int trimmed = out.length();
        out.append(text, copied, t.start());
        // the mark attaches to the word before it
        int k = out.length();
        while (k > trimmed && Character.isWhitespace(out.charAt(k - 1))) {
          k--;
        }
        out.setLength(Math.max(k, 0));
        out.append(p.value());
        copied = tokens.get(i + p.words().size() - 1).end();
        i += p.words().size();
        continue;
      }
      i++;
    }
    out.append(text, copied, text.length());
    return out.toString();
  }

  private boolean isNumber(List<Token> tokens, int i) {
    String w = tokens.get(i).norm();
    return Character.isDigit(w.charAt(0)) || number(tokens, i, new int[1]) != null;
  }

  /**
   * A spoken number starting at token i ("forty five", "one hundred twenty", "eight point two",
   * "point five"), or null; consumed[0] receives the number of tokens.
   */
  static String number(List<Token> tokens, int i, int[] consumed) {
    String mixed = digitsPointDigits(tokens, i, consumed);
    if (mixed != null) {
      return mixed;
    }
    int j = i;
    long value = -1;
    // integer part
    Integer w = wordValue(tokens, j);
    if (w != null) {
      value = 0;
      long current = w;
      j++;
      boolean lastWasTens = TENS.containsKey(tokens.get(j - 1).norm());
      while (j < tokens.size()) {
        String s = tokens.get(j).norm();
        if (s.equals("hundred") && current > 0 && current < 10) {
          current *= 100;
          lastWasTens = false;
          j++;
          if (j < tokens.size()
              && tokens.get(j).norm().equals("and")
              && wordValue(tokens, j + 1) != null) {
            j++;
          }
        } else if (lastWasTens && UNITS.containsKey(s) && UNITS.get(s) > 0) {
          current += UNITS.get(s);
          lastWasTens = false;
          j++;
        } else if (current >= 100 && current % 100 == 0 && wordValue(tokens, j) != null) {
          int v = wordValue(tokens, j);
          current += v;
          lastWasTens = TENS.containsKey(s);
          j++;
        } else {
          break;
        }
      }
      value += current;
    }
    StringBuilder b = new StringBuilder();
    if (value >= 0) {
      b.append(value);
    }
    if (j + 1 < tokens.size() && tokens.get(j).norm().equals("point")) {
      int k = j + 1;
      StringBuilder digits = new StringBuilder();
      while (k < tokens.size() && UNITS.containsKey(tokens.get(k).norm())) {
        digits.append(UNITS.get(tokens.get(k).norm()));
        k++;
      }
      if (digits.length() > 0) {
        b.append(value >= 0 ? "" : "0").append('.').append(digits);
        j = k;
      }
    }
    if (b.length() == 0) {
      return null;
    }
    consumed[0] = j - i;
    return b.toString();
  }

  private static Integer wordValue(List<Token> tokens, int j) {
    if (j >= tokens.size()) {
      return null;
    }
    String s = tokens.get(j).norm();
    Integer v = UNITS.get(s);
    if (v == null) {
      v = TEENS.get(s);
    }
    if (v == null) {
      v = TENS.get(s);
    }
    return v;
  }

  /**
   * Digits with a spoken decimal point ("9 point 2", "12 point 5"), as recognisers write them when
   * they give digits but not the point: "9.2".
   */
  private static String digitsPointDigits(List<Token> tokens, int i, int[] consumed) {
    if (i + 2 >= tokens.size()
        || !tokens.get(i).norm().matches("\\d+")
        || !tokens.get(i + 1).norm().equals("point")) {
      return null;
    }
    String after = tokens.get(i + 2).norm();
    String decimals =
        after.matches("\\d+")
            ? after
            : UNITS.containsKey(after) ? String.valueOf(UNITS.get(after)) : null;
    if (decimals == null) {
      return null;
    }
    consumed[0] = 3;
    return tokens.get(i).norm() + "." + decimals;
  }
}
