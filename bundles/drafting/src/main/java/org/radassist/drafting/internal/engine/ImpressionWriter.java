package org.radassist.drafting.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.radassist.drafting.PriorSummary;
import org.radassist.drafting.internal.engine.frames.FrameExtractor;
import org.radassist.drafting.internal.engine.frames.LesionFrame;
import org.radassist.drafting.internal.engine.frames.Measurement;
import org.radassist.drafting.internal.rules.Millimetres;
import org.radassist.model.Evidence;
import org.radassist.model.SectionKind;
import org.radassist.model.Suggestion;
import org.radassist.model.SuggestionKind;

/**
 * Ranked impression suggestions from the positive findings (one per findings sentence that states a
 * significant finding, with its certainty), the structured assessments and, when nothing is
 * positive, a normal statement; and differentials from the finding -> differential table.
 */
final class ImpressionWriter {
  private static final java.util.regex.Pattern CHEST_WORDS =
      java.util.regex.Pattern.compile(
          "\\b(?:lungs?|heart|cardiac|pleural|mediastin\\w*)\\b",
          java.util.regex.Pattern.CASE_INSENSITIVE);
  private static final java.util.regex.Pattern LIST_MARKER =
      java.util.regex.Pattern.compile("^\\d+[.)]\\s*");
  private static final Set<String> LESION_KINDS =
      Set.of("calculus", "gallstone", "hydronephrosis", "nodule", "mass", "lesion", "observation");
  private final EngineTables tables;

  ImpressionWriter(EngineTables tables) {
    this.tables = tables;
  }

  List<Suggestion> impressions(Report report, List<StructuredExtractor.Scored> scored) {
    TextAnalyzer.Section f = report.findings();
    List<Suggestion> out = new ArrayList<>();
    record Candidate(
        int sentence, int rank, Certainty certainty, List<String> concepts, Evidence evidence) {}
    Map<Integer, Candidate> bySentence = new LinkedHashMap<>();
    int negated = 0;
    if (f != null) {
      for (TextAnalyzer.Mention m : f.mentions) {
        if (!m.positive()) {
          negated++;
          continue;
        }
        if (!m.concept().significant()) {
          continue;
        }
        Candidate c = bySentence.get(m.sentence());
        List<String> concepts = c == null ? new ArrayList<>() : c.concepts();
        if (!concepts.contains(m.concept().display())) {
          concepts.add(m.concept().display());
        }
        Certainty cert =
            c == null || m.certainty() == Certainty.PRESENT ? m.certainty() : c.certainty();
        int rank = Math.max(c == null ? 0 : c.rank(), m.concept().rank());
        bySentence.put(
            m.sentence(),
            new Candidate(m.sentence(), rank, cert, concepts, f.evidence(m.start(), m.end())));
      }
    }
    if (f != null) {
      // lesions the concept table does not name (a kidney stone) are findings all the same
      for (LesionFrame fr : report.findingFrames) {
        int s = f.sentenceAt(fr.start());
        if (s >= 0
            && !bySentence.containsKey(s)
            && fr.assertion().positive()
            && LESION_KINDS.contains(fr.kind())) {
          bySentence.put(
              s,
              new Candidate(
                  s,
                  50,
                  fr.assertion().possible() ? Certainty.UNCERTAIN : Certainty.PRESENT,
                  new ArrayList<>(List.of(FrameExtractor.KINDS.getOrDefault(fr.kind(), fr.kind()))),
                  f.evidence(fr.start(), fr.end())));
        }
      }
    }
    int n = 0;
    List<Candidate> ranked = new ArrayList<>(bySentence.values());
    ranked.sort(
        Comparator.comparingInt(Candidate::rank).reversed().thenComparingInt(Candidate::sentence));
    List<StructuredExtractor.Scored> unused = new ArrayList<>(scored);
    List<Suggestion> findings = new ArrayList<>();
    for (Candidate c : ranked) {
      Sentences.Span span = f.sentences.get(c.sentence());
      List<LesionFrame> frames = new ArrayList<>();
      for (LesionFrame fr : report.findingFrames) {
        if (fr.assertion().positive() && fr.start() >= span.start() && fr.end() <= span.end()) {
          frames.add(fr);
        }
      }
      StringBuilder text = new StringBuilder();
      if (frames.isEmpty()) {
        text.append(c.certainty() == Certainty.PRESENT ? "" : "Possible ")
            .append(String.join(" and ", c.concepts()).toLowerCase(Locale.ROOT));
      } else {
        List<String> parts = new ArrayList<>();
        for (LesionFrame fr : frames) {
          String phrase = phrase(report, f.text, fr);
          if (!parts.contains(phrase)) {
            parts.add(phrase);
          }
        }
        text.append(String.join("; ", parts));
      }
      text.append('.');
      List<Evidence> evidence =
          new ArrayList<>(List.of(c.evidence(), f.sentenceEvidence(c.sentence())));
      String reason =
          (c.certainty() == Certainty.PRESENT ? "positive finding" : "uncertain finding")
              + ": "
              + String.join(", ", c.concepts()).toLowerCase(Locale.ROOT)
              + " (findings sentence "
              + (c.sentence() + 1)
              + ")";
      double confidence = c.certainty() == Certainty.PRESENT ? 0.85 : 0.6;
      // the category and recommendation of this finding complete its impression
      for (java.util.Iterator<StructuredExtractor.Scored> it = unused.iterator(); it.hasNext(); ) {
        StructuredExtractor.Scored sc = it.next();
        boolean mine =
            sc.evidence().stream()
                .anyMatch(
                    e ->
                        e.section() == SectionKind.FINDINGS
                            && e.start() < span.end()
                            && e.end() > span.start()
                            && e.end() > e.start());
        if (mine) {
          var a = sc.assessment();
          text.append(' ').append(categoryText(a));
          reason += "; " + a.system().label() + " " + a.version() + ": " + a.reason();
          confidence = Math.min(confidence, sc.confidence());
          evidence.addAll(sc.evidence());
          it.remove();
        }
      }
      findings.add(
          new Suggestion(
              "pending",
              SuggestionKind.IMPRESSION,
              Sentences.capitalise(text.toString()),
              confidence,
              reason,
              List.copyOf(evidence),
              null));
    }
    for (StructuredExtractor.Scored s : unused) {
      var a = s.assessment();
      out.add(
          new Suggestion(
              "imp-" + (++n),
              SuggestionKind.RECOMMENDATION,
              Sentences.capitalise(categoryText(a)),
              s.confidence(),
              a.system().label() + " " + a.version() + ": " + a.reason(),
              s.evidence(),
              null));
    }
    for (Suggestion s : findings) {
      out.add(
          new Suggestion(
              "imp-" + (++n), s.kind(), s.text(), s.confidence(), s.reason(), s.evidence(), null));
    }
    if (bySentence.isEmpty()) {
      boolean chest =
          report.bodyPart().contains("CHEST")
              || report.modality().equals("CR")
              || report.modality().equals("DX")
              || (f != null && CHEST_WORDS.matcher(f.text).find());
      String text = chest ? "No acute cardiopulmonary abnormality." : "No acute abnormality.";
      out.add(
          new Suggestion(
              "imp-" + (++n),
              SuggestionKind.IMPRESSION,
              text,
              f == null ? 0.3 : 0.8,
              f == null
                  ? "no findings were dictated"
                  : "no positive significant finding; "
                      + negated
                      + " negated finding mention"
                      + (negated == 1 ? "" : "s"),
              f == null || f.sentences.isEmpty()
                  ? List.of()
                  : List.of(f.evidence(0, f.text.length())),
              null));
    }
    return out;
  }

  private static String categoryText(org.radassist.drafting.internal.rules.Assessment a) {
    return a.system().label()
        + " "
        + a.category()
        + (a.management().isEmpty() ? "" : ": " + a.management())
        + ".";
  }

  /**
   * A finding as an impression says it: change, size, composition, place, kind, prior size
   * ("Growing 8.2 mm solid right upper lobe nodule (6.0 mm 12 months ago)").
   */
  static String phrase(Report report, String text, LesionFrame fr) {
    List<String> w = new ArrayList<>();
    if (fr.assertion().possible()) {
      w.add("possible");
    }
    switch (fr.change().status()) {
      case NEW -> w.add("new");
      case GROWING -> w.add("growing");
      case STABLE -> w.add("stable");
      case DECREASED -> w.add("decreasing");
      default -> {}
    }
    if (!fr.feature("extent").isEmpty()) {
      w.add(fr.feature("extent"));
    }
    fr.overall().ifPresent(m -> w.add(size(m)));
    if (!fr.composition().isEmpty()) {
      w.add(fr.composition());
    }
    String sentence = text.substring(fr.sentenceStart(), fr.sentenceEnd()).toLowerCase(Locale.ROOT);
    String place = place(fr, sentence);
    String kind = text.substring(fr.start(), fr.end()).toLowerCase(Locale.ROOT);
    if (!FrameExtractor.namesAFinding(kind)) {
      kind = fr.kind(); // a lesion described without its noun: name its kind
    }
    if (!place.isEmpty() && !kind.contains(place)) {
      w.add(place);
    }
    w.add(kind);
    StringBuilder b = new StringBuilder(String.join(" ", w));
    fr.solidComponent()
        .ifPresent(m -> b.append(" with a ").append(size(m)).append(" solid component"));
    if (fr.location().contains("o'clock") || fr.location().contains("segment")) {
      String detail = fr.location().replace(fr.site().name() + ", ", "");
      b.append(" (").append(detail).append(')');
    }
    if (fr.change().priorMm() != null) {
      b.append(" (")
          .append(Millimetres.oneDecimal(fr.change().priorMm()))
          .append(" mm")
          .append(priorWhen(report))
          .append(')');
    }
    return b.toString();
  }

  private static String size(Measurement m) {
    double f = m.unit().equals("cm") ? 10 : 1;
    List<String> axes = new ArrayList<>();
    for (double a : m.axesMm()) {
      double v = a / f;
      axes.add(
          v == Math.rint(v)
              ? String.valueOf((long) v)
              : String.valueOf(Math.round(v * 100) / 100.0));
    }
    return String.join(" x ", axes) + " " + m.unit();
  }

  private static String place(LesionFrame fr, String sentence) {
    if (fr.site().organ().equals("lung") && !fr.location().isEmpty()) {
      return fr.site().name();
    }
    String side =
        switch (fr.side()) {
          case RIGHT -> "right ";
          case LEFT -> "left ";
          case BILATERAL -> "bilateral ";
          default -> "";
        };
    String organ =
        switch (fr.organ()) {
          case "pleura" -> "pleural";
          case "kidney" -> "renal";
          case "thyroid" -> "thyroid";
          case "breast" -> "breast";
          case "liver" -> "hepatic";
          case "adrenal" -> "adrenal";
          case "pancreas" -> "pancreatic";
          case "spleen" -> "splenic";
          case "lung" -> fr.kind().equals("nodule") || fr.kind().equals("mass") ? "pulmonary" : "";
          default -> "";
        };
    // the organ's adjective only when dictated ("small left effusion" stays as said)
    boolean said =
        !organ.isEmpty() && (sentence.contains(organ) || sentence.contains(fr.site().name()));
    return (side + (said ? organ : "")).trim();
  }

  private static String priorWhen(Report report) {
    int days = Integer.MAX_VALUE;
    for (PriorSummary p : report.request.priors()) {
      if (p.relativeDays() < 0) {
        days = Math.min(days, -p.relativeDays());
      }
    }
    if (days == Integer.MAX_VALUE) {
      return " previously";
    }
    long months = Math.round(days / 30.44);
    return months >= 1
        ? " " + months + " month" + (months == 1 ? "" : "s") + " ago"
        : " " + days + " days ago";
  }

  /** Impression section text from the suggestions: numbered or as sentences. */
  static String impressionText(List<Suggestion> suggestions, boolean numbered, int max) {
    List<String> lines = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Suggestion s : suggestions) {
      String t = LIST_MARKER.matcher(s.text()).replaceFirst("");
      if (seen.add(t) && lines.size() < max) {
        lines.add(t);
      }
    }
    if (!numbered || lines.size() == 1) {
      return String.join(" ", lines);
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      b.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(lines.get(i));
    }
    return b.toString();
  }

  List<Suggestion> differentials(Report report) {
    TextAnalyzer.Section f = report.findings();
    List<Suggestion> out = new ArrayList<>();
    if (f == null) {
      return out;
    }
    Set<String> done = new LinkedHashSet<>();
    int n = 0;
    for (TextAnalyzer.Mention m : f.mentions) {
      if (!m.positive() || !done.add(m.concept().id())) {
        continue;
      }
      double certainty = m.certainty() == Certainty.PRESENT ? 1.0 : 0.7;
      for (EngineTables.Differential d :
          tables.differentials().getOrDefault(m.concept().id(), List.of())) {
        out.add(
            new Suggestion(
                "dd-" + (++n),
                SuggestionKind.DIFFERENTIAL,
                d.text(),
                Math.min(1.0, d.weight() * certainty),
                "for " + m.concept().display().toLowerCase(Locale.ROOT) + ": " + d.reason(),
                List.of(f.evidence(m.start(), m.end())),
                null));
      }
    }
    out.sort(Comparator.comparingDouble(Suggestion::confidence).reversed());
    return out;
  }
}
