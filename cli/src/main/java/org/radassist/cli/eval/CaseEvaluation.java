package org.radassist.cli.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.radassist.model.DraftReport;
import org.radassist.model.FieldStatus;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.StructuredField;

/**
 * Scores drafts of the corpus cases against what the published tables say: per field key (a
 * system's main field, or "System.field") and per flag type, true positives (expected value given),
 * false positives (a wrong value, a field or flag where none belongs) and false negatives (expected
 * value not given), with every miss listed.
 */
public final class CaseEvaluation {
  private final Map<String, Tally> fields = new TreeMap<>();
  private final Map<FlagType, Tally> flags = new EnumMap<>(FlagType.class);
  private final List<String> misses = new ArrayList<>();
  private final Map<String, Integer> casesPerSplit = new TreeMap<>();
  private int cases;

  /** Counts of one field key or flag type; {@code expected}/{@code absent}: cases that say so. */
  public static final class Tally {
    long tp;
    long fp;
    long fn;
    long expected;
    long absent;

    public double precision() {
      return tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
    }
  }

  /** Scores one case against its draft. */
  public void add(EvalCase c, String split, DraftReport draft) {
    cases++;
    casesPerSplit.merge(split, 1, Integer::sum);
    for (ScoringSystem s : ScoringSystem.values()) {
      String key = s.label();
      String main = EvalCase.mainField(s);
      StructuredField got =
          draft.structuredFields().stream()
              .filter(f -> f.system() == s && f.field().equals(main))
              .findFirst()
              .orElse(null);
      score(c, key, c.expect().get(key), got, c.absentSystems().contains(s));
    }
    for (Map.Entry<String, String> e : c.expect().entrySet()) {
      if (!e.getKey().contains(".")) {
        continue;
      }
      String label = e.getKey().substring(0, e.getKey().indexOf('.'));
      String field = e.getKey().substring(e.getKey().indexOf('.') + 1);
      ScoringSystem s = ScoringSystem.fromLabel(label);
      StructuredField got =
          draft.structuredFields().stream()
              .filter(f -> f.system() == s && f.field().equals(field))
              .findFirst()
              .orElse(null);
      score(c, e.getKey(), e.getValue(), got, false);
    }
    Set<FlagType> raised = EnumSet.noneOf(FlagType.class);
    for (Flag f : draft.flags()) {
      raised.add(f.type());
    }
    for (FlagType t : FlagType.values()) {
      Tally tally = flags.computeIfAbsent(t, k -> new Tally());
      boolean want = c.flags().contains(t);
      boolean has = raised.contains(t);
      if (want) {
        tally.expected++;
      }
      if (c.absentFlags().contains(t)) {
        tally.absent++;
      }
      if (want && has) {
        tally.tp++;
      } else if (want) {
        tally.fn++;
        misses.add(c.id() + "  flag " + t + ": expected, not raised");
      } else if (has) {
        tally.fp++;
        String msg =
            draft.flags().stream()
                .filter(f -> f.type() == t)
                .map(Flag::message)
                .findFirst()
                .orElse("");
        misses.add(c.id() + "  flag " + t + ": raised, not expected (\"" + clip(msg) + "\")");
      }
    }
  }

  private void score(EvalCase c, String key, String want, StructuredField got, boolean absent) {
    Tally t = fields.computeIfAbsent(key, k -> new Tally());
    String gotText = describe(got);
    if (absent) {
      t.absent++;
    }
    if (want == null) {
      if (got != null) {
        t.fp++;
        misses.add(c.id() + "  " + key + ": expected nothing, got " + gotText);
      }
      return;
    }
    t.expected++;
    boolean match =
        got != null
            && (want.equals("incomplete")
                ? got.status() == FieldStatus.INCOMPLETE
                : got.status() == FieldStatus.COMPLETE && sameValue(got.value(), want));
    if (match) {
      t.tp++;
      return;
    }
    t.fn++;
    if (got != null && got.status() == FieldStatus.COMPLETE) {
      t.fp++; // a wrong value is also a value that should not be there
    }
    misses.add(c.id() + "  " + key + ": expected " + want + ", got " + gotText);
  }

  /**
   * Whether an engine value says what a case expects. Case authors copy the published tables'
   * wording ("CT 6–12 mo, then CT 18–24 mo"; rules.md's short forms of Fleischner's cells) while
   * the engine writes the Society's full sentences ("CT at 6-12 months, then CT at 18-24 months"):
   * the value form is compared without case, dash kind, "months" vs "mo", "at" before a time,
   * commas, parenthetical notes, the purpose "to confirm persistence" (the interval says which cell
   * it is) and the two spellings of "manage by the most suspicious nodule".
   */
  static boolean sameValue(String engine, String expected) {
    return valueForm(engine).equals(valueForm(expected));
  }

  /** "low risk: X; high risk: X": both risk rows alike, one recommendation whatever the risk. */
  private static final java.util.regex.Pattern SAME_ROWS =
      java.util.regex.Pattern.compile("(?i)low risk: (.+); high risk: \\1");

  private static String valueForm(String value) {
    String v = valueForm0(value);
    java.util.regex.Matcher rows = SAME_ROWS.matcher(v);
    return rows.matches() ? rows.group(1) : v;
  }

  private static String valueForm0(String value) {
    return value
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\([^)]*\\)", " ")
        .replaceAll("[\u2010-\u2015\u2212]", "-")
        .replaceAll("\\s*-\\s*", "-")
        .replaceAll("\\bmonths?\\b", "mo")
        .replaceAll("\\bat (?=\\d)", "")
        .replace(" to confirm persistence", "")
        .replace(
            "subsequent management based on the most suspicious nodule",
            "manage by most suspicious nodule")
        .replace("manage by the most suspicious nodule", "manage by most suspicious nodule")
        .replace(",", " ")
        .replaceAll("\\s+", " ")
        .replaceAll("[.\\s]+$", "")
        .strip();
  }

  private static String describe(StructuredField f) {
    if (f == null) {
      return "nothing";
    }
    if (f.status() == FieldStatus.INCOMPLETE) {
      return "incomplete (missing " + String.join(", ", f.missing()) + ")";
    }
    return "\"" + f.value() + "\"";
  }

  public Map<String, Tally> fields() {
    return fields;
  }

  public Map<FlagType, Tally> flags() {
    return flags;
  }

  public List<String> misses() {
    return misses;
  }

  public int cases() {
    return cases;
  }

  /**
   * The gates that fail: every field key and flag type with expectations must reach the minimum
   * precision and recall (null: no gate).
   */
  public List<String> gateFailures(Double minPrecision, Double minRecall) {
    List<String> out = new ArrayList<>();
    Map<String, Tally> all = new TreeMap<>(fields);
    flags.forEach((k, v) -> all.put("flag " + k, v));
    for (Map.Entry<String, Tally> e : all.entrySet()) {
      Tally t = e.getValue();
      if (minPrecision != null && !Double.isNaN(t.precision()) && t.precision() < minPrecision) {
        out.add(
            String.format(
                Locale.ROOT, "%s precision %.4f < %.4f", e.getKey(), t.precision(), minPrecision));
      }
      if (minRecall != null && !Double.isNaN(t.recall()) && t.recall() < minRecall) {
        out.add(
            String.format(Locale.ROOT, "%s recall %.4f < %.4f", e.getKey(), t.recall(), minRecall));
      }
    }
    return out;
  }

  public void print(PrintStream out, String source, double meanMs) {
    out.printf(Locale.ROOT, "Case evaluation on %s: %d cases %s%n", source, cases, casesPerSplit);
    out.printf(
        Locale.ROOT,
        "%-28s %5s %5s %5s %9s %9s %9s %7s%n",
        "field",
        "TP",
        "FP",
        "FN",
        "precision",
        "recall",
        "expected",
        "absent");
    fields.forEach((k, t) -> row(out, k, t));
    out.printf(
        Locale.ROOT,
        "%-28s %5s %5s %5s %9s %9s %9s %7s%n",
        "flag",
        "TP",
        "FP",
        "FN",
        "precision",
        "recall",
        "expected",
        "absent");
    flags.forEach(
        (k, t) -> {
          if (t.tp + t.fp + t.fn + t.expected + t.absent > 0) {
            row(out, k.name(), t);
          }
        });
    out.printf(Locale.ROOT, "mean time per draft %.2f ms%n", meanMs);
    out.printf(Locale.ROOT, "misses (%d):%n", misses.size());
    misses.forEach(m -> out.println("  " + m));
  }

  private static void row(PrintStream out, String name, Tally t) {
    out.printf(
        Locale.ROOT,
        "%-28s %5d %5d %5d %9s %9s %9d %7d%n",
        name,
        t.tp,
        t.fp,
        t.fn,
        fmt(t.precision()),
        fmt(t.recall()),
        t.expected,
        t.absent);
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static String clip(String text) {
    String t = text.replaceAll("\\s+", " ").trim();
    return t.length() <= 120 ? t : t.substring(0, 117) + "...";
  }
}
