package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.ExtractorSupport.priorIntervalMonths;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.PriorSummary;
import org.radassist.drafting.internal.engine.LungNoduleMentions.Nodule;
import org.radassist.drafting.internal.engine.frames.Change;
import org.radassist.drafting.internal.engine.frames.LesionFrame;
import org.radassist.drafting.internal.rules.LungRads;

/**
 * Which nodules Fleischner 2017 is not for, whatever the patient: nodules whose follow-up is
 * complete (unchanged 2 years solid, 5 years subsolid) and unplaced nodules of an exam of another
 * region.
 */
final class FleischnerNoduleScope {

  private FleischnerNoduleScope() {}

  /**
   * A stability said with its span: "unchanged over 2 years", "stable for the past 3 years",
   * "stable since 30 months", "2-year stability", "5 years of stability", "unchanged from the CT 3
   * years ago".
   */
  private static final Pattern STABLE_SPAN =
      Pattern.compile(
          "\\b(?:stable|unchanged|stability|decreas\\w*|smaller|regress\\w*|shrunk\\w*"
              + "|no (?:significant |interval )?(?:change|growth)"
              + "|not (?:significantly )?changed|without (?:interval )?(?:change|growth))\\b"
              + "[^.;]{0,50}?(?:\\b(?:for|over|across|since|throughout|spanning|in|during)\\s+"
              + "(?:at least |more than |over |nearly |almost )?(?:the |a )?(?:past |last |preceding )?"
              + "(?<n1>\\d+|two|three|four|five|six|seven|eight|nine|ten)[- ](?<u1>years?|yrs?|months?)\\b"
              + "|\\b(?<n2>\\d+|two|three|four|five|six|seven|eight|nine|ten)[- ](?<u2>years?|yrs?|months?)"
              + "\\s+(?:ago|earlier|previously|prior)\\b)"
              + "|\\b(?<n3>\\d+|two|three|four|five|six|seven|eight|nine|ten)[- ](?<u3>years?|yrs?)"
              + "(?:\\s+of)?\\s+(?:stability|radiographic stability|documented stability)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * "On this 2-year follow-up CT ... stable": the span of the follow-up the stability is seen at.
   */
  private static final Pattern FOLLOW_UP_SPAN =
      Pattern.compile(
          "\\b(?<n>\\d+|two|three|four|five|six|seven|eight|nine|ten)[- ](?<u>years?|months?)"
              + "\\s+(?:follow[- ]?up|surveillance)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern STABLE_WORD =
      Pattern.compile(
          "\\b(?:stable|unchanged|no (?:significant |interval )?(?:change|growth))\\b",
          Pattern.CASE_INSENSITIVE);

  /** A stability span said as a condition or a plan ("if stable for 2 years"), not a fact. */
  private static final Pattern SPAN_CONDITION =
      Pattern.compile(
          "\\b(?:if|until|unless|should|to (?:confirm|document|establish)|to be|would|recommend\\w*)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A next study inside a stability span ("stable nodule, follow-up CT in 2 years") or after a
   * follow-up span ("2-year follow-up suggested"): a plan, not the time it has been stable.
   */
  private static final Pattern NEXT_STUDY =
      Pattern.compile(
          "\\b(?:follow[- ]?up|recommend\\w*|repeat|next|further|another|(?:ct|scan|imaging)\\s+in"
              + "|suggest\\w*|advis\\w*|should|is needed|would)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final List<String> NUMBER_WORDS =
      List.of(
          "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");

  /** The months of the stability span said in a sentence, or 0. */
  private static long stableMonthsSaid(String sentence) {
    long best = 0;
    Matcher m = STABLE_SPAN.matcher(sentence);
    while (m.find()) {
      String n =
          m.group("n1") != null
              ? m.group("n1")
              : m.group("n2") != null ? m.group("n2") : m.group("n3");
      String u =
          m.group("u1") != null
              ? m.group("u1")
              : m.group("u2") != null ? m.group("u2") : m.group("u3");
      if (SPAN_CONDITION.matcher(sentence.substring(0, m.start())).find()
          || (m.group("n1") != null && NEXT_STUDY.matcher(m.group()).find())) {
        continue;
      }
      String low = n.toLowerCase(Locale.ROOT);
      long count =
          Character.isDigit(low.charAt(0)) ? Long.parseLong(low) : NUMBER_WORDS.indexOf(low);
      best = Math.max(best, u.toLowerCase(Locale.ROOT).startsWith("y") ? count * 12 : count);
    }
    Matcher fu = FOLLOW_UP_SPAN.matcher(sentence);
    if (STABLE_WORD.matcher(sentence).find()
        && fu.find()
        && !SPAN_CONDITION.matcher(sentence.substring(0, fu.start())).find()
        && !NEXT_STUDY.matcher(sentence.substring(fu.end())).find()) {
      String low = fu.group("n").toLowerCase(Locale.ROOT);
      long count =
          Character.isDigit(low.charAt(0)) ? Long.parseLong(low) : NUMBER_WORDS.indexOf(low);
      best =
          Math.max(
              best, fu.group("u").toLowerCase(Locale.ROOT).startsWith("y") ? count * 12 : count);
    }
    return best;
  }

  /**
   * Fleischner 2017 follow-up ends when a solid nodule is unchanged for 2 years and a subsolid one
   * for 5 (MacMahon et al. 2017): a nodule said stable with that span in its sentence (or, the only
   * nodule, in an impression sentence), or unchanged against a prior at least that old, is past the
   * table. A nodule of unstated type needs the 5 years.
   */
  static boolean followUpComplete(Report report, Nodule n, int nodules) {
    if (n.frame() == null || !n.frame().fromText() || n.frame().sentenceStart() < 0) {
      return false;
    }
    long needed = n.type() == LungRads.NoduleType.SOLID ? 24 : 60;
    long said = 0;
    TextAnalyzer.Section f = report.findings();
    if (f != null && n.frame().sentenceEnd() <= f.text.length()) {
      said = stableMonthsSaid(f.text.substring(n.frame().sentenceStart(), n.frame().sentenceEnd()));
    }
    TextAnalyzer.Section imp = report.dictatedImpression();
    if (said < needed && nodules == 1 && imp != null) {
      for (String sentence : imp.text.split("(?<=[.;])\\s+|\\n")) {
        if (sentence.toLowerCase(Locale.ROOT).contains("nodul")) {
          said = Math.max(said, stableMonthsSaid(sentence));
        }
      }
    }
    if (said >= needed) {
      return true;
    }
    Double since = stableSinceMonths(report, n);
    return n.status() == LungRads.Status.STABLE
        && since != null
        && Math.round(since) >= needed
        && (n.frame().change().status() == Change.Status.STABLE
            || n.frame().change().status() == Change.Status.DECREASED
            || n.frame().change().priorMm() != null
            || n.reasonNote().contains("; prior "));
  }

  private static final Pattern PRIOR_MM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*mm\\b");

  /**
   * How long an unchanged nodule has been seen: back to the oldest prior such that it and every
   * newer prior report a nodule (not "no nodule") of a size within the growth threshold of the
   * current one when they give sizes; the nearest prior when no prior says so.
   */
  private static Double stableSinceMonths(Report report, Nodule n) {
    Double nearest = priorIntervalMonths(report);
    List<PriorSummary> older =
        report.request.priors().stream()
            .filter(p -> p.relativeDays() < 0)
            .sorted(java.util.Comparator.comparingInt(p -> -p.relativeDays()))
            .toList();
    int days = 0;
    for (PriorSummary p : older) {
      String text = (p.findings() + " " + p.impression()).toLowerCase(Locale.ROOT);
      if (!text.contains("nodul") || text.matches("(?s).*\\bno (?:pulmonary |lung )?nodul.*")) {
        break;
      }
      if (n.meanMm() != null) {
        Matcher m = PRIOR_MM.matcher(text);
        boolean sized = false;
        boolean same = false;
        while (m.find()) {
          sized = true;
          same |= Math.abs(Double.parseDouble(m.group(1)) - n.meanMm()) <= 1.5;
        }
        if (sized && !same) {
          break;
        }
      }
      days = -p.relativeDays();
    }
    return days == 0 ? nearest : Double.valueOf(days / 30.44);
  }

  /** Lung words that place a nodule on an exam of another region ("Lung bases: 3 mm nodule"). */
  private static final Pattern LUNG_PLACE =
      Pattern.compile(
          "\\b(?:lungs?|pulmonary|lobes?|lingula\\w*|lung bases?|bases|basal|basilar|subpleural"
              + "|pleura\\w*|fissur\\w*|intrapulmonary|perifissural|[rl]ll|rml|[rl]ul|lobar)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A nodule the text does not place in the lung, on an exam whose region is not the chest
   * (abdomen, pelvis, neck, ...): "enhancing soft tissue nodule at the colorectal anastomosis" on
   * an abdominal CT is no lung nodule. Lung words in its sentence or its line's heading place it.
   */
  static boolean unplacedOutsideChest(Report report, Nodule n) {
    String body = report.bodyPart();
    LesionFrame fr = n.frame();
    if (body.isEmpty()
        || body.contains("CHEST")
        || body.contains("LUNG")
        || body.contains("THORAX")
        || fr == null
        || !fr.fromText()
        || fr.organ().equals("lung")
        || fr.sentenceStart() < 0) {
      return false;
    }
    TextAnalyzer.Section f = report.findings();
    if (f == null || fr.sentenceEnd() > f.text.length()) {
      return false;
    }
    int line = f.text.lastIndexOf('\n', Math.max(0, fr.sentenceStart() - 1)) + 1;
    return !LUNG_PLACE.matcher(f.text.substring(line, fr.sentenceEnd())).find();
  }
}
