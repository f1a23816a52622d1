package org.radassist.drafting.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A word (or a clause-breaking punctuation mark) of a text with its [start, end) offsets; {@code
 * norm} is the lower-case form matching uses. Words may contain inner '-', '/', '.' or '\'' between
 * letters or digits ("part-solid", "s/p", "8.2").
 */
public record Token(String norm, int start, int end) {

  public boolean isPunctuation() {
    return norm.length() == 1 && !Character.isLetterOrDigit(norm.charAt(0));
  }

  /** Splits text into words and the clause breakers ';' ':' ',' '(' ')'. */
  public static List<Token> tokenize(String text) {
    List<Token> out = new ArrayList<>();
    // one lower-casing for the whole text; ROOT lower-casing keeps offsets for these scripts
    String lower = text.toLowerCase(Locale.ROOT);
    boolean sameLength = lower.length() == text.length();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        int j = i + 1;
        while (j < n) {
          char d = text.charAt(j);
          if (Character.isLetterOrDigit(d)) {
            j++;
          } else if ((d == '-' || d == '/' || d == '.' || d == '\'')
              && j + 1 < n
              && Character.isLetterOrDigit(text.charAt(j + 1))
              && (d != '.'
                  || (Character.isDigit(text.charAt(j - 1))
                      && Character.isDigit(text.charAt(j + 1))))) {
            j += 2;
          } else {
            break;
          }
        }
        out.add(
            new Token(
                american(
                    sameLength
                        ? lower.substring(i, j)
                        : text.substring(i, j).toLowerCase(Locale.ROOT)),
                i,
                j));
        i = j;
      } else {
        if (c == ';' || c == ':' || c == ',' || c == '(' || c == ')') {
          out.add(new Token(String.valueOf(c), i, i + 1));
        }
        i++;
      }
    }
    return out;
  }

  private static final String[][] BRITISH = {
    {"haem", "hem"},
    {"oedem", "edem"},
    {"oesoph", "esoph"},
    {"anaem", "anem"},
    {"ischaem", "ischem"},
    {"leukaem", "leukem"},
    {"diarrhoe", "diarrhe"},
    {"tumour", "tumor"},
    {"paediatr", "pediatr"}
  };

  /**
   * British spellings match as American ones ("haematoma" = "hematoma", "oedema" = "edema"), so
   * every table and lexicon reads both; only the matching form changes, never the text.
   */
  private static String american(String word) {
    if (word.indexOf('a') < 0 && word.indexOf('o') < 0) {
      return word;
    }
    String w = word;
    for (String[] pair : BRITISH) {
      if (w.contains(pair[0])) {
        w = w.replace(pair[0], pair[1]);
      }
    }
    return w;
  }

  /** The words of a phrase as matching sees them. */
  public static List<String> words(String phrase) {
    List<String> out = new ArrayList<>();
    for (Token t : tokenize(phrase)) {
      out.add(t.norm());
    }
    return out;
  }
}
