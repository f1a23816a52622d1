package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.ConsistencyChecker.CENTIMETRES;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.NUMBER;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.mm;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.otherSidesSize;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.precisionMm;
import static org.radassist.drafting.internal.engine.ConsistencyChecker.roundsTo;
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
import org.radassist.drafting.internal.engine.frames.LesionFrame;
import org.radassist.drafting.internal.engine.frames.Measurement;
import org.radassist.drafting.internal.engine.frames.Side;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.Severity;

/**
 * The MEASUREMENT_MISMATCH check of {@link ConsistencyChecker}: sizes the impression states
 * differently from the findings (by lesion frame or by the sizes of the text), and the aorta and
 * the ducts said dilated at a size the findings do not give.
 */
final class MeasurementCheck {
  /** The largest size a sentence gives, in millimetres (0 when none). */
  private static final Pattern AXES =
      Pattern.compile(
          "\\d+(?:\\.\\d+)?(?:\\s*(?:x|by)\\s*\\d+(?:\\.\\d+)?)*\\s*(?:cm|mm)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern AORTA_WORD =
      Pattern.compile(
          // "para-aortic node", "aortocaval node": a node station, not the aorta (round 28)
          "(?<!(?:para|peri|retro|pre|inter)-?)\\b(?!aorto-?(?:caval|pulmonary))(?:aort\\w*|aaa)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern PRIOR_BEFORE =
      Pattern.compile(
          "\\b(?:was|previously|prior|from|before|baseline|last)\\s+(?:\\w+\\s+)?$",
          Pattern.CASE_INSENSITIVE);

  /**
   * The aorta's size in the impression against the findings' ("aorta dilated to 4.4 cm" then
   * "aortic aneurysm 4.8 cm"): the findings name no aneurysm frame, so the sizes of the sentences
   * about the aorta are compared, with the rounding a size's precision allows.
   */
  static void aortaSizes(
      TextAnalyzer.Section findings, TextAnalyzer.Section impression, List<Flag> flags) {
    List<int[]> known = new ArrayList<>();
    for (int i = 0; i < findings.sentences.size(); i++) {
      String t = findings.sentenceText(i);
      if (!AORTA_WORD.matcher(t).find()) {
        continue;
      }
      int base = findings.sentences.get(i).start();
      Matcher c = AXES.matcher(t);
      while (c.find()) {
        // every axis of "4.3 x 4.1 cm", in the unit written after the last one
        Matcher n = NUMBER.matcher(c.group());
        while (n.find()) {
          int from = base + c.start();
          known.add(new int[] {from + n.start(), from + n.end(), base + c.end()});
        }
      }
    }
    if (known.isEmpty()) {
      return;
    }
    for (int i = 0; i < impression.sentences.size(); i++) {
      String t = impression.sentenceText(i);
      if (!AORTA_WORD.matcher(t).find()) {
        continue;
      }
      int base = impression.sentences.get(i).start();
      Matcher c = CENTIMETRES.matcher(t);
      while (c.find()) {
        int start = base + c.start();
        int end = base + c.end();
        if (threshold(impression.text, start, end)
            || otherQuantity(impression.text, end)
            || amountOfChange(impression.text, start, end)
            || PRIOR_BEFORE.matcher(t.substring(0, c.start())).find()) {
          continue;
        }
        double said = mm(c);
        double precision = precisionMm(c.group());
        int[] nearest = null;
        double nearestMm = 0;
        boolean same = false;
        for (int[] k : known) {
          double v = Double.parseDouble(findings.text.substring(k[0], k[1]));
          if (findings.text.substring(k[0], k[2]).toLowerCase(Locale.ROOT).endsWith("cm")) {
            v *= 10;
          }
          same |= Math.abs(v - said) < 0.05 || roundsTo(v, said, precision);
          if (nearest == null || Math.abs(v - said) < Math.abs(nearestMm - said)) {
            nearest = k;
            nearestMm = v;
          }
        }
        if (!same && nearest != null) {
          flags.add(
              Flag.of(
                  FlagType.MEASUREMENT_MISMATCH,
                  Severity.WARNING,
                  "The impression states "
                      + c.group()
                      + " for the aorta; the findings give "
                      + findings.text.substring(nearest[0], nearest[2]),
                  List.of(
                      impression.evidence(start, end), findings.evidence(nearest[0], nearest[2]))));
          return;
        }
      }
    }
  }

  /** The bile duct and the pancreatic duct by name ("common bile duct", "CBD", "main duct"). */
  private static final Pattern DUCT_NAME =
      Pattern.compile(
          "\\b(?:(?:common\\s+)?bile\\s+duct|common\\s+(?:hepatic\\s+)?duct|cbd|chd"
              + "|(?:main\\s+)?pancreatic\\s+duct|mpd)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A duct's name that ends its noun phrase ("a 9 mm CBD is seen"), no "CBD stones". */
  private static final Pattern NAME_ENDS_PHRASE =
      Pattern.compile(
          "\\s*(?:$|[,;.:)]|(?:is|was|measur\\w*|with|without|and|but|on|in|at)\\b)",
          Pattern.CASE_INSENSITIVE);

  /** A size right before a duct's name: "a 9 mm common bile duct". */
  private static final Pattern SIZE_BEFORE_NAME =
      Pattern.compile(
          "(\\d+(?:\\.\\d+)?)\\s*(cm|mm)\\s+(?:[a-z]+\\s+)?$", Pattern.CASE_INSENSITIVE);

  /**
   * Round 28: the sizes a section gives a duct, keyed "bile" / "pancreatic": the first size after
   * its name in the clause ("Common bile duct 6 mm", "dilated common bile duct of 9 mm", "CBD
   * measures 0.6 cm") or the one right before it; no threshold, prior or shift.
   */
  private static Map<String, List<int[]>> ductSizesOf(TextAnalyzer.Section section) {
    Map<String, List<int[]>> out = new LinkedHashMap<>();
    for (int i = 0; i < section.sentences.size(); i++) {
      String t = section.sentenceText(i);
      int base = section.sentences.get(i).start();
      Matcher d = DUCT_NAME.matcher(t);
      while (d.find()) {
        String which =
            d.group().toLowerCase(Locale.ROOT).matches(".*(?:pancrea|mpd).*")
                ? "pancreatic"
                : "bile";
        String after = t.substring(d.end(), Math.min(t.length(), d.end() + 30));
        int stop = after.length();
        for (String end : List.of(";", "(", ". ", " and ", " with ")) {
          int at = after.indexOf(end);
          if (at >= 0) {
            stop = Math.min(stop, at);
          }
        }
        Matcher c = CENTIMETRES.matcher(after.substring(0, stop));
        int from = -1;
        int to = -1;
        if (c.find()) {
          from = d.end() + c.start();
          to = d.end() + c.end();
        } else if (NAME_ENDS_PHRASE.matcher(t.substring(d.end())).lookingAt()) {
          // "two 5 mm distal CBD stones": the size before is the stones', not the duct's
          Matcher b = SIZE_BEFORE_NAME.matcher(t.substring(Math.max(0, d.start() - 20), d.start()));
          if (b.find()) {
            int off = Math.max(0, d.start() - 20);
            from = off + b.start(1);
            to = off + b.end(2);
          }
        }
        if (from < 0
            || threshold(section.text, base + from, base + to)
            || otherQuantity(section.text, base + to)
            || PRIOR_BEFORE.matcher(t.substring(0, from)).find()) {
          continue;
        }
        out.computeIfAbsent(which, k -> new ArrayList<>()).add(new int[] {base + from, base + to});
      }
    }
    return out;
  }

  /**
   * Round 28: a duct the impression sizes ("Dilated common bile duct of 9 mm") that the findings
   * size otherwise ("Common bile duct 6 mm"), with the rounding a size's precision allows; a duct
   * is no lesion frame, so the frame comparison never sees it.
   */
  static void ductSizes(
      TextAnalyzer.Section findings, TextAnalyzer.Section impression, List<Flag> flags) {
    Map<String, List<int[]>> known = ductSizesOf(findings);
    for (Map.Entry<String, List<int[]>> e : ductSizesOf(impression).entrySet()) {
      List<int[]> theirs = known.get(e.getKey());
      if (theirs == null) {
        continue;
      }
      for (int[] said : e.getValue()) {
        Matcher c = CENTIMETRES.matcher(impression.text.substring(said[0], said[1]));
        if (!c.matches()) {
          continue;
        }
        double saidMm = mm(c);
        double precision = precisionMm(c.group());
        boolean same = false;
        int[] nearest = null;
        for (int[] k : theirs) {
          Matcher f = CENTIMETRES.matcher(findings.text.substring(k[0], k[1]));
          if (!f.matches()) {
            continue;
          }
          double v = mm(f);
          same |= Math.abs(v - saidMm) < 0.05 || roundsTo(v, saidMm, precision);
          nearest = nearest == null ? k : nearest;
        }
        if (!same && nearest != null) {
          flags.add(
              Flag.of(
                  FlagType.MEASUREMENT_MISMATCH,
                  Severity.WARNING,
                  "The impression states "
                      + c.group()
                      + " for the "
                      + e.getKey()
                      + " duct; the findings give "
                      + findings.text.substring(nearest[0], nearest[1]),
                  List.of(
                      impression.evidence(said[0], said[1]),
                      findings.evidence(nearest[0], nearest[1]))));
          return;
        }
      }
    }
  }

  /** The same lesion (kind, organ, side) with a size in the impression the findings do not give. */
  static void frameMeasurements(
      Report report,
      TextAnalyzer.Section findings,
      TextAnalyzer.Section impression,
      List<Flag> flags) {
    for (LesionFrame im : report.impressionFrames) {
      for (Measurement said : im.sizes()) {
        if (!said.role().prior()
            && said.role() != Measurement.Role.DELTA
            && im.assertion().positive()
            && !threshold(impression.text, said.start(), said.end())
            && !conditionalSize(impression.text, said.start())
            && !pastSize(impression.text, said.start(), said.end())
            && !distance(impression.text, said.start(), said.end())
            && (!otherQuantity(impression.text, said.end())
                || dimensionAfter(impression.text, said.end()))) {
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
      Side saidSide = sizeSide(impression.text, im, said);
      for (LesionFrame fm : sameLesion(report.findingFrames, im, saidSide)) {
        double precision = precisionMm(impression.text.substring(said.start(), said.end()));
        for (Measurement m : fm.sizes()) {
          if (retracted(findings.text, m.end()) || pastSize(findings.text, m.start(), m.end())) {
            continue; // "6 by 5 mm scratch that 9 by 8 mm", "(29 mm before)": not today's size
          }
          if (otherQuantity(findings.text, m.end()) && !dimensionAfter(findings.text, m.end())) {
            continue; // "with 5 mm leftward shift": how far the midline moved, not the size
          }
          if (sizeSide(findings.text, fm, m).contradicts(saidSide)) {
            continue; // "right 1.2 cm, left 2.8 cm": the other side's size
          }
          for (double axis : m.axesMm()) {
            known |= Math.abs(axis - said.longMm()) < 0.05;
            known |= said.axesMm().size() == 1 && roundsTo(axis, said.longMm(), precision);
          }
          known |= Math.abs(m.meanMm() - said.meanMm()) < 0.05;
          known |= said.axesMm().size() == 1 && roundsTo(m.meanMm(), said.longMm(), precision);
          known |= changeAmount(impression, said, fm, m);
          if (m.role() == said.role()
              && (nearest == null
                  || Math.abs(m.longMm() - said.longMm())
                      < Math.abs(nearest.longMm() - said.longMm()))) {
            nearest = m;
          }
        }
      }
      if (!known && nearest != null && !otherSidesSize(report.findingFrames, im, said)) {
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

  private static final Pattern SIZE_SIDE_WORD =
      Pattern.compile("\\b(right|left|rt|lt)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * "Two brain metastases: right cerebellar 6 mm and left occipital 14 mm", "Bilateral adrenal
   * adenomas, the right 2.8 cm": of a frame with several sizes or on both sides, the side said
   * after the size before is this size's own; NONE otherwise.
   */
  private static Side sizeSide(String text, LesionFrame im, Measurement said) {
    if (im.side() == Side.LEFT
        || im.side() == Side.RIGHT
        || (im.sizes().size() < 2 && im.side() != Side.BILATERAL)) {
      return Side.NONE;
    }
    int from = Math.max(0, im.sentenceStart());
    for (Measurement m : im.sizes()) {
      if (m.end() <= said.start()) {
        from = Math.max(from, m.end());
      }
    }
    Side side = Side.NONE;
    Matcher w = SIZE_SIDE_WORD.matcher(text.substring(Math.min(from, said.start()), said.start()));
    while (w.find()) {
      side = w.group(1).toLowerCase(Locale.ROOT).startsWith("r") ? Side.RIGHT : Side.LEFT;
    }
    return side;
  }

  /**
   * The sized findings frames an impression frame may restate: the same kind group, organ and no
   * contradicting side; of several lesions of one organ, those of the impression's own kind
   * ("hepatic cyst 4 cm" beside a haemangioma) and place ("segment 6", "10 o'clock") when the
   * findings name them.
   */
  private static List<LesionFrame> sameLesion(
      List<LesionFrame> findingFrames, LesionFrame im, Side side) {
    List<LesionFrame> out = new ArrayList<>();
    for (LesionFrame fm : findingFrames) {
      if ((sameKind(fm, im) || namedLesionAtItsPlace(fm, im))
          && sameOrgan(fm, im)
          && !fm.side().contradicts(im.side())
          && !fm.side().contradicts(side)
          && !fm.sizes().isEmpty()) {
        out.add(fm);
      }
    }
    List<LesionFrame> kind = out.stream().filter(f -> f.kind().equals(im.kind())).toList();
    if (!kind.isEmpty() && kind.size() < out.size()) {
      out = new ArrayList<>(kind);
    }
    if (!im.location().isEmpty()) {
      List<LesionFrame> place =
          out.stream().filter(f -> f.location().equals(im.location())).toList();
      if (!place.isEmpty()) {
        out = new ArrayList<>(place);
      }
    }
    return out;
  }

  private static final Pattern THRESHOLD_BEFORE =
      Pattern.compile(
          "(?:\\b(?:below|above|under|over|at least|greater than|larger than|bigger than|less than"
              + "|smaller than|more than|up to|exceeding|exceeds|beyond|threshold(?: of|:)?|cut-?off(?: of|:)?"
              + "|(?:fna|biopsy|follow[- ]?up) size(?: of|:)?)"
              // "below FNA threshold (1.5 cm)": the size in brackets after the word is the
              // threshold
              + "(?:\\s+|\\s*\\(\\s*)(?:the\\s+|a\\s+)?|[<>\u2264\u2265]=?\\s*"
              // "sub-6 mm nodules": below that size, no size of its own
              + "|\\bsub-?\\s*"
              // "the FNA threshold for TR4 is 1.5 cm", "size cut-off for biopsy: 1 cm"
              // "below the threshold for FNA (1.5 cm)", "does not meet FNA criteria (2.5 cm)"
              + "|\\b(?:threshold|cut-?off|size criterion|criteri\\w*)(?:\\s+for(?:\\s+[\\w-]+){1,3})?"
              + "(?:\\s*(?:is|of|at|=|:)\\s+|\\s*\\(\\s*)(?:the\\s+)?)$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern THRESHOLD_AFTER =
      Pattern.compile(
          "^\\s*(?:or (?:larger|more|greater|bigger|above|over|less|smaller|below)|and (?:above|over|larger)"
              // "1.5 cm follow-up threshold": hyphenated words before it too (round 28)
              + "|\\+|(?:[\\w-]+\\s+){0,2}(?:threshold|cut-?off|criteri\\w*|size limit)"
              // "now in the 6-8 mm size range", "the 8-15 mm category": a size band, not the
              // lesion's
              + "|(?:size\\s+)?(?:range|category|band|bracket)\\b)",
          Pattern.CASE_INSENSITIVE);

  /**
   * A size that is a threshold, not the lesion's: "PET/CT as the nodule is 8 mm or larger", "below
   * the 1 cm FNA threshold", "lesions over 1 cm".
   */
  static boolean threshold(String text, int start, int end) {
    if (categoryBand(text, start, end)) {
      return true;
    }
    String before = text.substring(Math.max(0, start - 30), start);
    String after = text.substring(end, Math.min(text.length(), end + 30));
    if (LARGEST_UP_TO.matcher(before).find()) {
      return false;
    }
    return THRESHOLD_BEFORE.matcher(before).find()
        || THRESHOLD_AFTER.matcher(after).find()
        || ACTION_AT.matcher(text.substring(Math.max(0, start - 50), start)).find();
  }

  /**
   * Round 30 (cx11): the size at which a management step is taken is a threshold, whatever the
   * organ: "FNA at 1.5 cm", "repair is usually offered at 5.5 cm", "resection from 4 cm".
   */
  private static final Pattern ACTION_AT =
      Pattern.compile(
          "\\b(?:fna|biopsy|biopsied|sampling|aspiration|repair|repaired|resection|resected|surgery"
              + "|intervention|treatment|excision|referral|referred|operat\\w*)"
              + "(?:\\s+[\\w-]+){0,3}?\\s+(?:only\\s+)?(?:at|from|above|beyond|over)"
              + "\\s+(?:about\\s+|approximately\\s+|~\\s*)?$",
          Pattern.CASE_INSENSITIVE);

  /**
   * "thyroid nodules, up to 19 mm", "cysts measuring up to 2.3 cm": "up to" right after the lesions
   * (or their measuring verb) gives the largest one's size, no threshold.
   */
  private static final Pattern LARGEST_UP_TO =
      Pattern.compile(
          "\\b(?:\\w+(?:s|i|ae|ia)|measuring|measure|measured|ranging|range)\\s*,?\\s+up to\\s+$",
          Pattern.CASE_INSENSITIVE);

  /** A size said of a displacement or a thickness, not of the lesion: "4 mm midline shift". */
  private static final Pattern OTHER_QUANTITY =
      Pattern.compile(
          "^\\s+(?:[\\w-]+\\s+){0,2}?(?:midline shift|shift|displacement|deviation|herniation"
              + "|subfalcine|diastasis|separation|step-?off|retropulsion|listhesis|anterolisthesis"
              + "|retrolisthesis)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern DIMENSION_AFTER =
      Pattern.compile(
          "^\\s*(?:thick|in (?:maximal |maximum |greatest )?thickness|wide|in width|deep|in depth"
              + "|in (?:maximal |maximum |greatest )?diameter)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Round 27 (lat8): "6 mm thick with midline shift": a size said of the lesion's own dimension is
   * its size even when a shift is named after it.
   */
  static boolean dimensionAfter(String text, int end) {
    return DIMENSION_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 40))).find();
  }

  static boolean otherQuantity(String text, int end) {
    return OTHER_QUANTITY.matcher(text.substring(end, Math.min(text.length(), end + 40))).find();
  }

  private static final Pattern DISTANCE_BEFORE =
      Pattern.compile(
          "\\b(?:retract\\w*|withdraw\\w*|advance\\w*|pull\\w* back|reposition\\w*)"
              // "withdraw the endotracheal tube by about 3 cm": the device may take several words
              + "(?:\\s+[\\w-]+){0,4}?\\s+(?:by\\s+)?(?:about\\s+|approximately\\s+|~\\s*)?"
              // round 30 (cx11): a range of how far to move it, "withdraw by 3-4 cm"
              + "(?:\\d+(?:\\.\\d+)?\\s*(?:cm|mm)?\\s*(?:-|\u2013|to)\\s*)?$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern DISTANCE_AFTER =
      Pattern.compile(
          "^\\s*(?:above|below|beyond|from|proximal to|distal to|short of|into|past)\\s+(?:the\\s+)?"
              + "(?:carina|cavoatrial|gastro|pylorus|diaphragm|hemidiaphragm|junction|tip|skin|nipple|"
              + "anal verge|hilum|apex|ostium)",
          Pattern.CASE_INSENSITIVE);

  /**
   * A distance, not a lesion's size: where a tube sits or how far to move it ("2 cm beyond the
   * carina", "retract 3 cm", "withdraw by approximately 3 cm").
   */
  static boolean distance(String text, int start, int end) {
    String before = text.substring(Math.max(0, start - 40), start);
    String after = text.substring(end, Math.min(text.length(), end + 30));
    return DISTANCE_BEFORE.matcher(before).find() || DISTANCE_AFTER.matcher(after).find();
  }

  static void impressionMeasurements(
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
      if (threshold(impression.text, z.start(), z.end())
          || conditionalSize(impression.text, z.start())
          || pastSize(impression.text, z.start(), z.end())
          || distance(impression.text, z.start(), z.end())
          || otherQuantity(impression.text, z.end())
          || amountOfChange(impression.text, z.start(), z.end())
          // "4.4 cm, previously 4.2 cm": the prior size is no measurement of today
          || PRIOR_BEFORE
              .matcher(impression.text.substring(Math.max(0, z.start() - 25), z.start()))
              .find()) {
        continue;
      }
      double precision = precisionMm(impression.text.substring(z.start(), z.end()));
      boolean rounded =
          z.longMm() == z.shortMm()
              && findings.sizes.stream()
                  .anyMatch(
                      f ->
                          roundsTo(f.longMm(), z.longMm(), precision)
                              || roundsTo(f.shortMm(), z.longMm(), precision)
                              || roundsTo((f.longMm() + f.shortMm()) / 2, z.longMm(), precision));
      if (!rounded && !known.contains(Math.round(z.longMm() * 10))) {
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

  /**
   * Findings that give sizes but frame none of them ("area of heterogeneous signal measuring 9
   * mm"): an impression's framed size is compared with the findings' sizes as text.
   */
  static boolean unframedFindingSizes(Report report, TextAnalyzer.Section findings) {
    return !findings.sizes.isEmpty()
        && report.findingFrames.stream().allMatch(f -> f.sizes().isEmpty());
  }

  /** "(FNA not indicated until 2.5 cm)", "biopsy if it reaches 1 cm": a size a condition names. */
  private static final Pattern CONDITION_BEFORE =
      Pattern.compile(
          "\\b(?:until|unless|once|when|if)\\s+(?:(?:it|the nodule|the lesion)\\s+)?"
              + "(?:(?:reaches|reached|exceeds|grows to|is|measures)\\s+)?(?:at least\\s+)?$",
          Pattern.CASE_INSENSITIVE);

  static boolean conditionalSize(String text, int start) {
    return CONDITION_BEFORE.matcher(text.substring(Math.max(0, start - 40), start)).find();
  }

  /**
   * A size of an earlier study: "(29 mm before)", "29 mm previously", "the cyst measured 27 mm
   * then".
   */
  private static final Pattern PAST_AFTER =
      Pattern.compile(
          "^\\s*(?:before|previously|earlier|at that time|on the (?:prior|previous|outside)\\b)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern MEASURED_THEN =
      Pattern.compile("\\b(?:measured|was|were)\\s+(?:about\\s+|approximately\\s+)?$");

  static boolean pastSize(String text, int start, int end) {
    String after = text.substring(end, Math.min(text.length(), end + 30));
    return PAST_AFTER.matcher(after).find()
        || (after.matches("(?is)^\\s*then\\b.*")
            && MEASURED_THEN.matcher(text.substring(Math.max(0, start - 30), start)).find());
  }

  /** "6 by 5 mm scratch that 9 by 8 mm": a dictated size the speaker took back. */
  private static final Pattern RETRACTION =
      Pattern.compile(
          "^[\\s,.;-]*(?:scratch that|strike that|correction|i mean|sorry|no wait)\\b",
          Pattern.CASE_INSENSITIVE);

  static boolean retracted(String text, int end) {
    return RETRACTION.matcher(text.substring(end, Math.min(text.length(), end + 20))).find();
  }

  /**
   * "Segment 4 target lesion 24 mm" for the findings' "segment 4 hepatic metastasis": a lesion the
   * impression names only as a lesion, at the place the findings give.
   */
  private static boolean namedLesionAtItsPlace(LesionFrame fm, LesionFrame im) {
    return im.kind().equals("lesion")
        && !im.location().isEmpty()
        && im.location().equals(fm.location());
  }

  private static final Pattern CHANGE_WORD =
      Pattern.compile(
          "\\b(?:grow\\w*|grew|grown|increas\\w*|enlarg\\w*|decreas\\w*|shr[iau]nk\\w*|"
              + "smaller|larger|change)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * "Interval growth of RLL nodule (1.6 mm)": a size in an impression sentence about change that
   * equals the difference between the findings' size of the lesion and its prior size is the amount
   * of change, not a size the findings lack.
   */
  private static boolean changeAmount(
      TextAnalyzer.Section impression, Measurement said, LesionFrame fm, Measurement current) {
    if (current.role().prior() || said.axesMm().size() != 1) {
      return false;
    }
    int sentence = impression.sentenceAt(said.start());
    if (sentence < 0 || !CHANGE_WORD.matcher(impression.sentenceText(sentence)).find()) {
      return false;
    }
    for (Measurement p : fm.sizes()) {
      if (p.role().prior()
          && Math.abs(Math.abs(current.meanMm() - p.meanMm()) - said.longMm()) < 0.05) {
        return true;
      }
    }
    return false;
  }

  /** Words that make the size after them an amount of change: "sac expansion by 4 mm". */
  private static final Pattern CHANGE_BY =
      Pattern.compile(
          "\\b(?:expan\\w*|grow\\w*|grew|grown|growth|increas\\w*|enlarg\\w*|decreas\\w*|reduc\\w*"
              + "|shr[iau]nk\\w*|progress\\w*|regress\\w*|dilat\\w*)(?:\\s+in\\s+(?:size|diameter))?"
              + "\\s+(?:by|of)(?:\\s+(?:approximately|about|around|only|just|a further|another))?\\s*$",
          Pattern.CASE_INSENSITIVE);

  /** Words that make the size before them an amount of change: "4 mm of sac growth". */
  private static final Pattern CHANGE_AFTER =
      Pattern.compile(
          "^\\s*(?:larger|smaller|bigger|of (?:interval |sac |further )?(?:growth|expansion|increase"
              + "|decrease|enlargement|shrinkage)|(?:interval )?(?:increase|decrease|growth|expansion)\\b)",
          Pattern.CASE_INSENSITIVE);

  /**
   * Round 36 (helper "sys17"): a size said as the amount of change ("sac expansion by 4 mm",
   * "increased by 3 mm", "5 mm larger") is no size of the lesion, in any organ.
   */
  static boolean amountOfChange(String text, int start, int end) {
    return CHANGE_BY.matcher(text.substring(Math.max(0, start - 40), start)).find()
        || CHANGE_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 30))).find();
  }

  /** A size range: "6-8 mm", "8 to 15 mm", "6–8 mm". */
  private static final Pattern RANGE =
      Pattern.compile("\\d+(?:\\.\\d+)?\\s*(?:-|\u2013|to)\\s*\\d+(?:\\.\\d+)?\\s*(?:mm|cm)\\b");

  /** A scoring system or its category named before the range. */
  private static final Pattern SYSTEM_BEFORE =
      Pattern.compile(
          "\\b(?:lung-?\\s?rads|ti-?\\s?rads|li-?\\s?rads|bi-?\\s?rads|pi-?\\s?rads|o-?\\s?rads"
              + "|fleischner|category|tr\\s?[1-5]|lr-\\s?[1-5m])\\b[^.]*$",
          Pattern.CASE_INSENSITIVE);

  /**
   * Round 36 (helper "sys17"): a size range after a scoring system's category in its sentence
   * ("Lung-RADS 4A (new 6-8 mm solid nodule)") is the category's size band, not a measurement.
   */
  static boolean categoryBand(String text, int start, int end) {
    int from = Math.max(0, start - 12);
    Matcher r = RANGE.matcher(text.substring(from, Math.min(text.length(), end + 12)));
    while (r.find()) {
      int a = from + r.start();
      int b = from + r.end();
      if (a <= start && b >= end - 1 || a >= start && a < end) {
        return SYSTEM_BEFORE.matcher(text.substring(Math.max(0, a - 80), a)).find();
      }
    }
    return false;
  }
}
