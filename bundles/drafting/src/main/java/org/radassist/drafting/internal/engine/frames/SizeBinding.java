package org.radassist.drafting.internal.engine.frames;

import static org.radassist.drafting.internal.engine.frames.FrameExtractor.breaks;
import static org.radassist.drafting.internal.engine.frames.FrameExtractor.nearest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.internal.engine.Token;
import org.radassist.drafting.internal.engine.frames.FrameExtractor.Draft;

/**
 * The sizes of a sentence and whose they are: the size patterns, a size's role (overall, solid
 * component, wall, prior, bound, change amount) and the finding it binds to (the nearest one, one
 * named after it, one measured before it; not one denied after it, nor a size the speaker took
 * back). {@link FrameExtractor} calls it for every sentence.
 */
final class SizeBinding {
  private static final String NUM = "(\\d{1,3}(?:\\.\\d{1,2})?)";
  private static final String UNIT = "(mm|cm|millimet(?:er|re)s?|centimet(?:er|re)s?)";

  /** A number with a decimal point or a decimal comma ("1,1 cm", as several languages write it). */
  private static final String SIZE_NUM = "(\\d{1,3}(?:\\.\\d{1,2}|,\\d{1,2}(?!\\d))?)";

  static final Pattern SIZE =
      Pattern.compile(
          "(?<![\\d.])"
              + SIZE_NUM
              + "(?:\\s*(?:mm|cm)?\\s*(?:x|by|\\u00d7)\\s*"
              + NUM
              + ")?(?:\\s*(?:mm|cm)?\\s*(?:x|by|\\u00d7)\\s*"
              + NUM
              + ")?\\s*-?\\s*" // "a 6-mm nodule"
              + UNIT
              + "\\b(?![\\u00b3^])",
          Pattern.CASE_INSENSITIVE);

  /** Words that make the size after them a bound, not a measurement: "all under 6 mm". */
  private static final Pattern BOUND_BEFORE =
      Pattern.compile(
          "\\b(?:under|below|less than|smaller than|no larger than|not exceeding)\\s*$|<\\s*$",
          Pattern.CASE_INSENSITIVE);

  /** A volume: "180 mm3", "1,767 mm³", "90 cubic millimetres" (volumetry). */
  private static final Pattern VOLUME =
      Pattern.compile(
          "(?<![\\d.,])(\\d{1,3}(?:,\\d{3})+|\\d{1,6})(?:\\.\\d{1,2})?\\s*"
              + "(?:mm\\s?(?:3\\b|\\^\\s?3\\b|\\u00b3)|(?:cubic|cu\\.?)\\s?(?:mm|millimet(?:er|re)s?)\\b)",
          Pattern.CASE_INSENSITIVE);

  /** A number without a unit after prior-size words: "previously 6.0", "from 6 to 8 mm". */
  private static final Pattern UNITLESS_PRIOR =
      Pattern.compile(
          "\\b(?:previously|prior(?:ly)?|formerly|from|was|compared (?:to|with))\\s+(?:measuring\\s+|measured\\s+)?"
              + NUM
              + "(?!\\d|\\.\\d|\\s*(?:x|by|mm|cm|millimet|centimet|months?|years?|days?|weeks?|%)"
              // round 30 (cx11): attenuation, not a size: "enhancing from 25 to 110 HU"
              + "|(?:\\s*(?:-|\u2013|to)\\s*\\d{1,4}(?:\\.\\d{1,2})?)?\\s*(?:hu\\b|hounsfield))",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern PRIOR_BEFORE =
      Pattern.compile(
          "(?:previously|prior(?:ly)?|formerly|from|compared (?:to|with)|[,;(]\\s*(?:it\\s+)?was|"
              + "(?:on|in) (?:the )?(?:prior|previous)(?: (?:exam|examination|study|ct|scan))?|"
              + "(?:up )?from"
              // "...; last year 5.4 x 4.6 mm", "a year ago 5 mm": the earlier screen first
              + "|[,;]\\s*(?:last|the previous|the prior) year|[,;]\\s*(?:a|one) year ago)"
              + "\\s*(?:measuring\\s+|measured\\s+|of\\s+|it\\s+was\\s+)?[(]?$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern PRIOR_AFTER =
      Pattern.compile(
          "^[)]?\\s*(?:(?:on|in) (?:the )?(?:prior|previous)|previously|->|\\u2192|=>|"
              + "\\d{1,2} (?:months?|years?) (?:ago|earlier|prior)"
              // "5.6 mm last year", "4.8 mm the year before", "5.4 mm on the 2023 screen"
              + "|(?:last|the previous) year\\b|the year before|a year (?:ago|earlier|before)"
              + "|\\d{1,2} (?:months?|years?) before"
              + "|(?:on|in|at) (?:the )?(?:(?:19|20)\\d\\d|first|initial|earlier|last)"
              + " (?:screen|screening|scan|ct|ldct|study|exam|examination)\\b)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SOLID_BEFORE =
      Pattern.compile(
          "solid (?:component|portion|part|core|centre|center)\\s*,?\\s*(?:now\\s*|currently\\s*)?"
              // "solid component mean 4.0 mm", "solid portion average diameter 5 mm"
              + "(?:(?:mean|average)(?:\\s+(?:diameter|size))?\\s*(?:of\\s*)?)?(?:of|measuring|measures|measured|which measures|"
              + "that measures|is|=|:)?\\s*(?:up to\\s*|approximately\\s*|about\\s*)?$",
          Pattern.CASE_INSENSITIVE);

  /** Words that make the size after them an amount of change: "grown by 1.6 mm". */
  private static final Pattern DELTA_BEFORE =
      Pattern.compile(
          "(?:\\b(?:increase[ds]?|increasing|growth|grew|grown|decrease[ds]?|decreasing|shrunk|shrank|"
              + "(?<!follow[ -])up|down)"
              + "(?:\\s+in\\s+size)?(?:\\s+(?:by|of))?"
              + "|\\b(?:enlarged|enlargement|reduced|reduction|change[ds]?|difference|larger|smaller)"
              + "(?:\\s+in\\s+size)?\\s+(?:by|of))"
              + "(?:\\s+(?:approximately|about|only|just|another|a further))?\\s*$",
          Pattern.CASE_INSENSITIVE);

  /** Words that make the size before them an amount of change: "3 mm larger", "2 mm of growth". */
  private static final Pattern DELTA_AFTER =
      Pattern.compile(
          "^\\s*(?:larger|smaller|bigger|greater|increase|decrease|"
              + "interval (?:increase|decrease|growth|enlargement|change)|"
              + "of (?:interval )?(?:growth|increase|decrease)|growth|"
              + "(?:increase|decrease) in (?:size|diameter))\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SOLID_AFTER =
      Pattern.compile(
          "^\\s*(?:solid (?:component|portion|part|core|centre|center)|solid$)",
          Pattern.CASE_INSENSITIVE);

  void bindSizes(String text, int sStart, int sEnd, List<Token> tokens, List<Draft> drafts) {
    String sentence = text.substring(sStart, sEnd);
    Matcher m = SIZE.matcher(sentence);
    String lastUnit = "mm";
    List<int[]> taken = new ArrayList<>();
    Measurement.Role lastRole = null;
    int lastEnd = -100;
    int sizes = 0;
    while (m.find()) {
      sizes++;
    }
    m.reset();
    while (m.find()) {
      if (sizes > 1 && BOUND_BEFORE.matcher(sentence.substring(0, m.start())).find()) {
        continue; // "all under 6 mm, the largest 4 mm": a bound, the size is the other one
      }
      String unit = m.group(4).toLowerCase(Locale.ROOT);
      double factor = unit.startsWith("c") ? 10 : 1;
      List<Double> axes = new ArrayList<>();
      for (int g = 1; g <= 3; g++) {
        if (m.group(g) != null) {
          axes.add(
              Math.round(Double.parseDouble(m.group(g).replace(',', '.')) * factor * 100) / 100.0);
        }
      }
      int start = m.start() + sStart;
      int end = m.end() + sStart;
      Measurement.Role role = role(sentence, m.start(), m.end());
      if (role == Measurement.Role.PRIOR
          && lastRole == Measurement.Role.SOLID_COMPONENT
          && m.start() - lastEnd < 20) {
        role = Measurement.Role.PRIOR_SOLID_COMPONENT; // "solid component 5 mm, previously 2 mm"
      }
      lastRole = role;
      lastEnd = m.end();
      lastUnit = unit.startsWith("c") ? "cm" : "mm";
      add(tokens, drafts, new Measurement(axes, lastUnit, role, start, end));
      taken.add(new int[] {m.start(), m.end()});
    }
    Matcher vol = VOLUME.matcher(sentence);
    while (vol.find()) {
      double mm3 = Double.parseDouble(vol.group(1).replace(",", ""));
      add(
          tokens,
          drafts,
          new Measurement(
              List.of(mm3),
              "mm3",
              Measurement.Role.VOLUME,
              vol.start() + sStart,
              vol.end() + sStart));
    }
    Matcher u = UNITLESS_PRIOR.matcher(sentence);
    while (u.find()) {
      int at = u.start(1);
      boolean inside = taken.stream().anyMatch(r -> at >= r[0] && at < r[1]);
      if (inside || taken.isEmpty()) {
        continue; // a bare number is a size only next to a measured one
      }
      double factor = lastUnit.equals("cm") ? 10 : 1;
      double v = Math.round(Double.parseDouble(u.group(1)) * factor * 100) / 100.0;
      boolean ofSolid = lastRole == Measurement.Role.SOLID_COMPONENT && u.start(1) - lastEnd < 20;
      add(
          tokens,
          drafts,
          new Measurement(
              List.of(v),
              lastUnit,
              ofSolid ? Measurement.Role.PRIOR_SOLID_COMPONENT : Measurement.Role.PRIOR,
              u.start(1) + sStart,
              u.end(1) + sStart));
    }
  }

  private static void add(List<Token> tokens, List<Draft> drafts, Measurement size) {
    int from = tokenIndex(tokens, size.start());
    for (Draft corrected : drafts) {
      if (corrected.takenBackEnd >= 0
          && corrected.takenBackEnd <= size.start()
          && size.start() - corrected.takenBackEnd < 40) {
        corrected.takenBackEnd = -1;
        corrected.sizes.add(size);
        return;
      }
    }
    List<Draft> before = measuredBefore(tokens, drafts, from);
    if (before.isEmpty()) {
      before = deniedAfter(tokens, drafts, from);
    }
    Draft d = nearest(tokens, before.isEmpty() ? drafts : before, from, from + 1);
    Draft named = namedAfter(tokens, drafts, size);
    if (before.isEmpty() && named != null) {
      d = named;
    }
    if (takenBack(tokens, size)) {
      // "6 by 5 mm scratch that 9 by 8 mm": the correction is the size
      d.takenBackEnd = size.end();
      return;
    }
    d.sizes.add(size);
  }

  /** Spoken corrections: what follows replaces what came before. */
  private static final List<List<String>> CORRECTIONS =
      List.of(
          List.of("scratch", "that"),
          List.of("strike", "that"),
          List.of("make", "that"),
          List.of("i", "mean"),
          List.of("correction"));

  /**
   * A size the speaker takes back at once for another ("6 by 5 mm scratch that 9 by 8 mm", "4 mm,
   * correction, 5 mm"): a correction right after its unit, then a number.
   */
  private static boolean takenBack(List<Token> tokens, Measurement size) {
    int k = tokenIndex(tokens, size.end());
    while (k < tokens.size() && tokens.get(k).start() < size.end()) {
      k++;
    }
    while (k < tokens.size() && tokens.get(k).isPunctuation()) {
      k++;
    }
    for (List<String> c : CORRECTIONS) {
      boolean said = k + c.size() <= tokens.size();
      for (int j = 0; said && j < c.size(); j++) {
        said = tokens.get(k + j).norm().equals(c.get(j));
      }
      if (!said) {
        continue;
      }
      for (int j = k + c.size(); j < Math.min(tokens.size(), k + c.size() + 3); j++) {
        if (tokens.get(j).norm().matches("\\d+(?:\\.\\d+)?")) {
          return true;
        }
      }
    }
    return false;
  }

  private static final java.util.Set<String> CLAUSE_WORDS =
      java.util.Set.of(
          "and",
          "or",
          "but",
          "with",
          "without",
          "in",
          "of",
          "at",
          "on",
          "from",
          "is",
          "are",
          "was",
          "were",
          "measuring",
          "measures",
          "measured",
          "than",
          "to",
          "previously",
          "prior",
          "no",
          "not",
          "nor",
          "none",
          "other",
          "another",
          "impression",
          "findings");

  /**
   * "a stable 4 mm left upper lobe nodule": a size written before its lesion's words, with only the
   * lesion's own modifiers (site, side, composition) between, is that lesion's, however far an
   * earlier finding of the sentence is.
   */
  private static Draft namedAfter(List<Token> tokens, List<Draft> drafts, Measurement size) {
    int i = tokenIndex(tokens, size.end() - 1) + 1;
    for (int n = 0; i < tokens.size() && n < 5; i++, n++) {
      for (Draft d : drafts) {
        if (d.from == i) {
          // right after the size nearest() already binds it; a denied finding has no size
          return n == 0 || (d.assertion != null && d.assertion.negated()) ? null : d;
        }
      }
      String w = tokens.get(i).norm();
      if (!Character.isLetter(w.charAt(0)) || CLAUSE_WORDS.contains(w)) {
        return null;
      }
    }
    return null;
  }

  /**
   * "enhancing mass with a dural tail, 1.9 cm, no adjacent oedema": a size the clause break
   * separates from a denied finding after it is the present finding's before it; the drafts other
   * than those denied ones, or none when nothing present comes before the size.
   */
  private static List<Draft> deniedAfter(List<Token> tokens, List<Draft> drafts, int at) {
    List<Draft> denied = new ArrayList<>();
    boolean presentBefore = false;
    for (Draft d : drafts) {
      if (d.from == Integer.MIN_VALUE / 2) {
        continue;
      }
      if (d.to <= at && d.assertion != null && !d.assertion.negated()) {
        presentBefore = true;
      } else if (d.from > at
          && d.assertion != null
          && d.assertion.negated()
          && breaks(tokens, at, d.from) > 0) {
        denied.add(d);
      }
    }
    if (!presentBefore || denied.isEmpty()) {
      return List.of();
    }
    return drafts.stream().filter(d -> !denied.contains(d)).toList();
  }

  private static final java.util.Set<String> MEASURE_VERBS =
      java.util.Set.of("measuring", "measures", "measured", "measure", "spanning", "spans");
  private static final java.util.Set<String> MEASURE_HEDGES =
      java.util.Set.of("approximately", "about", "up", "to", "roughly", "~", "maximally", "max");

  /**
   * "mass ... measuring 3.2 x 2.8 cm with surrounding oedema": a size after a measuring verb is the
   * size of the finding before the verb (its subject), not of one named after it.
   */
  private static List<Draft> measuredBefore(List<Token> tokens, List<Draft> drafts, int at) {
    int i = at - 1;
    while (i >= 0 && MEASURE_HEDGES.contains(tokens.get(i).norm())) {
      i--;
    }
    if (i < 0 || !MEASURE_VERBS.contains(tokens.get(i).norm())) {
      return List.of();
    }
    int verb = i;
    return drafts.stream().filter(d -> d.from != Integer.MIN_VALUE / 2 && d.to <= verb).toList();
  }

  private static int tokenIndex(List<Token> tokens, int offset) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).end() > offset) {
        return i;
      }
    }
    return tokens.size() - 1;
  }

  /** The solid component's change said as sizes: "solid component increased from 2 mm to ...". */
  private static final Pattern SOLID_FROM =
      Pattern.compile(
          "solid (?:component|portion|part)s?\\b[^.;]{0,45}?\\bfrom\\s*(?:approximately\\s*|about\\s*)?$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SOLID_TO =
      Pattern.compile(
          "solid (?:component|portion|part)s?\\b[^.;]{0,45}?\\b(?:from\\s+\\d{1,3}(?:\\.\\d{1,2})?\\s*"
              + "(?:mm|cm)?\\s*|(?:increased|grown|grew|enlarged|progressed|decreased|shrunk|"
              + "increasing|growing))\\s*(?:up\\s*)?to\\s*(?:approximately\\s*|about\\s*)?$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern WALL_BEFORE =
      Pattern.compile(
          "\\bwalls?(?:\\s+thickness|\\s+thickening)?\\s*(?:of|measuring|measures|measured|"
              + "which measures|that measures|is|=|:)?\\s*(?:up to\\s*|approximately\\s*|about\\s*)?$",
          Pattern.CASE_INSENSITIVE);

  /**
   * Round 30 (cx11): a hollow organ's wall named as where a lesion sits ("polypoid lesion on the
   * left bladder wall measuring 2.2 cm", "mass in the posterior gastric wall measuring 3.5 cm"):
   * the size is the lesion's, not a wall thickness ("the cyst wall measuring 3 mm" still is).
   */
  private static final Pattern ORGAN_WALL_PLACE =
      Pattern.compile(
          "\\b(?:on|in|along|within|involving|arising from|from|at)\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,3}?"
              + "(?:bladder|gallbladder|gastric|stomach|bowel|colonic|colon|rectal|caecal|cecal"
              + "|jejunal|ileal|duodenal|o?esophageal|vaginal|uterine|chest|abdominal)\\s+walls?"
              + "\\s+(?:measuring|measures|measured|which measures|that measures)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern WALL_AFTER =
      Pattern.compile("^\\s*-?\\s*(?:thick\\s*-?\\s*)?wall(?:ed)?\\b", Pattern.CASE_INSENSITIVE);

  private static Measurement.Role role(String sentence, int start, int end) {
    String near =
        sentence
            .substring(Math.max(0, start - 80), Math.min(sentence.length(), end + 16))
            .toLowerCase(Locale.ROOT);
    if (near.contains("wall")) {
      String wallBefore = sentence.substring(Math.max(0, start - 40), start);
      String wallAfter = sentence.substring(end, Math.min(sentence.length(), end + 16));
      if ((WALL_BEFORE.matcher(wallBefore).find() && !ORGAN_WALL_PLACE.matcher(near).find())
          || WALL_AFTER.matcher(wallAfter).find()) {
        return Measurement.Role.WALL;
      }
    }
    if (near.contains("solid")) {
      String longBefore = sentence.substring(Math.max(0, start - 80), start);
      if (SOLID_FROM.matcher(longBefore).find()) {
        return Measurement.Role.PRIOR_SOLID_COMPONENT;
      }
      if (SOLID_TO.matcher(longBefore).find()) {
        return Measurement.Role.SOLID_COMPONENT;
      }
    }
    String before = sentence.substring(Math.max(0, start - 40), start);
    String after = sentence.substring(end, Math.min(sentence.length(), end + 24));
    if (DELTA_BEFORE.matcher(before).find() || DELTA_AFTER.matcher(after).find()) {
      return Measurement.Role.DELTA;
    }
    if (SOLID_BEFORE.matcher(before).find() || SOLID_AFTER.matcher(after).find()) {
      return Measurement.Role.SOLID_COMPONENT;
    }
    if (PRIOR_BEFORE.matcher(before).find() || PRIOR_AFTER.matcher(after).find()) {
      return Measurement.Role.PRIOR;
    }
    return Measurement.Role.OVERALL;
  }
}
