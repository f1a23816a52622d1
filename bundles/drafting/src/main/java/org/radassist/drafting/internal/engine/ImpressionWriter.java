package org.radassist.drafting.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.radassist.model.Evidence;
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
    int n = 0;
    for (StructuredExtractor.Scored s : scored) {
      var a = s.assessment();
      String text =
          a.system().label()
              + " "
              + a.category()
              + (a.management().isEmpty() ? "" : ": " + a.management())
              + ".";
      out.add(
          new Suggestion(
              "imp-" + (++n),
              SuggestionKind.RECOMMENDATION,
              Sentences.capitalise(text),
              s.confidence(),
              a.system().label() + " " + a.version() + ": " + a.reason(),
              s.evidence(),
              null));
    }
    List<Candidate> ranked = new ArrayList<>(bySentence.values());
    ranked.sort(
        Comparator.comparingInt(Candidate::rank).reversed().thenComparingInt(Candidate::sentence));
    for (Candidate c : ranked) {
      String sentence = f.sentenceText(c.sentence()).trim();
      String text = sentence.endsWith(".") ? sentence : sentence + ".";
      double confidence = c.certainty() == Certainty.PRESENT ? 0.85 : 0.6;
      out.add(
          new Suggestion(
              "imp-" + (++n),
              SuggestionKind.IMPRESSION,
              Sentences.capitalise(text),
              confidence,
              (c.certainty() == Certainty.PRESENT ? "positive finding" : "uncertain finding")
                  + ": "
                  + String.join(", ", c.concepts()).toLowerCase(Locale.ROOT)
                  + " (findings sentence "
                  + (c.sentence() + 1)
                  + ")",
              List.of(c.evidence(), f.sentenceEvidence(c.sentence())),
              null));
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
