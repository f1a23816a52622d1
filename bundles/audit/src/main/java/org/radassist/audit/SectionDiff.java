package org.radassist.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The word-level diff from an AI draft section to the text the radiologist kept, as stored under
 * {@link AuditDetails#DIFF} in {@code section_edited} events. Text is split on whitespace into
 * words; the diff is one line per word, prefixed {@code ' '} (kept), {@code '-'} (only in the
 * draft) or {@code '+'} (only in the final text), lines joined by {@code '\n'}. Both texts' word
 * sequences can be rebuilt from it, which is what the edit-distance metric needs.
 */
public record SectionDiff(List<String> draftWords, List<String> finalWords) {
  public SectionDiff {
    draftWords = List.copyOf(draftWords);
    finalWords = List.copyOf(finalWords);
  }

  /** The diff between two texts. */
  public static SectionDiff between(String draft, String finalText) {
    return new SectionDiff(words(draft), words(finalText));
  }

  /** Whitespace-separated words of a text (none for blank text). */
  public static List<String> words(String text) {
    String trimmed = text == null ? "" : text.strip();
    return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
  }

  /**
   * Reads the stored form.
   *
   * @throws IllegalArgumentException for a line that does not start with ' ', '-' or '+'
   */
  public static SectionDiff parse(String encoded) {
    List<String> draft = new ArrayList<>();
    List<String> fin = new ArrayList<>();
    if (encoded.isEmpty()) {
      return new SectionDiff(draft, fin);
    }
    int lineNo = 0;
    for (String line : encoded.split("\n", -1)) {
      lineNo++;
      if (line.length() < 2) {
        throw new IllegalArgumentException("diff line " + lineNo + " holds no word");
      }
      String word = line.substring(1);
      switch (line.charAt(0)) {
        case ' ' -> {
          draft.add(word);
          fin.add(word);
        }
        case '-' -> draft.add(word);
        case '+' -> fin.add(word);
        default ->
            throw new IllegalArgumentException(
                "diff line " + lineNo + " must start with ' ', '-' or '+'");
      }
    }
    return new SectionDiff(draft, fin);
  }

  /** The stored form: an LCS-based edit script, deletions before insertions within a change. */
  public String encode() {
    int n = draftWords.size();
    int m = finalWords.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            draftWords.get(i).equals(finalWords.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> lines = new ArrayList<>(n + m);
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && draftWords.get(i).equals(finalWords.get(j))) {
        lines.add(" " + draftWords.get(i++));
        j++;
      } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
        lines.add("-" + draftWords.get(i++));
      } else {
        lines.add("+" + finalWords.get(j++));
      }
    }
    return String.join("\n", lines);
  }

  /** Levenshtein distance in words (insert, delete and substitute one word each cost 1). */
  public int wordEditDistance() {
    int n = draftWords.size();
    int m = finalWords.size();
    int[] previous = new int[m + 1];
    int[] current = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      current[0] = i;
      for (int j = 1; j <= m; j++) {
        int substitution =
            previous[j - 1] + (draftWords.get(i - 1).equals(finalWords.get(j - 1)) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[m];
  }
}
