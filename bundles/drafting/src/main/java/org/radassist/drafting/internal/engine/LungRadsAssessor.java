package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.ExtractorSupport.addField;
import static org.radassist.drafting.internal.engine.LungNoduleMentions.TYPE_MISSING;
import static org.radassist.drafting.internal.engine.LungNoduleMentions.isLungCyst;
import static org.radassist.drafting.internal.engine.LungNoduleMentions.restatesSizedNodule;
import static org.radassist.drafting.internal.engine.LungRadsDictationCheck.LUNG_RADS;
import static org.radassist.drafting.internal.engine.LungRadsDictationCheck.dictatedLungRads;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.internal.engine.LungNoduleMentions.Nodule;
import org.radassist.drafting.internal.engine.StructuredExtractor.Result;
import org.radassist.drafting.internal.engine.StructuredExtractor.Scored;
import org.radassist.drafting.internal.engine.frames.LesionFrame;
import org.radassist.drafting.internal.rules.Assessment;
import org.radassist.drafting.internal.rules.LungRads;
import org.radassist.model.Evidence;
import org.radassist.model.ScoringSystem;

/**
 * The Lung-RADS v2022 category of a screening exam from its nodules: the highest nodule's category,
 * its fields and what is missing to give it.
 */
final class LungRadsAssessor {

  private LungRadsAssessor() {}

  static void lungRadsFields(
      Report report, Result r, List<Nodule> nodules, boolean negated, Evidence negatedEvidence) {
    ScoringSystem sys = ScoringSystem.LUNG_RADS;
    List<Assessment> complete = new ArrayList<>();
    List<Nodule> completeNodules = new ArrayList<>();
    Set<String> missing = new LinkedHashSet<>();
    for (Nodule given : nodules) {
      // "the nodule ..." said again, or "...; favour nodule" in a sized nodule's sentence: no
      // second nodule that lacks a size
      if (refersBack(given, nodules, report.findings())
          || restatesSizedNodule(given, nodules, report.findings())) {
        continue;
      }
      Nodule n = withoutNeedlessFields(given);
      if (!n.missing().isEmpty()) {
        missing.addAll(n.missing());
        continue;
      }
      Assessment a =
          n.fixed() != null
              ? n.fixed()
              : LungRads.classify(
                  new LungRads.Nodule(
                      n.type(),
                      n.meanMm(),
                      n.solidMm(),
                      n.status(),
                      n.benign(),
                      n.juxtapleural(),
                      n.suspicious(),
                      n.priorCategory()));
      if (n.fixed() != null
          && n.suspicious()
          && (a.category().equals("3") || a.category().startsWith("4"))) {
        a = LungRads.suspicious(a);
      }
      if (!a.isComplete()) {
        missing.addAll(a.missing());
        continue;
      }
      complete.add(
          new Assessment(
              a.system(), a.version(), a.category(), a.management(), a.reason() + n.reasonNote()));
      completeNodules.add(n);
    }
    if (nodules.isEmpty()) {
      Assessment one = LungRads.exam(List.of());
      List<Evidence> ev = negatedEvidence == null ? List.of() : List.of(negatedEvidence);
      String reason = negated ? "nodules explicitly negated" : "no lung nodule mentioned";
      addField(
          r,
          sys,
          LungRads.VERSION,
          "category",
          one.category(),
          ev,
          negated ? 0.8 : 0.6,
          List.of(),
          reason);
      addField(
          r,
          sys,
          LungRads.VERSION,
          "management",
          one.management(),
          ev,
          negated ? 0.8 : 0.6,
          List.of(),
          reason);
      r.scored.add(new Scored(one, ev, 0.7));
      dictatedLungRads(report, r, one, ev);
      return;
    }
    Assessment exam = LungRads.exam(complete);
    int idx = complete.indexOf(exam);
    List<Evidence> ev = idx >= 0 ? completeNodules.get(idx).evidence() : nodules.get(0).evidence();
    boolean fromAi = idx >= 0 && completeNodules.get(idx).source().equals("AI result");
    double confidence = fromAi ? 0.75 : 0.9;
    if (!missing.isEmpty()) {
      addField(
          r,
          sys,
          LungRads.VERSION,
          "category",
          complete.isEmpty() ? "" : exam.category(),
          idx >= 0 ? ev : nodules.get(0).evidence(),
          0.4,
          List.copyOf(missing),
          "a nodule lacks "
              + String.join(", ", missing)
              + (complete.isEmpty() ? "" : "; most suspicious complete nodule: " + exam.reason()));
      return;
    }
    Nodule top = completeNodules.get(idx);
    exam = dictatedFourBOfFourX(report, exam, top);
    addField(
        r,
        sys,
        LungRads.VERSION,
        "category",
        exam.category(),
        ev,
        confidence,
        List.of(),
        exam.reason());
    addField(
        r,
        sys,
        LungRads.VERSION,
        "management",
        exam.management(),
        ev,
        confidence,
        List.of(),
        "ACR management for category " + exam.category());
    if (top.meanMm() != null) {
      addField(
          r,
          sys,
          LungRads.VERSION,
          "mean_diameter_mm",
          Double.toString(top.meanMm()),
          ev,
          confidence,
          List.of(),
          "mean of long and short axis, one decimal");
    }
    String type =
        top.fixed() != null && (top.frame() == null || !top.frame().feature("airway").isEmpty())
            ? "airway nodule"
            : top.fixed() != null && isLungCyst(top.frame())
                ? "atypical cyst"
                : top.type() == null
                    ? "not dictated"
                    : top.type().name().toLowerCase(Locale.ROOT).replace('_', '-');
    addField(
        r, sys, LungRads.VERSION, "nodule_type", type, ev, confidence, List.of(), "as dictated");
    r.scored.add(new Scored(exam, ev, confidence));
    dictatedLungRads(report, r, exam, ev);
  }

  /**
   * "The nodule now crosses into a higher size category": a sizeless, typeless singular nodule said
   * with a definite article after a sized nodule is that nodule again, not one that lacks a size.
   */
  private static boolean refersBack(Nodule n, List<Nodule> nodules, TextAnalyzer.Section f) {
    LesionFrame fr = n.frame();
    if (n.meanMm() != null || n.type() != null || fr == null || f == null || !fr.fromText()) {
      return false;
    }
    if (fr.start() < 0 || fr.end() > f.text.length()) {
      return false;
    }
    String words = f.text.substring(fr.start(), fr.end()).toLowerCase(Locale.ROOT);
    String before = f.text.substring(Math.max(0, fr.start() - 12), fr.start());
    return !words.endsWith("s")
        && DEFINITE_BEFORE.matcher(before).find()
        && nodules.stream()
            .anyMatch(
                o ->
                    o != n
                        && o.meanMm() != null
                        && o.frame() != null
                        && o.frame().start() >= 0
                        && o.frame().start() < fr.start());
  }

  private static final Pattern DEFINITE_BEFORE =
      Pattern.compile("\\b(?:the|this|that|the same)\\s+$", Pattern.CASE_INSENSITIVE);

  /**
   * A nodule whose missing size or type cannot change its category is complete: a nodule said to be
   * unchanged gets the stable category (2, or the stepped one from the prior screen) whatever its
   * size and type ("Previously noted tiny nodules are stable", "Other nodules unchanged"), and a
   * nodule of known size and change whose category every type gives alike needs no type ("3 mm and
   * 5 mm nodules" at baseline: 2 as solid, part-solid or ground-glass).
   */
  private static Nodule withoutNeedlessFields(Nodule n) {
    if (n.missing().isEmpty() || n.fixed() != null || n.benign()) {
      return n;
    }
    boolean noSize = n.missing().contains("nodule size");
    boolean noType = n.missing().contains(TYPE_MISSING);
    if (n.missing().size() != (noSize ? 1 : 0) + (noType ? 1 : 0)) {
      return n;
    }
    Assessment fixed = null;
    String note = "";
    if (n.status() == LungRads.Status.STABLE && n.solidMm() == null) {
      fixed =
          n.priorCategory() == null
              ? LungRads.classify(
                  new LungRads.Nodule(
                      LungRads.NoduleType.SOLID,
                      n.meanMm() == null ? 1.0 : n.meanMm(),
                      null,
                      LungRads.Status.STABLE,
                      false,
                      false,
                      false,
                      null))
              : LungRads.stepped(n.priorCategory());
      note = "; unchanged: its " + (noSize ? "size" : "type") + " does not change the category";
      if (n.suspicious() && (fixed.category().equals("3") || fixed.category().startsWith("4"))) {
        return n; // suspicious features on a 3 or 4 need the classification proper
      }
    } else if (noSize && !noType && solidComponentDecides(n) != null) {
      fixed = solidComponentDecides(n);
      note = "; total size not dictated: the solid component decides the category";
    } else if (!noSize && n.meanMm() != null) {
      String same = null;
      for (LungRads.NoduleType t : LungRads.NoduleType.values()) {
        Assessment a =
            LungRads.classify(
                new LungRads.Nodule(
                    t,
                    n.meanMm(),
                    n.solidMm(),
                    n.status(),
                    false,
                    n.juxtapleural(),
                    n.suspicious(),
                    n.priorCategory()));
        if (!a.isComplete() || (same != null && !same.equals(a.category()))) {
          return n;
        }
        same = a.category();
        fixed = a;
      }
      note = "; type not dictated: every nodule type gives category " + same;
    }
    if (fixed == null) {
      return n;
    }
    return new Nodule(
        n.type(),
        n.meanMm(),
        n.solidMm(),
        n.status(),
        n.benign(),
        n.juxtapleural(),
        n.suspicious(),
        n.priorCategory(),
        n.evidence(),
        List.of(),
        n.source(),
        n.reasonNote() + note,
        n.frame(),
        fixed);
  }

  /**
   * A part-solid nodule whose total size is not dictated: when every total the solid component
   * allows (at least the component itself) gives one category, the size is not needed ("solid
   * component grew from 2 to 5 mm": a growing solid component of 4 mm or more is 4B at any total).
   */
  private static Assessment solidComponentDecides(Nodule n) {
    if (n.type() != LungRads.NoduleType.PART_SOLID
        || n.solidMm() == null
        || n.benign()
        || n.status() == LungRads.Status.STABLE) {
      return null;
    }
    Assessment one = null;
    for (double total : new double[] {n.solidMm(), 5.9, 6.0, 10.0, 30.0, 60.0}) {
      if (total < n.solidMm()) {
        continue;
      }
      Assessment a =
          LungRads.classify(
              new LungRads.Nodule(
                  n.type(),
                  total,
                  n.solidMm(),
                  n.status(),
                  false,
                  n.juxtapleural(),
                  n.suspicious(),
                  n.priorCategory()));
      if (!a.isComplete() || (one != null && !one.category().equals(a.category()))) {
        return null;
      }
      one = a;
    }
    return one;
  }

  /**
   * A nodule 4B by the table whose features would make it 4X, dictated "Lung-RADS 4B": 4X is the
   * reader's upgrade of a category 3 or 4 nodule (v2022) and is managed as 4B, so the dictated 4B
   * stands; the table's 4X stays for a nodule of a lower category or when 4X is dictated.
   */
  private static Assessment dictatedFourBOfFourX(Report report, Assessment exam, Nodule top) {
    if (!exam.category().equals("4X") || top.fixed() != null || top.type() == null) {
      return exam;
    }
    Assessment table =
        LungRads.classify(
            new LungRads.Nodule(
                top.type(),
                top.meanMm() == null ? 1.0 : top.meanMm(),
                top.solidMm(),
                top.status(),
                top.benign(),
                top.juxtapleural(),
                false,
                top.priorCategory()));
    if (!table.category().equals("4B")) {
      return exam;
    }
    boolean fourB = false;
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      Matcher m = LUNG_RADS.matcher(s.text);
      while (m.find()) {
        String said = m.group(1).toUpperCase(Locale.ROOT);
        if (said.equals("4X")) {
          return exam;
        }
        fourB |= said.equals("4B");
      }
    }
    if (!fourB) {
      return exam;
    }
    return new Assessment(
        table.system(),
        table.version(),
        table.category(),
        table.management(),
        table.reason() + top.reasonNote() + "; 4B as dictated (4X features, managed alike)");
  }
}
