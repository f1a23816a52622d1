package org.radassist.drafting.internal.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.internal.engine.frames.FrameExtractor;
import org.radassist.drafting.internal.engine.frames.LesionFrame;
import org.radassist.drafting.internal.engine.frames.Measurement;
import org.radassist.drafting.internal.engine.frames.Side;
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
      findingNotInImpression(report, findings, impression, flags);
      frameLaterality(report, findings, impression, flags);
      if (report.impressionFrames.stream().anyMatch(f -> !f.sizes().isEmpty())) {
        frameMeasurements(report, findings, impression, flags);
      } else {
        impressionMeasurements(findings, impression, flags);
      }
    }
    studyLaterality(report, flags);
    sex(report, flags);
    return flags;
  }

  /** Kinds an impression may name in other words: pneumonia for consolidation, mass for nodule. */
  static String group(String kind) {
    return switch (kind) {
      case "consolidation", "pneumonia", "opacity", "airspace_disease", "atelectasis" -> "airspace";
      case "nodule",
          "mass",
          "lesion",
          "observation",
          "cyst",
          "distortion",
          "asymmetry",
          "adenoma" ->
          "lesion";
      case "calculus", "hydronephrosis" -> "calculus";
      default -> kind;
    };
  }

  private static boolean sameOrgan(LesionFrame a, LesionFrame b) {
    return a.organ().isEmpty() || b.organ().isEmpty() || a.organ().equals(b.organ());
  }

  /** The frame whose words overlap [start, end), or null. */
  private static LesionFrame frameAt(List<LesionFrame> frames, int start, int end) {
    for (LesionFrame f : frames) {
      if (f.start() < end && start < f.end()) {
        return f;
      }
    }
    return null;
  }

  private static final Pattern CATEGORY =
      Pattern.compile(
          "\\b(bi-rads|birads|lung-rads|ti-rads|tirads|tr[1-5]|li-rads|lr-[1-5m]|pi-rads)",
          Pattern.CASE_INSENSITIVE);

  /** Organs whose lesions a scoring category in the impression sums up. */
  private static Set<String> categorised(String impression) {
    Set<String> organs = new HashSet<>();
    Matcher m = CATEGORY.matcher(impression);
    while (m.find()) {
      String c = m.group(1).toLowerCase(Locale.ROOT);
      organs.add(
          c.startsWith("bi")
              ? "breast"
              : c.startsWith("lung")
                  ? "lung"
                  : c.startsWith("ti") || c.startsWith("tr")
                      ? "thyroid"
                      : c.startsWith("li") || c.startsWith("lr") ? "liver" : "prostate");
    }
    return organs;
  }

  private static void findingNotInImpression(
      Report report,
      TextAnalyzer.Section findings,
      TextAnalyzer.Section impression,
      List<Flag> flags) {
    Set<String> summed = categorised(impression.text);
    Set<String> inImpression = new HashSet<>();
    for (TextAnalyzer.Mention m : impression.mentions) {
      inImpression.add(m.concept().id());
    }
    Map<String, TextAnalyzer.Mention> missing = new LinkedHashMap<>();
    for (TextAnalyzer.Mention m : findings.mentions) {
      if (m.certainty() == Certainty.PRESENT
          && m.concept().significant()
          && !inImpression.contains(m.concept().id())
          && !inImpression.contains(relatedOf(m.concept().id()))
          && !covered(report, frameAt(report.findingFrames, m.start(), m.end()), summed)
          && !partOfReported(findings, m, inImpression)
          && !interpretationReported(findings, m, impression.text)
          && !readAsHedgedAlternatives(findings, m)) {
        missing.putIfAbsent(m.concept().id(), m);
      }
    }
    // a mass the frames place in an organ the concept table does not name ("3 cm left adrenal
    // mass") is significant wherever it is; an impression that reports something may be its
    // interpretation ("left ectopic pregnancy" for an adnexal mass), one that reports nothing is
    // not
    boolean impressionReports = false;
    for (int i = 0; i < impression.sentences.size(); i++) {
      impressionReports |= !NOTHING_REPORTED.matcher(impression.sentenceText(i)).find();
    }
    List<LesionFrame> organMasses = new ArrayList<>();
    for (LesionFrame f : impressionReports ? List.<LesionFrame>of() : report.findingFrames) {
      boolean named =
          missing.values().stream().anyMatch(m -> m.start() >= f.start() && m.start() < f.end());
      // a "lesion" of 1 cm or more (ACR incidental-findings papers leave smaller ones alone)
      boolean lesion =
          f.kind().equals("lesion") && f.overall().map(m -> m.longMm() >= 10).orElse(true);
      // a urinary stone is a finding the impression reports (colic is its question)
      boolean urinaryStone =
          f.kind().equals("calculus")
              && (f.organ().equals("kidney") || f.organ().equals("bladder"));
      if ((f.kind().equals("mass") || lesion || urinaryStone)
          && f.assertion().positive()
          && !f.organ().isEmpty()
          && !f.organ().equals("lung")
          && !named
          && !covered(report, f, summed)
          && organMasses.stream().noneMatch(o -> o.organ().equals(f.organ()))) {
        organMasses.add(f);
      }
    }
    for (LesionFrame f : organMasses) {
      String what = f.site().name() + " " + f.kind();
      flags.add(
          Flag.of(
              FlagType.FINDING_NOT_IN_IMPRESSION,
              Severity.WARNING,
              Sentences.capitalise(what) + " is in the findings but not in the impression",
              List.of(
                  findings.evidence(f.start(), f.end()),
                  findings.evidence(f.sentenceStart(), f.sentenceEnd()))));
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
   * A sign the findings go on to read as hedged alternatives ("patchy opacity, atelectasis or
   * scarring"): the reading, not the sign, is what the impression reports or leaves out.
   */
  private static boolean readAsHedgedAlternatives(
      TextAnalyzer.Section findings, TextAnalyzer.Mention m) {
    if (!m.concept().id().equals("opacity")) {
      return false;
    }
    for (TextAnalyzer.Mention other : findings.mentions) {
      if (other.sentence() == m.sentence()
          && other.start() > m.end()
          && other.certainty() == Certainty.UNCERTAIN
          && !other.concept().id().equals(m.concept().id())) {
        return true;
      }
    }
    return false;
  }

  /** An impression sentence that reports nothing: "No acute abnormality.", "Otherwise normal." */
  private static final Pattern NOTHING_REPORTED =
      Pattern.compile(
          "^\\W*(?:no\\b|nothing\\b|negative\\b|normal\\b|unremarkable\\b|otherwise\\b)"
              + "|\\b(?:normal|unremarkable|negative)\\W*$|^\\W*$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ATTACHED =
      Pattern.compile(
          "\\b(?:with|causing|resulting in|and associated|associated with|adjacent)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A finding attached to another one the impression reports ("large left pleural effusion with
   * compressive atelectasis"): the impression's word for the head finding covers it.
   */
  private static boolean partOfReported(
      TextAnalyzer.Section findings, TextAnalyzer.Mention m, Set<String> inImpression) {
    for (TextAnalyzer.Mention head : findings.mentions) {
      if (head.sentence() == m.sentence()
          && head.end() <= m.start()
          && head.certainty() == Certainty.PRESENT
          && inImpression.contains(head.concept().id())
          && ATTACHED.matcher(findings.text.substring(head.end(), m.start())).find()) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern INTERPRETED =
      Pattern.compile(
          "\\b(?:consistent with|compatible with|in keeping with|representing|reflecting"
              + "|suggestive of|concerning for|suspicious for|likely|may represent|due to)\\b"
              // an appositive names it too: "6 mm calcified nodule in the left lower lobe, a
              // granuloma"
              + "|,\\s+(?:probably\\s+|likely\\s+)?an?\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern WORD = Pattern.compile("[a-z]{5,}");
  private static final Set<String> PLAIN =
      Set.of(
          "right",
          "left",
          "upper",
          "lower",
          "middle",
          "small",
          "large",
          "bilateral",
          "there",
          "which",
          "these",
          "those",
          "disease",
          "process",
          "change",
          "changes",
          "finding",
          "findings",
          "prior",
          "lobes");

  /**
   * The impression reports the finding as what the findings sentence interprets it to be ("nodules
   * ... consistent with metastases" and "progression of metastatic disease").
   */
  private static boolean interpretationReported(
      TextAnalyzer.Section findings, TextAnalyzer.Mention m, String impression) {
    String sentence = findings.sentenceText(m.sentence());
    Matcher c = INTERPRETED.matcher(sentence);
    if (!c.find()) {
      return false;
    }
    String said = impression.toLowerCase(Locale.ROOT);
    Matcher w = WORD.matcher(sentence.substring(c.end()).toLowerCase(Locale.ROOT));
    while (w.find()) {
      String word = w.group();
      if (PLAIN.contains(word)) {
        continue;
      }
      String stem = word.substring(0, Math.min(6, word.length()));
      if (Pattern.compile("\\b" + stem).matcher(said).find()) {
        return true;
      }
    }
    return false;
  }

  /** The impression names the finding's frame in other words, or sums up its organ's category. */
  private static boolean covered(Report report, LesionFrame f, Set<String> summed) {
    if (f == null) {
      return false;
    }
    if (summed.contains(f.organ())) {
      return true;
    }
    for (LesionFrame i : report.impressionFrames) {
      if (i.assertion().positive()
          && group(i.kind()).equals(group(f.kind()))
          && i.organ().equals(f.organ())
          && !f.organ().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A positive impression frame on one side whose findings (same organ, same kind or its other
   * words) are all on the other side. "Bilateral" findings cover either side.
   */
  private static void frameLaterality(
      Report report,
      TextAnalyzer.Section findings,
      TextAnalyzer.Section impression,
      List<Flag> flags) {
    Set<String> said = new HashSet<>();
    for (LesionFrame im : report.impressionFrames) {
      if (!im.assertion().positive() || (im.side() != Side.RIGHT && im.side() != Side.LEFT)) {
        continue;
      }
      LesionFrame example = null;
      boolean agrees = false;
      for (LesionFrame fm : report.findingFrames) {
        if (!fm.assertion().positive()
            || !group(fm.kind()).equals(group(im.kind()))
            || !sameOrgan(fm, im)
            || fm.side() == Side.NONE) {
          continue;
        }
        if (fm.side().contradicts(im.side())) {
          example = fm;
        } else {
          agrees = true;
        }
      }
      if (example != null && !agrees && said.add(im.kind() + im.side())) {
        String what = FrameExtractor.KINDS.getOrDefault(im.kind(), im.kind());
        flags.add(
            Flag.of(
                FlagType.LATERALITY_MISMATCH,
                Severity.WARNING,
                Sentences.capitalise(what)
                    + ": impression says "
                    + im.side().name().toLowerCase(Locale.ROOT)
                    + ", findings say "
                    + example.side().name().toLowerCase(Locale.ROOT)
                    + " ("
                    + findings.text.substring(example.start(), example.end())
                    + (example.site().known() ? ", " + example.site().name() : "")
                    + ")",
                List.of(
                    impression.evidence(im.sentenceStart(), im.sentenceEnd()),
                    findings.evidence(example.sentenceStart(), example.sentenceEnd()))));
      }
    }
  }

  /** The same lesion (kind, organ, side) with a size in the impression the findings do not give. */
  private static void frameMeasurements(
      Report report,
      TextAnalyzer.Section findings,
      TextAnalyzer.Section impression,
      List<Flag> flags) {
    for (LesionFrame im : report.impressionFrames) {
      for (Measurement said : im.sizes()) {
        if (!said.role().prior()
            && said.role() != Measurement.Role.DELTA
            && im.assertion().positive()) {
          sizeAgainstFindings(report, findings, impression, im, said, flags);
        }
      }
    }
  }

  private static void sizeAgainstFindings(
      Report report,
      TextAnalyzer.Section findings,
      TextAnalyzer.Section impression,
      LesionFrame im,
      Measurement said,
      List<Flag> flags) {
    {
      Measurement nearest = null;
      boolean known = false;
      for (LesionFrame fm : report.findingFrames) {
        if (!group(fm.kind()).equals(group(im.kind()))
            || !sameOrgan(fm, im)
            || fm.side().contradicts(im.side())
            || fm.sizes().isEmpty()) {
          continue;
        }
        for (Measurement m : fm.sizes()) {
          for (double axis : m.axesMm()) {
            known |= Math.abs(axis - said.longMm()) < 0.05;
          }
          known |= Math.abs(m.meanMm() - said.meanMm()) < 0.05;
          if (m.role() == said.role()
              && (nearest == null
                  || Math.abs(m.longMm() - said.longMm())
                      < Math.abs(nearest.longMm() - said.longMm()))) {
            nearest = m;
          }
        }
      }
      if (!known && nearest != null) {
        flags.add(
            Flag.of(
                FlagType.MEASUREMENT_MISMATCH,
                Severity.WARNING,
                "The impression states "
                    + impression.text.substring(said.start(), said.end())
                    + "; the findings give "
                    + findings.text.substring(nearest.start(), nearest.end()),
                List.of(
                    impression.evidence(said.start(), said.end()),
                    findings.evidence(nearest.start(), nearest.end()))));
      }
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
