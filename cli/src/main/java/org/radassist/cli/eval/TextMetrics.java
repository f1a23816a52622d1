package org.radassist.cli.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Text-overlap metrics on lower-cased word tokens: ROUGE-L F1 (Lin 2004, longest common
 * subsequence, beta = 1) per pair, and corpus BLEU-4 (Papineni et al. 2002: clipped 1-4-gram
 * precision, geometric mean, brevity penalty; one reference per candidate).
 */
public final class TextMetrics {
  private TextMetrics() {}

  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (String t : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /** ROUGE-L F1 of a candidate against a reference; 0 if either is empty. */
  public static double rougeL(List<String> candidate, List<String> reference) {
    if (candidate.isEmpty() || reference.isEmpty()) {
      return 0;
    }
    int[][] lcs = new int[candidate.size() + 1][reference.size() + 1];
    for (int i = 1; i <= candidate.size(); i++) {
      for (int j = 1; j <= reference.size(); j++) {
        lcs[i][j] =
            candidate.get(i - 1).equals(reference.get(j - 1))
                ? lcs[i - 1][j - 1] + 1
                : Math.max(lcs[i - 1][j], lcs[i][j - 1]);
      }
    }
    double l = lcs[candidate.size()][reference.size()];
    if (l == 0) {
      return 0;
    }
    double p = l / candidate.size();
    double r = l / reference.size();
    return 2 * p * r / (p + r);
  }

  /** Corpus BLEU-4 with uniform weights; 0 when some n-gram order has no match. */
  public static double corpusBleu4(List<List<String>> candidates, List<List<String>> references) {
    long[] matches = new long[4];
    long[] totals = new long[4];
    long candLen = 0;
    long refLen = 0;
    for (int k = 0; k < candidates.size(); k++) {
      List<String> c = candidates.get(k);
      List<String> r = references.get(k);
      candLen += c.size();
      refLen += r.size();
      for (int n = 1; n <= 4; n++) {
        Map<String, Integer> refCounts = ngrams(r, n);
        Map<String, Integer> candCounts = ngrams(c, n);
        for (Map.Entry<String, Integer> e : candCounts.entrySet()) {
          matches[n - 1] += Math.min(e.getValue(), refCounts.getOrDefault(e.getKey(), 0));
        }
        totals[n - 1] += Math.max(0, c.size() - n + 1);
      }
    }
    double logSum = 0;
    for (int n = 0; n < 4; n++) {
      if (matches[n] == 0 || totals[n] == 0) {
        return 0;
      }
      logSum += Math.log((double) matches[n] / totals[n]) / 4;
    }
    double bp = candLen >= refLen ? 1 : Math.exp(1 - (double) refLen / Math.max(1, candLen));
    return bp * Math.exp(logSum);
  }

  private static Map<String, Integer> ngrams(List<String> t, int n) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i + n <= t.size(); i++) {
      m.merge(String.join(" ", t.subList(i, i + n)), 1, Integer::sum);
    }
    return m;
  }
}
