package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.ConsistencyChecker.PAIRED;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.group;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.otherSidesSize;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.sameKind;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.sameOrgan;

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

/**
 * The LATERALITY_MISMATCH check of {@link ConsistencyChecker}: sides that disagree between the
 * findings and the impression (by lesion frame, by paired organ, by a sized lesion, by a sided
 * place or a stenosis grade) and a one-sided study whose text speaks only of the other side.
 */
final class LateralityCheck {
  private final FrameExtractor sites = new FrameExtractor();

  /**
   * A positive impression frame on one side whose findings (same organ, same kind or its other
   * words) are all on the other side. "Bilateral" findings cover either side.
   */
  void frameLaterality(
      Report report,
      TextAnalyzer.Section findings,
      TextAnalyzer.Section impression,
      List<Flag> flags) {
    Set<String> said = new HashSet<>();
    for (LesionFrame im : report.impressionFrames) {
      if (!im.assertion().positive()
          || (im.side() != Side.RIGHT && im.side() != Side.LEFT)
          || sideOnlyNormal(impression.text, im)) {
        continue;
      }
      List<String> imPlaces = genericPlaces(impression.text, im);
      LesionFrame example = null;
      Side exampleSide = Side.NONE;
      boolean agrees = false;
      List<String> placeMatched = placeMatchedFrames(report, findings.text, im, impression.text);
      for (LesionFrame fm : report.findingFrames) {
        if (fm.assertion().positive()
            && fm.side() == Side.NONE
            && sameOrgan(fm, im)
            && placeNamedInSentence(findings.text, fm, im)) {
          agrees = true; // "The dominant one is in the right upper lobe"
          continue;
        }
        Side side = findingSide(findings.text, fm);
        if (!fm.assertion().positive()
            || !lateralGroup(fm, findings.text).equals(lateralGroup(im, impression.text))
            || !sameOrgan(fm, im)
            || side == Side.NONE
            || !sameGenericSite(findings.text, fm, impression.text, im, imPlaces)) {
          continue;
        }
        if (!placeMatched.isEmpty() && !namesPlaceIn(findings.text, fm, placeMatched)) {
          continue; // "old healed right pubic ramus fracture" is no claim about the hip
        }
        if (side.contradicts(im.side())) {
          example = fm;
          exampleSide = side;
        } else {
          agrees = true;
        }
      }
      if (example != null
          && !agrees
          && !sidedPlaceOnItsSide(report, findings.text, im, sidedPlaces(impression.text, im))
          && !diffusionOnItsSide(findings.text, im, impression.text)
          && said.add(im.kind() + im.side())) {
        String what = FrameExtractor.KINDS.getOrDefault(im.kind(), im.kind());
        flags.add(
            Flag.of(
                FlagType.LATERALITY_MISMATCH,
                Severity.WARNING,
                Sentences.capitalise(what)
                    + ": impression says "
                    + im.side().name().toLowerCase(Locale.ROOT)
                    + ", findings say "
                    + exampleSide.name().toLowerCase(Locale.ROOT)
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

  /**
   * Round 30 (helper "cx12"): every side word of the frame's side in its sentence is said as normal
   * ("intratesticular solid mass concerning for neoplasm normal right testis"), so the side the
   * frame took is no claim about the finding.
   */
  private static boolean sideOnlyNormal(String text, LesionFrame im) {
    if (im.sentenceStart() < 0) {
      return false;
    }
    String sentence = text.substring(im.sentenceStart(), Math.min(text.length(), im.sentenceEnd()));
    String side = im.side() == Side.RIGHT ? "right" : "left";
    boolean any = false;
    Matcher m = SIDE_PLACE.matcher(sentence);
    while (m.find()) {
      if (sideName(m).equals(side)) {
        if (!normalBefore(sentence, m)) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  /**
   * Round 30 (helper "cx12"): the places a generic lesion word's side names in its sentence ("Right
   * iliac lesion" names "iliac"), the side of the frame said last before it (or first after it).
   */
  private static List<String> genericPlaces(String text, LesionFrame im) {
    // generic words only: a named lesion ("vestibular schwannoma") carries its own site
    if (!Set.of("lesion", "mass", "nodule").contains(im.kind()) || im.sentenceStart() < 0) {
      return List.of();
    }
    String sentence = text.substring(im.sentenceStart(), Math.min(text.length(), im.sentenceEnd()));
    String side = im.side() == Side.RIGHT ? "right" : "left";
    int at = im.start() - im.sentenceStart();
    Matcher m = SIDE_PLACE.matcher(sentence);
    int chosen = -1;
    while (m.find()) {
      if (sideName(m).equals(side) && (chosen < 0 || m.start() < at)) {
        chosen = m.end();
      }
    }
    // the first place only: the word after it is often the lesion word itself ("iliac lesion")
    String place = chosen < 0 ? "" : placeAfter(sentence, chosen);
    return place.isEmpty() ? List.of() : List.of(place);
  }

  /**
   * Round 30 (helper "cx12"): sides of generic lesion words compare only within one site: the
   * findings frame's sentence names the impression's place ("iliac", "adrenal"), or the impression
   * sentence names the findings frame's organ ("right upper lobe nodule" and a lung nodule). "Right
   * iliac lesion" on a prostate MRI is no claim about the left prostate lesion.
   */
  private boolean sameGenericSite(
      String findings, LesionFrame fm, String impression, LesionFrame im, List<String> imPlaces) {
    if (imPlaces.isEmpty() || fm.sentenceStart() < 0 || fm.organ().isEmpty()) {
      return true;
    }
    String fmSentence =
        findings.substring(fm.sentenceStart(), Math.min(findings.length(), fm.sentenceEnd()));
    for (String place : imPlaces) {
      if (namesPlace(fmSentence, place)) {
        return true;
      }
    }
    String imSentence =
        impression.substring(im.sentenceStart(), Math.min(impression.length(), im.sentenceEnd()));
    return !sites.sidesOf(imSentence, fm.organ()).isEmpty();
  }

  /** The impression's place ("right upper lobe") said in the sentence of a sideless finding. */
  private static boolean placeNamedInSentence(String text, LesionFrame fm, LesionFrame im) {
    return LR_WORD.matcher(im.location()).find()
        && fm.sentenceStart() >= 0
        && text.substring(fm.sentenceStart(), Math.min(text.length(), fm.sentenceEnd()))
            .toLowerCase(Locale.ROOT)
            .contains(im.location().toLowerCase(Locale.ROOT));
  }

  private static final Pattern LR_WORD =
      Pattern.compile("\\b(right|left)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern SIDES_COORDINATED =
      Pattern.compile(
          "\\b(?:right|left)\\s+(?:[\\w-]+\\s+){0,2}?(?:and|or|&)\\s+(?:[\\w-]+\\s+){0,2}?"
              + "(?:right|left)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SITE_AFTER =
      Pattern.compile(
          "^[\\s,]*(?:[\\w-]+\\s+){0,3}?(?:in|of|at|within|involving)\\s+the\\s+(right|left)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern BOTH_SIDES =
      Pattern.compile("\\b(?:bilateral\\w*|both|either)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * A findings frame's own side: in one sentence that names both sides without saying bilateral
   * (speech without full stops: "the right kidney ... no hydronephrosis the left kidney ... with
   * moderate hydronephrosis"), the side named last before the finding; a sideless finding of a
   * paired organ in findings that name that organ only on one side ("Targeted US left breast. 11 mm
   * simple cyst."), that side.
   */
  private Side findingSide(String text, LesionFrame fm) {
    if (fm.side() == Side.LEFT || fm.side() == Side.RIGHT || fm.sentenceStart() < 0) {
      return fm.side();
    }
    String sentence = text.substring(fm.sentenceStart(), Math.min(text.length(), fm.sentenceEnd()));
    if ((fm.side() == Side.BILATERAL || fm.side() == Side.NONE)
        && !BOTH_SIDES.matcher(sentence).find()
        && sentence.toLowerCase(Locale.ROOT).matches("(?s).*\\bright\\b.*")
        && sentence.toLowerCase(Locale.ROOT).matches("(?s).*\\bleft\\b.*")) {
      if (SIDES_COORDINATED
          .matcher(text.substring(fm.sentenceStart(), Math.max(fm.sentenceStart(), fm.start())))
          .find()) {
        return fm.side(); // "small right and moderate left pleural effusions"
      }
      // "a nodule in the right lobe", "3 mm in the right upper lobe, 5 mm in the left": a side
      // said right after the finding may be its own, so the side before it decides nothing
      Matcher after =
          SITE_AFTER.matcher(
              text.substring(
                  Math.min(text.length(), fm.end()), Math.min(text.length(), fm.end() + 40)));
      if (after.find()) {
        // "fracture of the left femoral neck the right hip is normal": the side said right after
        // is the finding's own when the sentence says the other side only as normal
        return afterSideAlone(sentence, after.group(1)) ? sideNamed(after.group(1)) : fm.side();
      }
      Side last = Side.NONE;
      Matcher w =
          LR_WORD.matcher(
              text.substring(fm.sentenceStart(), Math.max(fm.sentenceStart(), fm.start())));
      while (w.find()) {
        last = w.group(1).toLowerCase(Locale.ROOT).equals("right") ? Side.RIGHT : Side.LEFT;
      }
      return last == Side.NONE ? fm.side() : last;
    }
    if (fm.side() == Side.NONE && PAIRED.contains(fm.organ()) && !BOTH_SIDES.matcher(text).find()) {
      Set<Side> words = new HashSet<>();
      Matcher w = LR_WORD.matcher(text);
      while (w.find()) {
        words.add(w.group(1).toLowerCase(Locale.ROOT).equals("right") ? Side.RIGHT : Side.LEFT);
      }
      Set<Side> named = sites.sidesOf(text, fm.organ());
      if (words.size() == 1 && named.equals(words)) {
        return words.iterator().next();
      }
    }
    return fm.side();
  }

  private static final Pattern NORMAL =
      Pattern.compile(
          "\\b(?:normal|unremarkable|no abnormality|intact)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * An impression finding on one side of a paired organ that the findings describe only by its
   * signs, on the other side ("Left testis: enlarged, absent flow. Right testis normal." and "right
   * testicular torsion"): no findings frame of that kind, the organ named with findings only on the
   * other side, and on the impression's side only as normal.
   */
  void organSideLaterality(
      Report report,
      TextAnalyzer.Section findings,
      TextAnalyzer.Section impression,
      List<Flag> flags) {
    for (LesionFrame im : report.impressionFrames) {
      if (!im.assertion().positive()
          || (im.side() != Side.RIGHT && im.side() != Side.LEFT)
          || !PAIRED.contains(im.organ())) {
        continue;
      }
      boolean framed =
          report.findingFrames.stream()
              .anyMatch(
                  f ->
                      f.assertion().positive()
                          && lateralGroup(f, findings.text)
                              .equals(lateralGroup(im, impression.text))
                          && sameOrgan(f, im));
      if (framed) {
        continue;
      }
      String example = null;
      boolean agrees = false;
      for (Sentences.Span span : Sentences.split(findings.text)) {
        String sentence = findings.text.substring(span.start(), span.end());
        Set<Side> named = sites.sidesOf(sentence, im.organ());
        boolean normal = NORMAL.matcher(sentence).find();
        if ((named.contains(im.side()) && !normal) || named.contains(Side.BILATERAL)) {
          agrees = true;
        } else if (!normal
            && named.stream().anyMatch(s -> s.contradicts(im.side()))
            && example == null) {
          example = sentence.trim();
        }
      }
      if (example != null && !agrees) {
        String what = FrameExtractor.KINDS.getOrDefault(im.kind(), im.kind());
        flags.add(
            Flag.of(
                FlagType.LATERALITY_MISMATCH,
                Severity.WARNING,
                Sentences.capitalise(what)
                    + ": impression says "
                    + im.side().name().toLowerCase(Locale.ROOT)
                    + ", findings describe the "
                    + im.site().name()
                    + " only on the other side ("
                    + example
                    + ")",
                List.of(impression.evidence(im.sentenceStart(), im.sentenceEnd()))));
        return;
      }
    }
  }

  /**
   * The kind group a frame is compared by for its side: a brain hypodensity or lesion in an
   * arterial territory ("hypodensity in the right MCA territory") is how an infarct is described.
   */
  private static String lateralGroup(LesionFrame f, String text) {
    String g = group(f.kind());
    if (g.equals("lesion")
        && f.organ().equals("brain")
        && f.sentenceStart() >= 0
        && text.substring(f.sentenceStart(), f.sentenceEnd())
            .toLowerCase(Locale.ROOT)
            .contains("territor")) {
      return "infarct";
    }
    return g;
  }

  /**
   * A sized impression finding on one side whose size only a findings finding of its kind on the
   * other side has, when the findings have that kind on both sides ("Right kidney: 9 mm obstructing
   * calculus ... Left kidney: 4 mm calculus" and "9 mm obstructing left UVJ calculus").
   */
  static void sizeLaterality(
      Report report,
      TextAnalyzer.Section findings,
      TextAnalyzer.Section impression,
      List<Flag> flags) {
    for (LesionFrame im : report.impressionFrames) {
      if (!im.assertion().positive()) {
        continue;
      }
      for (Measurement said : im.sizes()) {
        if (said.role().prior()
            || said.role() == Measurement.Role.DELTA
            // round 30 (cx11): "a left stone below 6 mm", "biopsy at 1 cm" bound a size, they
            // give none, so they cannot be the other side's lesion
            || MeasurementCheck.threshold(impression.text, said.start(), said.end())
            || MeasurementCheck.conditionalSize(impression.text, said.start())
            || MeasurementCheck.distance(impression.text, said.start(), said.end())
            || !otherSidesSize(report.findingFrames, im, said)) {
          continue;
        }
        LesionFrame example =
            report.findingFrames.stream()
                .filter(fm -> sameKind(fm, im) && fm.side().contradicts(im.side()))
                .findFirst()
                .orElseThrow();
        flags.add(
            Flag.of(
                FlagType.LATERALITY_MISMATCH,
                Severity.WARNING,
                "The impression's "
                    + impression.text.substring(said.start(), said.end())
                    + " "
                    + FrameExtractor.KINDS.getOrDefault(im.kind(), im.kind())
                    + " is "
                    + im.side().name().toLowerCase(Locale.ROOT)
                    + "; the findings give that size on the "
                    + example.side().name().toLowerCase(Locale.ROOT),
                List.of(
                    impression.evidence(im.sentenceStart(), im.sentenceEnd()),
                    findings.evidence(example.sentenceStart(), example.sentenceEnd()))));
        return;
      }
    }
  }

  /** A one-sided study (e.g. a right knee) whose text speaks only of the other side. */
  static void studyLaterality(Report report, List<Flag> flags) {
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

  private static final Pattern DIFFUSION =
      Pattern.compile(
          "\\b(?:restrict\\w*\\s+diffusion|diffusion\\s+restrict\\w*|restricted\\s+diffusion)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A brain infarct the findings describe by its sign ("New restricted diffusion in the right
   * occipital lobe, PCA territory") on the impression's side: it agrees even when the only framed
   * infarct of the findings is an old one on the other side.
   */
  private static boolean diffusionOnItsSide(String findings, LesionFrame im, String impression) {
    if (!lateralGroup(im, impression).equals("infarct") && !group(im.kind()).equals("infarct")) {
      return false;
    }
    String side = im.side() == Side.RIGHT ? "right" : "left";
    for (Sentences.Span span : Sentences.split(findings)) {
      String sentence = findings.substring(span.start(), span.end());
      if (DIFFUSION.matcher(sentence).find()
          && sidesSaid(sentence).contains(side)
          && !NEGATED_BEFORE.matcher(sentence).lookingAt()) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern NEGATED_BEFORE =
      Pattern.compile("^\\s*(?:no|without|negative for)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * Sides said in words or abbreviated; round 30 (helper "cx12"): a capital "R" / "L" (also "L."
   * and "L)") before a word ("L shoulder", "R orbit:"), not a spinal level ("L4", "L-spine"), not a
   * unit after a number ("2 L/min", "1 L of fluid").
   */
  private static final Pattern SIDE_PLACE =
      Pattern.compile(
          "\\b(right|left|rt|lt)\\b\\.?"
              + "|(?<!\\d\\s)(?<![\\w.\\-/])((?-i:[RL]))[.)]?(?=[ \\t]+[A-Za-z]{3,})",
          Pattern.CASE_INSENSITIVE);

  /** "Rt." / "Lt." / "R" are right / left. */
  private static String sideName(Matcher m) {
    String g = m.group(1) != null ? m.group(1) : m.group(2);
    return g.toLowerCase(Locale.ROOT).startsWith("r") ? "right" : "left";
  }

  /**
   * Round 30 (helper "cx12"): "Normal uterus and right ovary.", "... neoplasm normal right testis":
   * a side a normal word says a few words before, with no more than a short place after it, is a
   * statement that the side is normal, no claim of a lesion there ("normal sized right kidney with
   * a 2.5 cm mass" still is one).
   */
  private static final Pattern NORMAL_LEAD =
      Pattern.compile(
          "\\b(?:normal|unremarkable)[\\s,]+(?:[A-Za-z-]+[\\s,]+){0,3}$", Pattern.CASE_INSENSITIVE);

  private static boolean normalBefore(String sentence, Matcher at) {
    if (!NORMAL_LEAD.matcher(sentence.substring(Math.max(0, at.start() - 60), at.start())).find()) {
      return false;
    }
    Matcher next = SIDE_PLACE.matcher(sentence);
    int end = next.find(at.end()) ? next.start() : sentence.length();
    String after = sentence.substring(at.end(), end).trim();
    return !after.matches("(?s).*\\d.*") && after.split("[\\s,]+").length <= 4;
  }

  private static final Pattern PLACE_WORD = Pattern.compile("[A-Za-z0-9]+");

  /** Words between a side and the place it names ("right-sided", "right upper ..."). */
  private static final Set<String> NOT_A_PLACE =
      Set.of(
          "sided",
          "side",
          "the",
          "and",
          "or",
          "of",
          "upper",
          "lower",
          "middle",
          "mid",
          "inferior",
          "superior",
          "anterior",
          "posterior",
          "medial",
          "lateral",
          "distal",
          "proximal",
          "acute",
          "small",
          "large",
          "mild",
          "moderate",
          "severe",
          "is",
          "a",
          "an",
          "with",
          "in");

  private static final Pattern NORMAL_SIDE =
      Pattern.compile(
          "\\b(?:normal|unremarkable|no abnormality|intact|patent|not (?:seen|imaged|visuali[sz]ed|identified)"
              // "the right lung is clear", "right lung clear" (round 28); not "clear cell" /
              // "fluid"
              + "|(?:is|are|remains?|appears?|looks?|lungs?)\\s+clear(?!\\s+(?:cell|fluid)))\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern NO_BEFORE =
      Pattern.compile("\\b(?:no|without|not)\\s+(?:\\w+\\s+)?$", Pattern.CASE_INSENSITIVE);

  /** "reduced flow compared with the left": the side compared against, not one described. */
  private static final Pattern COMPARED_BEFORE =
      Pattern.compile(
          "\\b(?:compared (?:with|to)|than|relative to|versus|vs\\.?)\\s+(?:the\\s+)?$",
          Pattern.CASE_INSENSITIVE);

  /**
   * "4 mm midline shift to the right", "trachea deviated towards the left": the way something
   * moved, not a side where a finding lies (round 28).
   */
  private static final Pattern DIRECTION_BEFORE =
      Pattern.compile(
          "\\b(?:shift\\w*|deviat\\w*|displac\\w*|deflect\\w*|push\\w*|bowing|bowed)\\s+"
              + "(?:[\\w.]+\\s+){0,3}?(?:to|towards)\\s+(?:the\\s+)?$",
          Pattern.CASE_INSENSITIVE);

  private static Side sideNamed(String word) {
    return word.toLowerCase(Locale.ROOT).equals("right") ? Side.RIGHT : Side.LEFT;
  }

  /** Every mention of the side other than {@code side} in the sentence is normal or negated. */
  private static boolean afterSideAlone(String sentence, String side) {
    Matcher m = SIDE_PLACE.matcher(sentence);
    while (m.find()) {
      if (!sideName(m).equalsIgnoreCase(side) && positiveSide(sentence, m)) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> sidesSaid(String sentence) {
    Set<String> out = new HashSet<>();
    Matcher m = SIDE_PLACE.matcher(sentence);
    while (m.find()) {
      out.add(sideName(m));
    }
    return out;
  }

  /**
   * A side said of something (not "normal", not negated): the words from the side to the next side
   * word or the sentence end name nothing normal, and no "no" stands right before it.
   */
  private static boolean positiveSide(String sentence, Matcher at) {
    Matcher next = SIDE_PLACE.matcher(sentence);
    int end = next.find(at.end()) ? next.start() : sentence.length();
    return !NORMAL_SIDE.matcher(sentence.substring(at.start(), end)).find()
        && !normalBefore(sentence, at)
        && !NO_BEFORE.matcher(sentence.substring(Math.max(0, at.start() - 20), at.start())).find()
        && !DIRECTION_BEFORE
            .matcher(sentence.substring(Math.max(0, at.start() - 40), at.start()))
            .find()
        && !COMPARED_BEFORE
            .matcher(sentence.substring(Math.max(0, at.start() - 30), at.start()))
            .find();
  }

  /** The place a side is said of: the first word after it that is no side modifier. */
  private static String placeAfter(String sentence, int from) {
    Matcher w = PLACE_WORD.matcher(sentence.substring(from));
    for (int i = 0; i < 4 && w.find(); i++) {
      String word = w.group().toLowerCase(Locale.ROOT);
      if (!NOT_A_PLACE.contains(word)) {
        return word;
      }
    }
    return "";
  }

  /**
   * Round 28: a place's other name ("renal" for the kidney, "TZ" for the transition zone), so that
   * "left renal mass" and "right kidney" name one organ.
   */
  private static String placeName(String word) {
    return switch (word) {
      case "renal", "nephric" -> "kidney";
      case "hepatic" -> "liver";
      case "tz" -> "transition";
      case "pz" -> "peripheral";
      case "cz" -> "central";
      case "mammary" -> "breast";
      default -> word;
    };
  }

  /**
   * The place a side is said of and the word after it when that is no side modifier either: "right
   * breast implant" names the breast and its implant (round 28).
   */
  private static List<String> placesAfter(String sentence, int from) {
    List<String> out = new ArrayList<>();
    String first = placeAfter(sentence, from);
    if (first.isEmpty()) {
      return out;
    }
    out.add(first);
    Matcher w = PLACE_WORD.matcher(sentence.substring(from));
    while (w.find()) {
      if (w.group().equalsIgnoreCase(first)) {
        String rest = sentence.substring(from + w.end());
        Matcher next = NEXT_WORD.matcher(rest);
        if (next.find() && !NOT_A_PLACE.contains(next.group(1).toLowerCase(Locale.ROOT))) {
          out.add(next.group(1).toLowerCase(Locale.ROOT));
        }
        break;
      }
    }
    return out;
  }

  private static final Pattern NEXT_WORD = Pattern.compile("^[ \\t]+([A-Za-z]{4,})\\b");

  /** "ovarian" names the ovary, "femoral" the femur's head: places compared by their stem. */
  private static boolean namesPlace(String sentence, String said) {
    Matcher w = PLACE_WORD.matcher(sentence);
    String place = placeName(said);
    String stem = place.length() < 4 ? place : place.substring(0, 4);
    while (w.find()) {
      String word = placeName(w.group().toLowerCase(Locale.ROOT));
      if (place.length() < 4 ? word.equals(place) : word.startsWith(stem)) {
        return true;
      }
    }
    return false;
  }

  /** A heading that opens with a side and a place and a colon: "Right kidney:", "left ovary:". */
  private static final Pattern SIDE_HEADING =
      Pattern.compile(
          "^\\s*(right|left|rt|lt)\\b\\.?(?:\\s+[A-Za-z-]+){1,3}\\s*:", Pattern.CASE_INSENSITIVE);

  /**
   * Round 35 (helper "sys16"): a sentence with no side of its own under a side's heading ("Right
   * kidney: 10.8 cm, no hydronephrosis. Upper pole 2.1 cm simple cyst.") is said of that side; true
   * when such a sentence on {@code side} says something that is not normal or denied.
   */
  private static boolean headedSideSaysSomething(String findings, String side) {
    String heading = null;
    for (Sentences.Span span : Sentences.split(findings)) {
      String sentence = findings.substring(span.start(), span.end());
      Matcher h = SIDE_HEADING.matcher(sentence);
      if (h.find()) {
        heading = h.group(1).toLowerCase(Locale.ROOT).startsWith("r") ? "right" : "left";
      } else if (!sidesSaid(sentence).isEmpty()
          || sentence.matches("(?s)^\\s*[A-Za-z][\\w -]{0,30}:.*")) {
        heading = null; // a sentence with its own side, or another heading, ends the reach
      } else if (side.equals(heading)
          && !NORMAL_SIDE.matcher(sentence).find()
          && !NEGATED_BEFORE.matcher(sentence).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Round 27 (lat8): a section that names one side only ("L5-S1 extrusion compressing the right S1
   * nerve root", "Stereotactic biopsy of the left breast") of a place the findings name only with
   * the other side ("left S1 nerve root", "Right breast: ... calcifications. Left breast
   * unremarkable."), when the findings say that side of nothing or only as normal. Places need no
   * finding frame: territories, nerve roots, femoral heads, ovaries said as "ovarian".
   */
  static void sidedPlaceLaterality(
      TextAnalyzer.Section findings, TextAnalyzer.Section section, List<Flag> flags) {
    Set<String> sectionSides = sidesSaid(section.text);
    if (sectionSides.size() != 1 || BOTH_SIDES.matcher(section.text).find()) {
      return;
    }
    String side = sectionSides.iterator().next();
    String other = side.equals("right") ? "left" : "right";
    for (Sentences.Span span : Sentences.split(findings.text)) {
      String sentence = findings.text.substring(span.start(), span.end());
      Matcher m = SIDE_PLACE.matcher(sentence);
      while (m.find()) {
        if (sideName(m).equals(side) && positiveSide(sentence, m)) {
          return; // the findings say the section's side of something
        }
      }
    }
    if (headedSideSaysSomething(findings.text, side)) {
      return; // "Right kidney: ... Upper pole 2.1 cm simple cyst.": said under that side's heading
    }
    for (Sentences.Span said : Sentences.split(section.text)) {
      String sentence = section.text.substring(said.start(), said.end());
      Matcher m = SIDE_PLACE.matcher(sentence);
      while (m.find()) {
        if (!positiveSide(sentence, m)) {
          continue;
        }
        for (String place : placesAfter(sentence, m.end())) {
          for (Sentences.Span span : Sentences.split(findings.text)) {
            String f = findings.text.substring(span.start(), span.end());
            if (!namesPlace(f, place) || BOTH_SIDES.matcher(f).find()) {
              continue;
            }
            Matcher o = SIDE_PLACE.matcher(f);
            while (o.find()) {
              if (sideName(o).equals(other) && positiveSide(f, o)) {
                flags.add(
                    Flag.of(
                        FlagType.LATERALITY_MISMATCH,
                        Severity.WARNING,
                        "The "
                            + section.kind.title().toLowerCase(Locale.ROOT)
                            + " says "
                            + sentence
                                .substring(
                                    m.start(),
                                    Math.min(sentence.length(), m.end() + 1 + place.length()))
                                .trim()
                            + "; the findings say "
                            + other
                            + " ("
                            + f.trim()
                            + ")",
                        List.of(
                            section.evidence(said.start() + m.start(), said.start() + m.end()),
                            findings.evidence(span.start(), span.end()))));
                return;
              }
            }
          }
        }
      }
    }
  }

  private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\s*[-\u2013]\\s*\\d+)?)\\s*%");

  /** Vessels said in full or abbreviated ("left internal carotid artery", "left ICA"). */
  private static String vesselWords(String sentence) {
    return sentence
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\binternal carotid(?: artery)?\\b", "ica")
        .replaceAll("\\bcommon carotid(?: artery)?\\b", "cca")
        .replaceAll("\\bexternal carotid(?: artery)?\\b", "eca")
        .replaceAll("\\bvertebral artery\\b", "va");
  }

  private static Set<String> percents(String text) {
    Set<String> out = new HashSet<>();
    Matcher p = PERCENT.matcher(text);
    while (p.find()) {
      out.add(p.group(1).replaceAll("\\s", "").replace('\u2013', '-'));
    }
    return out;
  }

  /**
   * Round 27 (lat8): a graded vessel on both sides ("Right ICA ... 70-99% stenosis. Left ICA:
   * <50%.") whose grade the impression gives to the other side ("Severe 70-99% stenosis of the left
   * internal carotid artery"): the impression's grade is the other side's and not its own side's.
   */
  static void gradeLaterality(
      TextAnalyzer.Section findings, TextAnalyzer.Section impression, List<Flag> flags) {
    if (BOTH_SIDES.matcher(impression.text).find()) {
      return;
    }
    Map<String, Set<String>> graded = new LinkedHashMap<>(); // "right ica" -> {"70-99"}
    for (Sentences.Span span : Sentences.split(findings.text)) {
      String f = vesselWords(findings.text.substring(span.start(), span.end()));
      if (BOTH_SIDES.matcher(f).find()) {
        continue;
      }
      Matcher m = SIDE_PLACE.matcher(f);
      while (m.find()) {
        Matcher next = SIDE_PLACE.matcher(f);
        int end = next.find(m.end()) ? next.start() : f.length();
        String place = placeAfter(f, m.end());
        if (!place.isEmpty()) {
          graded
              .computeIfAbsent(sideName(m) + " " + place, k -> new HashSet<>())
              .addAll(percents(f.substring(m.start(), end)));
        }
      }
    }
    for (Sentences.Span said : Sentences.split(impression.text)) {
      String sentence = vesselWords(impression.text.substring(said.start(), said.end()));
      Set<String> sides = sidesSaid(sentence);
      Set<String> grade = percents(sentence);
      if (sides.size() != 1 || grade.isEmpty()) {
        continue;
      }
      String side = sides.iterator().next();
      String other = side.equals("right") ? "left" : "right";
      Matcher m = SIDE_PLACE.matcher(sentence);
      if (!m.find() || !positiveSide(sentence, m)) {
        continue;
      }
      String place = placeAfter(sentence, m.end());
      Set<String> own = graded.getOrDefault(side + " " + place, Set.of());
      Set<String> others = graded.getOrDefault(other + " " + place, Set.of());
      if (place.isEmpty() || own.isEmpty() || others.isEmpty()) {
        continue;
      }
      Set<String> asOther = new HashSet<>(grade);
      asOther.retainAll(others);
      Set<String> asOwn = new HashSet<>(grade);
      asOwn.retainAll(own);
      if (!asOther.isEmpty() && asOwn.isEmpty()) {
        flags.add(
            Flag.of(
                FlagType.LATERALITY_MISMATCH,
                Severity.WARNING,
                "The impression gives the "
                    + side
                    + " "
                    + place.toUpperCase(Locale.ROOT)
                    + " "
                    + asOther.iterator().next()
                    + "%; the findings give that grade to the "
                    + other
                    + " side",
                List.of(impression.evidence(said.start(), said.end()))));
        return;
      }
    }
  }

  /**
   * Round 34 (helper "lat10"): the places the impression says its side of, right after the side
   * word ("right intertrochanteric fracture", "right femoral neck metastasis"), for every kind.
   */
  private static List<String> sidedPlaces(String impression, LesionFrame im) {
    if (im.sentenceStart() < 0) {
      return List.of();
    }
    String sentence =
        impression.substring(im.sentenceStart(), Math.min(impression.length(), im.sentenceEnd()));
    String side = im.side() == Side.RIGHT ? "right" : "left";
    List<String> out = new ArrayList<>();
    Matcher m = SIDE_PLACE.matcher(sentence);
    while (m.find()) {
      if (sideName(m).equals(side) && positiveSide(sentence, m)) {
        String place = placeAfter(sentence, m.end());
        if (place.length() >= 4 && !place.equals(im.kind())) {
          out.add(place);
        }
      }
    }
    return out;
  }

  private static boolean namesPlaceIn(String findings, LesionFrame fm, List<String> places) {
    if (fm.sentenceStart() < 0) {
      return false;
    }
    String sentence =
        findings.substring(fm.sentenceStart(), Math.min(findings.length(), fm.sentenceEnd()));
    return places.stream().anyMatch(p -> namesPlace(sentence, p));
  }

  /**
   * Round 34 (helper "lat10"): when some sided findings frames of the impression frame's kind sit
   * in sentences naming the impression's place, only those are compared: an old right pubic ramus
   * fracture does not answer for "right intertrochanteric fracture" beside a left one.
   */
  private List<String> placeMatchedFrames(
      Report report, String findings, LesionFrame im, String impression) {
    List<String> places = sidedPlaces(impression, im);
    if (places.isEmpty()) {
      return List.of();
    }
    for (LesionFrame fm : report.findingFrames) {
      Side side = findingSide(findings, fm);
      if (fm.assertion().positive()
          && (side == Side.RIGHT || side == Side.LEFT)
          && lateralGroup(fm, findings).equals(lateralGroup(im, impression))
          && sameOrgan(fm, im)
          && namesPlaceIn(findings, fm, places)) {
        return places;
      }
    }
    return List.of();
  }

  /**
   * Round 34 (helper "lat10"): the findings say the impression's side of its place ("lytic lesion
   * of the right femoral neck" for "right femoral neck metastasis") in a sentence with a positive
   * finding on that side, of its kind or a generic lesion word: the impression's side is the
   * findings', whatever word they use.
   */
  private boolean sidedPlaceOnItsSide(
      Report report, String findings, LesionFrame im, List<String> places) {
    if (places.isEmpty()) {
      return false;
    }
    String side = im.side() == Side.RIGHT ? "right" : "left";
    for (LesionFrame fm : report.findingFrames) {
      if (!fm.assertion().positive()
          || findingSide(findings, fm) != im.side()
          || !sameOrgan(fm, im)
          || !(Set.of("lesion", "mass", "nodule").contains(fm.kind()) || sameKind(fm, im))
          || fm.sentenceStart() < 0) {
        continue;
      }
      String sentence =
          findings.substring(fm.sentenceStart(), Math.min(findings.length(), fm.sentenceEnd()));
      Matcher m = SIDE_PLACE.matcher(sentence);
      while (m.find()) {
        if (sideName(m).equals(side)
            && positiveSide(sentence, m)
            && places.stream().anyMatch(p -> namesPlace(placeAfter(sentence, m.end()), p))) {
          return true;
        }
      }
    }
    return false;
  }
}
