package org.radassist.drafting.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds phrases (sequences of whole words, case-insensitive) in a token list, longest match first
 * and without overlaps. Indexed by first word so a scan costs about one map lookup per token.
 *
 * @param <V> what a phrase stands for
 */
public final class PhraseMatcher<V> {
  public record Entry<V>(List<String> words, V value) {}

  /** A match: tokens [from, to) of the scanned list. */
  public record Match<V>(int from, int to, V value) {}

  private final Map<String, List<Entry<V>>> byFirstWord = new HashMap<>();

  public void add(String phrase, V value) {
    List<String> words = Token.words(phrase);
    if (words.isEmpty()) {
      return;
    }
    List<Entry<V>> list = byFirstWord.computeIfAbsent(words.get(0), k -> new ArrayList<>());
    list.add(new Entry<>(words, value));
    list.sort(Comparator.comparingInt((Entry<V> e) -> e.words().size()).reversed());
  }

  /** Non-overlapping matches, scanning left to right and preferring the longest phrase. */
  public List<Match<V>> findAll(List<Token> tokens) {
    List<Match<V>> out = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      Entry<V> e = longestAt(tokens, i);
      if (e != null) {
        out.add(new Match<>(i, i + e.words().size(), e.value()));
        i += e.words().size();
      } else {
        i++;
      }
    }
    return out;
  }

  /** The longest phrase starting at token i, or null. */
  public Entry<V> longestAt(List<Token> tokens, int i) {
    List<Entry<V>> candidates = byFirstWord.get(tokens.get(i).norm());
    if (candidates == null) {
      return null;
    }
    for (Entry<V> e : candidates) {
      List<String> w = e.words();
      if (i + w.size() > tokens.size()) {
        continue;
      }
      boolean ok = true;
      for (int k = 1; k < w.size(); k++) {
        if (!w.get(k).equals(tokens.get(i + k).norm())) {
          ok = false;
          break;
        }
      }
      if (ok) {
        return e;
      }
    }
    return null;
  }
}
