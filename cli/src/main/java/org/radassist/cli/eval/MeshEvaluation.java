package org.radassist.cli.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.radassist.cli.eval.MeshTable.Heading;
import org.radassist.cli.eval.MeshTable.MeshLabel;

/**
 * Scores RadAssist's positive findings against the MeSH headings human indexers gave each IU
 * report: per heading precision / recall, side agreement where the label has a side, and
 * normal-vs-abnormal agreement, with examples of each kind of disagreement. A measurement: the
 * labels are coarse (one heading for several findings) and sometimes wrong.
 */
public final class MeshEvaluation {
  private final MeshTable table;
  private final int examples;
  private final Map<String, Counts> perHeading = new LinkedHashMap<>();
  private final Map<String, Integer> unmappedKeys = new TreeMap<>();
  // normal-vs-abnormal confusion: [human normal?][engine normal?]
  private final long[][] normal = new long[2][2];
  private final List<String> normalExamplesHumanOnly = new ArrayList<>();
  private final List<String> normalExamplesEngineOnly = new ArrayList<>();
  private int reports;
  private int notIndexed;

  /** Tallies of one heading group. */
  private static final class Counts {
    long tp;
    long fp;
    long fn;
    long sided;
    long sideAgree;
    long sideDisagree;
    long sideMissing;
    final List<String> fpExamples = new ArrayList<>();
    final List<String> fnExamples = new ArrayList<>();
    final List<String> sideExamples = new ArrayList<>();
  }

  public MeshEvaluation(MeshTable table, int examples) {
    this.table = table;
    this.examples = examples;
    for (Heading h : table.headings()) {
      perHeading.put(h.name(), new Counts());
    }
  }

  /**
   * One report: its id, MeSH cell, report text (for examples) and what RadAssist asserted. Reports
   * the indexers marked "No Indexing" count only as not indexed.
   */
  public void add(String id, String meshCell, String text, List<Observation> positives) {
    List<MeshLabel> labels = MeshLabel.parseCell(meshCell);
    if (labels.isEmpty()
        || labels.stream().allMatch(l -> l.heading().equalsIgnoreCase("No Indexing"))) {
      notIndexed++;
      return;
    }
    reports++;
    boolean humanNormal = labels.stream().allMatch(l -> l.heading().equalsIgnoreCase("normal"));
    boolean engineNormal = positives.isEmpty();
    normal[humanNormal ? 0 : 1][engineNormal ? 0 : 1]++;
    if (humanNormal && !engineNormal && normalExamplesEngineOnly.size() < examples) {
      normalExamplesEngineOnly.add(id + ": RadAssist: " + quotes(positives));
    } else if (!humanNormal && engineNormal && normalExamplesHumanOnly.size() < examples) {
      normalExamplesHumanOnly.add(id + ": MeSH " + labels + " | " + clip(text));
    }
    for (Observation o : positives) {
      if (table.headings().stream().noneMatch(h -> h.keys().contains(o.key()))) {
        unmappedKeys.merge(o.key(), 1, Integer::sum);
      }
    }
    for (Heading h : table.headings()) {
      Counts c = perHeading.get(h.name());
      List<MeshLabel> human = labels.stream().filter(h::covers).toList();
      List<Observation> engine =
          positives.stream().filter(o -> h.keys().contains(o.key())).toList();
      if (!human.isEmpty() && !engine.isEmpty()) {
        c.tp++;
        Set<String> humanSides = new LinkedHashSet<>();
        human.forEach(l -> humanSides.add(l.side()));
        humanSides.remove("");
        if (!humanSides.isEmpty()) {
          c.sided++;
          Set<String> engineSides = new LinkedHashSet<>();
          engine.forEach(o -> engineSides.add(o.side()));
          engineSides.remove("");
          if (engineSides.contains("left") && engineSides.contains("right")) {
            engineSides.add("bilateral");
          }
          if (engineSides.isEmpty()) {
            c.sideMissing++;
          } else if (engineSides.stream().anyMatch(humanSides::contains)) {
            c.sideAgree++;
          } else {
            c.sideDisagree++;
            if (c.sideExamples.size() < examples) {
              c.sideExamples.add(
                  id + ": MeSH " + human + ", RadAssist " + engineSides + ": " + quotes(engine));
            }
          }
        }
      } else if (!engine.isEmpty()) {
        c.fp++;
        if (c.fpExamples.size() < examples) {
          c.fpExamples.add(id + ": MeSH " + labels + " | RadAssist: " + quotes(engine));
        }
      } else if (!human.isEmpty()) {
        c.fn++;
        if (c.fnExamples.size() < examples) {
          c.fnExamples.add(id + ": MeSH " + human + " | " + clip(text));
        }
      }
    }
  }

  public void print(PrintStream out, String source, String observedFrom, int skipped, double ms) {
    out.printf(
        Locale.ROOT,
        "MeSH agreement on %s: %d indexed reports (%d 'No Indexing', %d skipped)%n",
        source,
        reports,
        notIndexed,
        skipped);
    out.printf(Locale.ROOT, "RadAssist findings from: %s%n", observedFrom);
    long agree = normal[0][0] + normal[1][1];
    double po = reports == 0 ? 0 : (double) agree / reports;
    double pHumanNormal = reports == 0 ? 0 : (double) (normal[0][0] + normal[0][1]) / reports;
    double pEngineNormal = reports == 0 ? 0 : (double) (normal[0][0] + normal[1][0]) / reports;
    double pe = pHumanNormal * pEngineNormal + (1 - pHumanNormal) * (1 - pEngineNormal);
    double kappa = pe >= 1 ? 0 : (po - pe) / (1 - pe);
    out.printf(
        Locale.ROOT,
        "normal vs abnormal: agreement %.4f, Cohen's kappa %.4f%n"
            + "    MeSH normal & RadAssist normal %d, MeSH normal & RadAssist abnormal %d,%n"
            + "    MeSH abnormal & RadAssist normal %d, MeSH abnormal & RadAssist abnormal %d%n",
        po,
        kappa,
        normal[0][0],
        normal[0][1],
        normal[1][0],
        normal[1][1]);
    out.printf(
        Locale.ROOT,
        "%-34s %6s %6s %6s %9s %9s   %s%n",
        "heading",
        "TP",
        "FP",
        "FN",
        "precision",
        "recall",
        "side (agree/disagree/no side of labels with a side)");
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (Map.Entry<String, Counts> e : perHeading.entrySet()) {
      Counts c = e.getValue();
      tp += c.tp;
      fp += c.fp;
      fn += c.fn;
      out.printf(
          Locale.ROOT,
          "%-34s %6d %6d %6d %9s %9s   %d/%d/%d of %d%s%n",
          e.getKey(),
          c.tp,
          c.fp,
          c.fn,
          ratio(c.tp, c.tp + c.fp),
          ratio(c.tp, c.tp + c.fn),
          c.sideAgree,
          c.sideDisagree,
          c.sideMissing,
          c.sided,
          c.tp + c.fp == 0 ? "   (RadAssist never reported it)" : "");
    }
    out.printf(
        Locale.ROOT,
        "%-34s %6d %6d %6d %9s %9s%n",
        "all headings (micro)",
        tp,
        fp,
        fn,
        ratio(tp, tp + fp),
        ratio(tp, tp + fn));
    if (!unmappedKeys.isEmpty()) {
      out.println("RadAssist findings no heading stands for (key: reports): " + unmappedKeys);
    }
    out.println();
    out.println("Disagreements (examples; id is the IU uid):");
    section(out, "MeSH normal, RadAssist asserts findings", normalExamplesEngineOnly);
    section(out, "MeSH abnormal, RadAssist asserts nothing", normalExamplesHumanOnly);
    for (Map.Entry<String, Counts> e : perHeading.entrySet()) {
      section(out, e.getKey() + ": RadAssist only (FP)", e.getValue().fpExamples);
      section(out, e.getKey() + ": MeSH only (FN)", e.getValue().fnExamples);
      section(out, e.getKey() + ": side differs", e.getValue().sideExamples);
    }
  }

  private static void section(PrintStream out, String title, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    out.println("  " + title + ":");
    lines.forEach(l -> out.println("    " + l));
  }

  private static String quotes(List<Observation> obs) {
    List<String> q = new ArrayList<>();
    for (Observation o : obs) {
      String s =
          o.key() + (o.side().isEmpty() ? "" : "/" + o.side()) + " \"" + clip(o.quote()) + "\"";
      if (!q.contains(s)) {
        q.add(s);
      }
    }
    return String.join("; ", q);
  }

  private static String clip(String text) {
    String t = text.replaceAll("\\s+", " ").trim();
    return t.length() <= 160 ? t : t.substring(0, 157) + "...";
  }

  static String ratio(long num, long den) {
    return den == 0 ? "n/a" : String.format(Locale.ROOT, "%.4f", (double) num / den);
  }
}
