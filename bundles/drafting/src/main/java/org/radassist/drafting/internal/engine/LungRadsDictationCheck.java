package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.DictatedActions.IMAGING;
import static org.radassist.drafting.internal.engine.DictatedActions.NO_FOLLOW_UP;
import static org.radassist.drafting.internal.engine.DictatedActions.PET_CT;
import static org.radassist.drafting.internal.engine.DictatedActions.actions;
import static org.radassist.drafting.internal.engine.DictatedActions.intervals;
import static org.radassist.drafting.internal.engine.ExtractorSupport.concat;
import static org.radassist.drafting.internal.engine.ExtractorSupport.retracted;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.internal.engine.DictatedActions.Interval;
import org.radassist.drafting.internal.engine.DictatedActions.SaidAction;
import org.radassist.drafting.internal.engine.StructuredExtractor.Result;
import org.radassist.drafting.internal.rules.Assessment;
import org.radassist.drafting.internal.rules.LungRads;
import org.radassist.model.Evidence;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.Severity;

/**
 * The dictated Lung-RADS category and its follow-up checked against the computed category (a
 * category revised later in the report, or said of an earlier screen, is not the exam's).
 */
final class LungRadsDictationCheck {

  private LungRadsDictationCheck() {}

  static final Pattern LUNG_RADS =
      Pattern.compile(
          // "Lung-RADS 2S", "4A/S": the S modifier (a significant other finding) keeps the category
          // "Lung-RADS v2022 category 2"; the name after the category, "Category 2 (Lung-RADS)"
          "(?:lung-rads\\s*(?:v(?:ersion)?\\s*(?:2022|1\\.1)\\s*)?:?\\s*(?:category\\s*)?:?\\s*"
              + "|\\b(?:category|cat|lr)\\s*(?=[0-4][abx]?\\s*\\(\\s*lung-rads\\s*\\)))"
              + "([0-4][abx]?)(?:\\s*/?\\s*s)?\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern LUNG_CATEGORY_LETTERED =
      Pattern.compile(
          "(?<![a-z]-rads )(?<!acr )\\bcategory\\s*:?\\s*(4[abx])(?:\\s*/?\\s*s)?\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Whether a dictated category agrees with another: the same, or a category said without its
   * subdivision letter and one of its subdivisions (Lung-RADS "4" with 4A, 4B or 4X; BI-RADS "4"
   * with 4A, 4B or 4C): the bare category names them all.
   */
  static boolean sameCategory(String said, String other) {
    return org.radassist.drafting.internal.rules.RuleCheck.sameCategory(said, other);
  }

  /** Whether the dictation says this category (not taken back) with the given pattern. */
  private static boolean saysCategory(Report report, Pattern p, String category) {
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      Matcher m = p.matcher(s.text);
      while (m.find()) {
        if (!retracted(s.text, m.end())
            && sameCategory(m.group(1).toUpperCase(Locale.ROOT), category)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Dictated Lung-RADS category and follow-up interval against the rules. */
  static void dictatedLungRads(Report report, Result r, Assessment computed, List<Evidence> ev) {
    // "Category 4B" in a report Lung-RADS scores, where the name is left out: only a lettered
    // category, which no other chest system uses, and only when "Lung-RADS" is not said
    Pattern dictated =
        report.dictatedBody().stream().anyMatch(t -> LUNG_RADS.matcher(t.text).find())
            ? LUNG_RADS
            : LUNG_CATEGORY_LETTERED;
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      Matcher m = dictated.matcher(s.text);
      while (m.find()) {
        if (retracted(s.text, m.end())) {
          continue; // the dictation corrects itself: the category said next counts
        }
        if (HISTORICAL_BEFORE
            .matcher(s.text.substring(Math.max(0, m.start() - 40), m.start()))
            .find()) {
          continue; // "the prior LDCT, which was Lung-RADS 3": the prior screen's category
        }
        if (revisedLater(s.text, m.end(), dictated)) {
          continue; // an addendum's revised assessment replaces the category said before it
        }
        String said = m.group(1).toUpperCase(Locale.ROOT);
        Evidence where = s.evidence(m.start(), m.end());
        if (!sameCategory(said, computed.category())
            && said.compareTo(computed.category()) < 0
            && saysCategory(report, dictated, computed.category())) {
          // "LLL nodule: Lung-RADS 2. RUL nodule: Lung-RADS 4A": a lower category of one nodule
          // beside the exam's own (the most suspicious nodule's), which is said and checked
          continue;
        }
        if (!sameCategory(said, computed.category())) {
          // round-27 decision: the signed report asserts the dictated category and the referrer
          // acts on it, so a dictated 4A / 4B / 4X counts for actionable results even where the
          // rules score lower (the mismatch below tells the reader the two differ)
          r.dictated.add(
              new StructuredExtractor.Scored(
                  new Assessment(
                      computed.system(),
                      computed.version(),
                      said,
                      "",
                      "dictated, not the rules'",
                      List.of()),
                  List.of(where),
                  0.7));
          r.flags.add(
              Flag.of(
                  FlagType.CATEGORY_MANAGEMENT_MISMATCH,
                  Severity.WARNING,
                  "Dictated Lung-RADS "
                      + said
                      + ", the rules give "
                      + computed.category()
                      + " ("
                      + computed.reason()
                      + ")",
                  concat(List.of(where), ev)));
        } else {
          // "Lung-RADS 4" of a 4B nodule: its management is that of the subdivision
          said = computed.category();
        }
        lungRadsActions(report, r, said, where);
        Integer expected = expectedMonths(said);
        if (expected == null) {
          continue;
        }
        // the interval may be said with the category or in a Recommendation section of its own
        for (TextAnalyzer.Section t : report.dictatedBody()) {
          if (t != s && t.kind == org.radassist.model.SectionKind.FINDINGS) {
            continue;
          }
          for (Interval iv : intervals(t.text)) {
            int months = iv.months();
            if (t == s && iv.start() < revisionBefore(s.text, m.start(), dictated)) {
              continue; // the interval of the assessment the addendum replaced
            }
            if (months != expected
                && expected == 0
                && t.sentenceAt(iv.start()) >= 0
                && workUpAlternative(t.sentenceText(t.sentenceAt(iv.start())))) {
              continue; // "3-month LDCT or diagnostic CT": the category's work-up is offered
            }
            if (months != expected) {
              r.flags.add(
                  Flag.of(
                      FlagType.CATEGORY_MANAGEMENT_MISMATCH,
                      Severity.WARNING,
                      "Lung-RADS "
                          + said
                          + " calls for "
                          + LungRads.management(said)
                          + ", the report says "
                          + months
                          + " months",
                      List.of(where, t.evidence(iv.start(), iv.end()))));
            }
          }
        }
      }
    }
  }

  /**
   * PET/CT belongs to 4A (for a >= 8 mm solid nodule or component), 4B and 4X; tissue sampling to
   * 4B and 4X (ACR Lung-RADS v2022 management): asked for at a lower category, it contradicts.
   */
  private static void lungRadsActions(Report report, Result r, String said, Evidence where) {
    for (SaidAction a : actions(report)) {
      boolean fits =
          switch (a.action()) {
            case PET_CT -> List.of("4A", "4B", "4X").contains(said);
            case TISSUE_SAMPLING -> List.of("4B", "4X").contains(said);
            case NO_FOLLOW_UP, IMAGING -> true; // intervals are checked apart
          };
      if (!fits) {
        r.flags.add(
            Flag.of(
                FlagType.CATEGORY_MANAGEMENT_MISMATCH,
                Severity.WARNING,
                "Lung-RADS "
                    + said
                    + " calls for "
                    + LungRads.management(said)
                    + ", the report recommends "
                    + a.section().text.substring(a.start(), a.end()),
                List.of(where, a.section().evidence(a.start(), a.end()))));
        return;
      }
    }
  }

  /** The 4B/4X work-up (diagnostic CT, PET/CT, tissue sampling) named as an alternative. */
  private static final Pattern WORK_UP_ALTERNATIVE =
      Pattern.compile(
          "\\bor\\s+(?:a\\s+|an\\s+)?(?:diagnostic\\s+(?:chest\\s+)?ct|pet[/-]?ct|pet|biopsy"
              + "|tissue\\s+sampling|bronchoscop\\w*)\\b"
              + "|\\b(?:diagnostic\\s+(?:chest\\s+)?ct|pet[/-]?ct|biopsy|tissue\\s+sampling"
              + "|bronchoscop\\w*)\\s+or\\b",
          Pattern.CASE_INSENSITIVE);

  /** A sentence that offers the 4B/4X work-up beside a follow-up interval. */
  private static boolean workUpAlternative(String sentence) {
    return sentence != null && WORK_UP_ALTERNATIVE.matcher(sentence).find();
  }

  private static Integer expectedMonths(String category) {
    return switch (category) {
      case "1", "2" -> 12;
      case "3" -> 6;
      case "4A" -> 3;
      case "4B", "4X" ->
          0; // diagnostic work-up, not an LDCT interval: any stated interval disagrees
      default -> null;
    };
  }

  /** "ADDENDUM: ... Revised assessment: Lung-RADS 2": what replaces an earlier category. */
  private static final Pattern REVISION =
      Pattern.compile(
          "\\b(?:addendum|revised|revision|amended|corrected|updated|changed to|now (?:re)?categori[sz]ed)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * The category said before an addendum or a revised assessment that gives a category of its own:
   * the later one is the report's ("Lung-RADS 3 ... ADDENDUM: ... Revised assessment: Lung-RADS
   * 2").
   */
  private static boolean revisedLater(String text, int end, Pattern dictated) {
    Matcher r = REVISION.matcher(text);
    if (!r.find(end)) {
      return false;
    }
    Matcher later = dictated.matcher(text);
    return later.find(r.end());
  }

  /**
   * Where the revision that a category at {@code at} belongs to starts (an earlier category is
   * replaced there), or -1 when none comes before it.
   */
  private static int revisionBefore(String text, int at, Pattern dictated) {
    Matcher r = REVISION.matcher(text.substring(0, at));
    int start = -1;
    while (r.find()) {
      start = r.start();
    }
    return start >= 0 && dictated.matcher(text.substring(0, start)).find() ? start : -1;
  }

  /** "which was", "previously", "on the prior screen": a category said of an earlier screen. */
  private static final Pattern HISTORICAL_BEFORE =
      Pattern.compile(
          "(?:\\b(?:previously|formerly|was|were|had been|then)\\s+(?:called\\s+|categori[sz]ed\\s+(?:as\\s+)?)?"
              + "|\\b(?:prior|previous|last)\\s+(?:screen|screening|ldct|ct|study|exam|examination)"
              + "\\s*(?:was\\s+)?[:,]?\\s*)$",
          Pattern.CASE_INSENSITIVE);
}
