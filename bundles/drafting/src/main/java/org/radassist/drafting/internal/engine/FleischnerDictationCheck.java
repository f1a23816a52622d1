package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.DictatedActions.IMAGING;
import static org.radassist.drafting.internal.engine.DictatedActions.NO_FOLLOW_UP;
import static org.radassist.drafting.internal.engine.DictatedActions.PET_CT;
import static org.radassist.drafting.internal.engine.DictatedActions.actions;
import static org.radassist.drafting.internal.engine.DictatedActions.intervals;
import static org.radassist.drafting.internal.engine.ExtractorSupport.concat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.internal.engine.DictatedActions.SaidAction;
import org.radassist.drafting.internal.engine.StructuredExtractor.Result;
import org.radassist.drafting.internal.rules.Assessment;
import org.radassist.model.Evidence;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.Severity;

/** The dictated follow-up of an incidental nodule checked against its Fleischner 2017 row. */
final class FleischnerDictationCheck {

  private FleischnerDictationCheck() {}

  /**
   * The plan a Fleischner row allows, read from its management text: whether no follow-up fits (the
   * row says none or an optional CT), whether PET/CT or tissue sampling fits, and the CT intervals
   * in months it names. With the risk not stated the text holds both rows, so a plan read from it
   * fits whatever fits either row.
   */
  private record FleischnerPlan(
      boolean noneFits, boolean workUpFits, List<int[]> windows, List<int[]> firstWindows) {
    static FleischnerPlan of(String management) {
      String m = management.toLowerCase(Locale.ROOT);
      List<int[]> windows = new ArrayList<>();
      Matcher w = PLAN_WINDOW.matcher(m);
      if (m.contains("annual")) {
        windows.add(new int[] {12, 12}); // "annual CT for 5 years"
      }
      while (w.find()) {
        int factor = w.group(3).startsWith("year") ? 12 : 1;
        int hi = Integer.parseInt(w.group(2)) * factor;
        int lo = w.group(1) == null ? hi : Integer.parseInt(w.group(1)) * factor;
        windows.add(new int[] {lo, hi});
      }
      return new FleischnerPlan(
          m.contains("no routine follow-up") || m.contains("optional"),
          m.contains("pet/ct") || m.contains("tissue sampling"),
          windows,
          firstWindows(m));
    }

    /**
     * The CT times of each row's first step: a row's text before its "then" ("CT at 6-12 months to
     * confirm persistence, then CT every 2 years"), not its steps after "; if stable ...".
     */
    private static List<int[]> firstWindows(String m) {
      List<int[]> first = new ArrayList<>();
      for (String row : m.split(";")) {
        String step = row.replaceFirst("^\\s*(?:low|high) risk:\\s*", "").strip();
        if (step.startsWith("if") || step.startsWith("subsequent")) {
          continue;
        }
        int then = step.indexOf("then");
        Matcher w = PLAN_WINDOW.matcher(then < 0 ? step : step.substring(0, then));
        while (w.find()) {
          int factor = w.group(3).startsWith("year") ? 12 : 1;
          int hi = Integer.parseInt(w.group(2)) * factor;
          int lo = w.group(1) == null ? hi : Integer.parseInt(w.group(1)) * factor;
          first.add(new int[] {lo, hi});
        }
      }
      return first;
    }

    boolean intervalFits(int lo, int hi) {
      return windows.stream().anyMatch(w -> lo <= w[1] && hi >= w[0]);
    }

    /** Whether a first follow-up CT at lo..hi months fits some row's first step. */
    boolean firstIntervalFits(int lo, int hi) {
      return firstWindows.isEmpty()
          || firstWindows.stream().anyMatch(w -> lo <= w[1] && hi >= w[0]);
    }
  }

  /** "6-12 months", "3 months", "2 and 4 years", "every 2 years": the row's CT times. */
  private static final Pattern PLAN_WINDOW =
      Pattern.compile("(?:(\\d+)\\s*(?:-|to|and)\\s*)?(\\d+)\\s*(months?|years?)");

  /** A range's lower end before an interval: "3-6 months", "6 to 12 months", "3–6 mo". */
  private static final Pattern RANGE_START =
      Pattern.compile("(\\d{1,2})\\s*(?:-|–|to|or)\\s*$", Pattern.CASE_INSENSITIVE);

  /** An interval ahead: "in 3 months", "at 6-12 months", "after 3". */
  private static final Pattern TIME_AHEAD =
      Pattern.compile(
          "\\b(?:in|at|after|within)\\s+(?:\\d{1,2}\\s*(?:-|–|to)\\s*)?$",
          Pattern.CASE_INSENSITIVE);

  /** A step after the first: "then no further follow-up", "thereafter PET/CT". */
  private static final Pattern THEN_BEFORE =
      Pattern.compile(
          "\\b(?:then|thereafter|after that|afterwards|subsequently)\\b[^.;]*$",
          Pattern.CASE_INSENSITIVE);

  /** Words before an interval that make it a later step or a cadence, not the first CT. */
  private static final Pattern LATER_STEP =
      Pattern.compile(
          "\\b(?:if|then|thereafter|after that|afterwards|subsequent\\w*|every|annual\\w*|until"
              + "|further|again|additional|second)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * The first follow-up CT the report asks for: the sentence's first interval, said with no "if",
   * "then" or "every" before it and after no earlier interval sentence of the section ("Follow-up
   * CT in 2 years."); it must fit the row's first step, not only a later one.
   */
  private static boolean firstFollowUp(
      TextAnalyzer.Section s, int sentence, DictatedActions.Interval iv) {
    int from = s.sentences.get(sentence).start();
    if (LATER_STEP.matcher(s.text.substring(from, iv.start())).find()) {
      return false;
    }
    for (DictatedActions.Interval o : intervals(s.text)) {
      if (o.start() < iv.start() && o != iv && aboutNodule(s, o.start())) {
        return false; // a CT interval said before it is the first one
      }
    }
    return true;
  }

  /** A follow-up said to be optional ("optional CT at 12 months", "CT is optional"). */
  private static final Pattern OPTIONAL =
      Pattern.compile(
          "\\b(?:optional|optionally|(?:at|per) (?:the )?(?:discretion|clinician's discretion))\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Whether a follow-up sentence makes the CT optional, as Fleischner 2017 does only for the
   * smallest rows (solid < 6 mm, high risk): where the row asks for a CT it under-manages the
   * nodule, like a dictated "no follow-up".
   */
  private static boolean optional(String sentence) {
    return OPTIONAL.matcher(sentence).find();
  }

  /** Words that say the nodule was seen before: its follow-up is under way. */
  private static final Pattern SEEN_BEFORE =
      Pattern.compile(
          "\\b(?:stable|unchanged|previously|prior|again|persist\\w*|since|interval|compar\\w*"
              + "|known|follow[- ]?up of|grow\\w*|grown|increas\\w*|decreas\\w*|smaller|larger"
              + "|redemonstrat\\w*|remains?)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Whether this exam is the nodule's first (no prior study, nothing said of an earlier one): only
   * then is the dictated CT the row's first step; a stable nodule's next CT is a later step.
   */
  private static boolean firstSeen(Report report) {
    // the context text holds the indication, the history and the dictated sections
    return report.request.priors().isEmpty() && !SEEN_BEFORE.matcher(report.contextText()).find();
  }

  /** Words that put a sentence on a lung nodule. */
  private static final Pattern NODULE_WORDS =
      Pattern.compile(
          "\\b(?:nodul\\w*|ggns?|ggos?|ground[- ]glass|part[- ]solid|sub-?solid|spns?|lung|pulmonary"
              + "|lobes?|lingula\\w*|[rl][ulm]l|fleischner)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Another organ's or finding's words: its follow-up is not the nodule's. */
  private static final Pattern OTHER_FINDING_WORDS =
      Pattern.compile(
          "\\b(?:adrenal|renal|kidneys?|liver|hepat\\w*|pancrea\\w*|spleen|splenic|ovar\\w*|adnex\\w*"
              + "|thyroid|breast|prostat\\w*|bones?|osseous|aort\\w*|cysts?|bowel|colon|gallbladder"
              + "|uter\\w*|testi\\w*|fractures?|effusions?|pneumoni\\w*|consolidation|lymph nodes?"
              + "|lymphadenopathy|nodes?|hernia|aneurysm\\w*|collapse|atelecta\\w*)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Whether the recommendation at this offset is about the nodule: its sentence names a nodule (or,
   * said alone, the sentence before it does) and no other finding.
   */
  private static boolean aboutNodule(TextAnalyzer.Section s, int at) {
    int i = s.sentenceAt(at);
    if (i < 0) {
      return false;
    }
    String own = s.sentenceText(i);
    if (OTHER_FINDING_WORDS.matcher(own).find()) {
      return false;
    }
    if (NODULE_WORDS.matcher(own).find()) {
      return true;
    }
    // "9 mm RUL nodule. No follow-up needed.": the action said alone goes with the nodule before
    if (i > 0) {
      String before = s.sentenceText(i - 1);
      return NODULE_WORDS.matcher(before).find() && !OTHER_FINDING_WORDS.matcher(before).find();
    }
    return s.kind == org.radassist.model.SectionKind.RECOMMENDATION;
  }

  /**
   * Product decision of round 27: the Fleischner row the engine fills is the nodule's category, and
   * a dictated recommendation that clearly contradicts it raises CATEGORY_MANAGEMENT_MISMATCH as a
   * dictated Lung-RADS category against its management does: no follow-up where the row asks for a
   * CT, a CT where it says no routine follow-up, a CT interval outside every window of the row,
   * PET/CT or tissue sampling where the row asks only for CT. One flag, for the first
   * contradiction.
   */
  static void dictatedFleischner(Report report, Result r, Assessment row, List<Evidence> ev) {
    dictatedFleischner(report, r, row, ev, false);
  }

  /**
   * As above; {@code highlySuspicious} (a part-solid nodule with a solid component of 6 mm or more,
   * Fleischner 2017) lets PET/CT or tissue sampling fit beside the row's CT.
   */
  static void dictatedFleischner(
      Report report, Result r, Assessment row, List<Evidence> ev, boolean highlySuspicious) {
    FleischnerPlan plan = FleischnerPlan.of(row.management());
    if (highlySuspicious && !plan.workUpFits()) {
      plan = new FleischnerPlan(plan.noneFits(), true, plan.windows(), plan.firstWindows());
    }
    String what = "Fleischner row (" + row.reason() + ") calls for " + row.management();
    boolean firstSeen = firstSeen(report);
    for (SaidAction a : actions(report)) {
      TextAnalyzer.Section s = a.section();
      if (s.kind == org.radassist.model.SectionKind.FINDINGS || !aboutNodule(s, a.start())) {
        continue;
      }
      if (DictatedActions.conditional(s.text, a.start(), a.end())
          || THEN_BEFORE.matcher(s.text.substring(Math.max(0, a.start() - 40), a.start())).find()) {
        continue; // "if stable for 2 years, no further follow-up": the plan's end, not now
      }
      String said = s.text.substring(a.start(), a.end());
      boolean contradicts =
          switch (a.action()) {
            case PET_CT, TISSUE_SAMPLING -> !plan.workUpFits();
            case NO_FOLLOW_UP -> !plan.noneFits();
            // a CT without an interval contradicts only a row that asks for no CT at all
            case IMAGING ->
                plan.windows().isEmpty()
                    && said.toLowerCase(Locale.ROOT).matches("ct|ldct")
                    && intervals(s.sentenceText(s.sentenceAt(a.start()))).isEmpty();
          };
      if (contradicts) {
        r.flags.add(
            Flag.of(
                FlagType.CATEGORY_MANAGEMENT_MISMATCH,
                Severity.WARNING,
                what + ", the report recommends " + s.sentenceText(s.sentenceAt(a.start())).strip(),
                concat(List.of(s.evidence(a.start(), a.end())), ev)));
        return;
      }
    }
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      if (s.kind == org.radassist.model.SectionKind.FINDINGS) {
        continue;
      }
      for (DictatedActions.Interval iv : intervals(s.text)) {
        int i = s.sentenceAt(iv.start());
        if (i < 0 || !aboutNodule(s, iv.start())) {
          continue;
        }
        if (!DictatedActions.recommends(s, iv.start())
            && !TIME_AHEAD
                .matcher(s.text.substring(Math.max(0, iv.start() - 12), iv.start()))
                .find()) {
          continue; // "repeat chest CT in 3 months" asks for it without a recommending word
        }
        String sentence = s.sentenceText(i);
        if (!IMAGING.matcher(sentence).find()
            && !sentence.toLowerCase(Locale.ROOT).matches("(?s).*\\bfollow[- ]?up\\b.*")) {
          continue; // an interval of no imaging follow-up
        }
        Matcher range =
            RANGE_START.matcher(s.text.substring(Math.max(0, iv.start() - 8), iv.start()));
        int lo = range.find() ? Integer.parseInt(range.group(1)) : iv.months();
        if (iv.months() % 12 == 0 && lo < 12 && iv.months() > 12) {
          lo = lo * 12; // "1-2 years"
        }
        boolean first = firstSeen && firstFollowUp(s, i, iv);
        if (!plan.noneFits() && optional(sentence)) {
          // "optional CT at 12 months" where the row asks for a CT: the plan of a smaller row
          r.flags.add(
              Flag.of(
                  FlagType.CATEGORY_MANAGEMENT_MISMATCH,
                  Severity.WARNING,
                  what + ", the report makes optional " + sentence.strip(),
                  concat(List.of(s.evidence(iv.start(), iv.end())), ev)));
          return;
        }
        if (!plan.intervalFits(Math.min(lo, iv.months()), iv.months())
            || (first && !plan.firstIntervalFits(Math.min(lo, iv.months()), iv.months()))) {
          r.flags.add(
              Flag.of(
                  FlagType.CATEGORY_MANAGEMENT_MISMATCH,
                  Severity.WARNING,
                  what + ", the report recommends " + sentence.strip(),
                  concat(List.of(s.evidence(iv.start(), iv.end())), ev)));
          return;
        }
      }
    }
  }
}
