package org.radassist.drafting.internal.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.Severity;
import org.radassist.model.Sex;

/**
 * Consistency flags between the parts of a report and its context: a significant positive finding
 * missing from a dictated impression, sides that disagree, organs of the other sex, and sizes the
 * impression states differently from the findings.
 */
final class ConsistencyChecker {
  private final PhraseMatcher<String> femaleOnly = new PhraseMatcher<>();
  private final PhraseMatcher<String> maleOnly = new PhraseMatcher<>();

  ConsistencyChecker(EngineTables tables) {
    tables.femaleOnlyTerms().forEach(t -> femaleOnly.add(t, t));
    tables.maleOnlyTerms().forEach(t -> maleOnly.add(t, t));
  }

  List<Flag> check(Report report) {
    List<Flag> flags = new ArrayList<>();
    TextAnalyzer.Section findings = report.findings();
    TextAnalyzer.Section impression = report.dictatedImpression();
    if (findings != null && impression != null) {
      findingNotInImpression(findings, impression, flags);
      impressionLaterality(findings, impression, flags);
      impressionMeasurements(findings, impression, flags);
    }
    studyLaterality(report, flags);
    sex(report, flags);
    return flags;
  }

  private static void findingNotInImpression(
      TextAnalyzer.Section findings, TextAnalyzer.Section impression, List<Flag> flags) {
    Set<String> inImpression = new HashSet<>();
    for (TextAnalyzer.Mention m : impression.mentions) {
      inImpression.add(m.concept().id());
    }
    Map<String, TextAnalyzer.Mention> missing = new LinkedHashMap<>();
    for (TextAnalyzer.Mention m : findings.mentions) {
      if (m.certainty() == Certainty.PRESENT
          && m.concept().significant()
          && !inImpression.contains(m.concept().id())
          && !inImpression.contains(relatedOf(m.concept().id()))) {
        missing.putIfAbsent(m.concept().id(), m);
      }
    }
    for (TextAnalyzer.Mention m : missing.values()) {
      flags.add(
          Flag.of(
              FlagType.FINDING_NOT_IN_IMPRESSION,
              m.concept().rank() >= 80 ? Severity.CRITICAL : Severity.WARNING,
              m.concept().display() + " is in the findings but not in the impression",
              List.of(
                  findings.evidence(m.start(), m.end()), findings.sentenceEvidence(m.sentence()))));
    }
  }

  /**
   * Concepts an impression may name in other words (an impression "pneumonia" covers
   * consolidation).
   */
  private static String relatedOf(String id) {
    return switch (id) {
      case "consolidation", "opacity" -> "pneumonia";
      case "pneumonia" -> "consolidation";
      case "tension_pneumothorax" -> "pneumothorax";
      case "lung_mass" -> "lung_nodule";
      case "edema" -> "cardiomegaly";
      default -> id;
    };
  }

  private static void impressionLaterality(
      TextAnalyzer.Section findings, TextAnalyzer.Section impression, List<Flag> flags) {
    for (TextAnalyzer.Mention im : impression.mentions) {
      if (!im.positive() || im.side().isEmpty() || im.side().equals("bilateral")) {
        continue;
      }
      Set<String> sides = new HashSet<>();
      TextAnalyzer.Mention example = null;
      for (TextAnalyzer.Mention fm : findings.mentions) {
        if (fm.positive() && fm.concept().id().equals(im.concept().id()) && !fm.side().isEmpty()) {
          sides.add(fm.side());
          example = fm;
        }
      }
      if (example != null && !sides.contains(im.side()) && !sides.contains("bilateral")) {
        flags.add(
            Flag.of(
                FlagType.LATERALITY_MISMATCH,
                Severity.WARNING,
                im.concept().display()
                    + ": impression says "
                    + im.side()
                    + ", findings say "
                    + example.side(),
                List.of(
                    impression.sentenceEvidence(im.sentence()),
                    findings.sentenceEvidence(example.sentence()))));
      }
    }
  }

  private static void impressionMeasurements(
      TextAnalyzer.Section findings, TextAnalyzer.Section impression, List<Flag> flags) {
    if (findings.sizes.isEmpty()) {
      return;
    }
    Set<Long> known = new HashSet<>();
    for (TextAnalyzer.Size z : findings.sizes) {
      known.add(Math.round(z.longMm() * 10));
      known.add(Math.round(z.shortMm() * 10));
    }
    for (TextAnalyzer.Size z : impression.sizes) {
      if (!known.contains(Math.round(z.longMm() * 10))) {
        TextAnalyzer.Size nearest = findings.sizes.get(0);
        for (TextAnalyzer.Size f : findings.sizes) {
          if (Math.abs(f.longMm() - z.longMm()) < Math.abs(nearest.longMm() - z.longMm())) {
            nearest = f;
          }
        }
        flags.add(
            Flag.of(
                FlagType.MEASUREMENT_MISMATCH,
                Severity.WARNING,
                "The impression states "
                    + impression.text.substring(z.start(), z.end())
                    + "; the findings give "
                    + findings.text.substring(nearest.start(), nearest.end()),
                List.of(
                    impression.evidence(z.start(), z.end()),
                    findings.evidence(nearest.start(), nearest.end()))));
      }
    }
  }

  /** A one-sided study (e.g. a right knee) whose text speaks only of the other side. */
  private static void studyLaterality(Report report, List<Flag> flags) {
    String lat = report.request.study().laterality();
    if (lat == null || lat.isBlank()) {
      return;
    }
    String study =
        switch (lat.trim().toUpperCase(Locale.ROOT)) {
          case "R", "RIGHT" -> "right";
          case "L", "LEFT" -> "left";
          default -> "";
        };
    if (study.isEmpty()) {
      return;
    }
    String other = study.equals("right") ? "left" : "right";
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      for (int i = 0; i < s.tokens.size(); i++) {
        boolean saysOther = false;
        boolean saysStudy = false;
        Token otherToken = null;
        for (Token t : s.tokens.get(i)) {
          if (t.norm().equals(other)) {
            saysOther = true;
            otherToken = t;
          } else if (t.norm().equals(study)) {
            saysStudy = true;
          }
        }
        if (saysOther && !saysStudy) {
          flags.add(
              Flag.of(
                  FlagType.LATERALITY_MISMATCH,
                  Severity.WARNING,
                  "The study is of the "
                      + study
                      + " side; the "
                      + s.kind.title().toLowerCase(Locale.ROOT)
                      + " mention the "
                      + other,
                  List.of(s.evidence(otherToken.start(), otherToken.end()))));
          return;
        }
      }
    }
  }

  private void sex(Report report, List<Flag> flags) {
    Sex sex = report.request.patient().sex();
    if (sex != Sex.F && sex != Sex.M) {
      return;
    }
    PhraseMatcher<String> wrong = sex == Sex.F ? maleOnly : femaleOnly;
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      for (List<Token> sentence : s.tokens) {
        for (PhraseMatcher.Match<String> m : wrong.findAll(sentence)) {
          Token a = sentence.get(m.from());
          Token b = sentence.get(m.to() - 1);
          flags.add(
              Flag.of(
                  FlagType.SEX_MISMATCH,
                  Severity.WARNING,
                  "\""
                      + s.text.substring(a.start(), b.end())
                      + "\" in a report for a patient of sex "
                      + sex,
                  List.of(s.evidence(a.start(), b.end()))));
          return;
        }
      }
    }
  }
}
