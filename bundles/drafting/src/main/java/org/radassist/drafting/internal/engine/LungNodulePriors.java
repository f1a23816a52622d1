package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.LungNoduleMentions.isLungNodule;
import static org.radassist.drafting.internal.engine.LungRadsIncompleteScreen.PRIOR_PENDING;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.PriorSummary;
import org.radassist.drafting.internal.engine.frames.Change;
import org.radassist.drafting.internal.engine.frames.LesionFrame;
import org.radassist.drafting.internal.engine.frames.Measurement;
import org.radassist.drafting.internal.rules.LungRads;
import org.radassist.drafting.internal.rules.Millimetres;

/**
 * What earlier exams say of a lung nodule: prior reports' sizes, types and Lung-RADS categories,
 * and the nodule's change (new, stable, growing, slow growth over several screens).
 */
final class LungNodulePriors {

  private LungNodulePriors() {}

  static final Pattern PRIOR_LUNG_RADS =
      Pattern.compile(
          "(?:previously|prior|was)\\s+lung-rads\\s*(?:category\\s*)?([0-4][abx]?)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ANY_LUNG_RADS =
      Pattern.compile(
          "lung[- ]?rads\\s*:?\\s*(?:category\\s*)?:?\\s*([0-4][abx]?)(?:\\s*/?\\s*s)?\\b",
          Pattern.CASE_INSENSITIVE);

  /** The Lung-RADS category the most recent prior report gives (impression, else findings). */
  static String priorReportCategory(Report report) {
    PriorSummary latest = null;
    for (PriorSummary p : report.request.priors()) {
      boolean said =
          ANY_LUNG_RADS.matcher(p.impression() == null ? "" : p.impression()).find()
              || ANY_LUNG_RADS.matcher(p.findings() == null ? "" : p.findings()).find();
      if (said
          && p.relativeDays() < 0
          && (latest == null || p.relativeDays() > latest.relativeDays())) {
        latest = p;
      }
    }
    if (latest == null) {
      return null;
    }
    Matcher m = ANY_LUNG_RADS.matcher(latest.impression() == null ? "" : latest.impression());
    if (!m.find()) {
      m = ANY_LUNG_RADS.matcher(latest.findings());
      m.find();
    }
    return m.group(1).toUpperCase(Locale.ROOT);
  }

  private static final Pattern WAS_GROUND_GLASS =
      Pattern.compile(
          "\\b(?:previously|formerly|was|prior(?:ly)?|before|initially|originally)\\b[^.;]{0,20}?"
              + "\\b(?:pure(?:ly)? |entirely )?(?:ground[- ]glass|non-?solid)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Whether the nodule was ground-glass on the prior: the sentence says so ("previously pure
   * ground-glass, now part-solid") or the prior report's nodule of the same lobe is ground-glass.
   */
  static boolean wasGroundGlass(Report report, LesionFrame fr, String sentence) {
    if (WAS_GROUND_GLASS.matcher(sentence).find()) {
      return true;
    }
    if (!fr.site().known() || fr.location().isEmpty()) {
      return false;
    }
    return report.priorFrames.stream()
        .anyMatch(
            p ->
                isLungNodule(p)
                    && p.assertion().positive()
                    && p.site().equals(fr.site())
                    && p.composition().equals("ground-glass"));
  }

  /**
   * The size the prior reports give the same nodule: the one sized, asserted lung nodule of the
   * same lobe (and type, when both say one) there, when the findings have one nodule in that lobe;
   * null otherwise.
   */
  static Double priorReportSize(Report report, LesionFrame fr) {
    if (!fr.site().known() || fr.location().isEmpty() || report.priorFrames.isEmpty()) {
      return null;
    }
    long here =
        report.findingFrames.stream()
            .filter(o -> isLungNodule(o) && o.assertion().positive() && o.site().equals(fr.site()))
            .count();
    if (here != 1) {
      return null;
    }
    Double size = null;
    int found = 0;
    for (LesionFrame p : report.priorFrames) {
      if (isLungNodule(p)
          && p.assertion().positive()
          && p.site().equals(fr.site())
          && p.sizes().stream().filter(m -> m.role() == Measurement.Role.OVERALL).count() == 1
          && (p.composition().isEmpty()
              || fr.composition().isEmpty()
              || p.composition().equals(fr.composition()))) {
        found++;
        size = p.overall().get().meanMm();
      }
    }
    return found == 1 ? size : null;
  }

  /**
   * The status an airway nodule or cyst has from the words: new, growing, stable, else baseline.
   */
  /** "baseline LDCT", "new baseline finding": the first screen, not "since the baseline scan". */
  static final Pattern BASELINE_SCREEN =
      Pattern.compile(
          "(?<!since |from |to |with |the )\\bbaseline\\s+(?:finding|ldct|ct|low[- ]dose|screen\\w*"
              + "|scan|exam\\w*|study)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "slowly enlarged", "slow-growing", "grown slowly", "slow growth" (not negated). */
  static final Pattern SLOW_GROWTH =
      Pattern.compile(
          "(?<!\\bno |\\bnot |\\bwithout )\\b(?:slow(?:ly)?[- ]?(?:grow\\w*|enlarg\\w*|increas\\w*)"
              // "slow, steady growth", "slow but progressive enlargement", "gradual growth"
              + "|slow(?:ly)?,?\\s+(?:(?:and|but)\\s+)?(?:steady|steadily|progressive|progressively"
              + "|continu\\w*|incremental)\\s+(?:grow\\w*|enlarg\\w*|increas\\w*)"
              + "|gradual(?:ly)?[- ]?(?:grow\\w*|enlarg\\w*|increas\\w*)"
              + "|(?:grow\\w*|grown|enlarg\\w*|increas\\w*)\\s+slowly)",
          Pattern.CASE_INSENSITIVE);

  /**
   * "over multiple screens", "across several annual scans", "on successive examinations"; a plural
   * without a count ("over the screens") is several screens too.
   */
  static final Pattern OVER_SCREENS =
      Pattern.compile(
          "\\b(?:over|across|on|through)\\s+(?:the\\s+)?(?:last\\s+|past\\s+)?"
              + "(?:(?:multiple|several|serial|successive|consecutive|\\d|two|three|four|five)\\s+)?"
              + "(?:annual\\s+|prior\\s+|screening\\s+)?"
              + "(?:screens|screenings|scans|examinations|exams|studies|ldcts|cts|years|rounds)\\b",
          Pattern.CASE_INSENSITIVE);

  static LungRads.Status wordStatus(LesionFrame fr) {
    return switch (fr.change().status()) {
      case NEW -> LungRads.Status.NEW;
      case GROWING -> LungRads.Status.GROWING;
      case STABLE, DECREASED -> LungRads.Status.STABLE;
      default -> LungRads.Status.BASELINE;
    };
  }

  /**
   * The change the dictated impression states for the same nodule (same lobe, or the same size),
   * NOT_STATED when it says none or names no such nodule.
   */
  static Change.Status impressionChange(Report report, LesionFrame fr) {
    if (report.request.priors().isEmpty() && !impressionComparesStudy(report)) {
      return Change.Status.NOT_STATED; // "the larger 10 mm" compares two nodules, not two studies
    }
    Double mean = fr.overall().map(Measurement::meanMm).orElse(null);
    for (LesionFrame i : report.impressionFrames) {
      if (!isLungNodule(i) || !i.assertion().positive()) {
        continue;
      }
      boolean sameLobe =
          !fr.location().isEmpty() && fr.site().known() && i.site().equals(fr.site());
      boolean sameSize =
          mean != null
              && i.overall().isPresent()
              && Math.abs(i.overall().get().meanMm() - mean) < 0.05;
      boolean otherLobe = i.site().known() && !i.location().isEmpty() && !sameLobe;
      if ((sameLobe || sameSize) && !otherLobe) {
        Change.Status s = i.change().status();
        if (s == Change.Status.NEW || s == Change.Status.GROWING || s == Change.Status.STABLE) {
          return s;
        }
      }
    }
    return Change.Status.NOT_STATED;
  }

  /**
   * True when there are prior reports and they show no lung nodule: a nodule negated there ("No
   * pulmonary nodules.") or a prior Lung-RADS 1, and no nodule asserted (a calcified granuloma is
   * not one). A nodule they do not show is new.
   */
  static boolean priorsShowNoNodule(Report report) {
    if (report.request.priors().isEmpty()) {
      return false;
    }
    boolean negated = false;
    for (LesionFrame p : report.priorFrames) {
      if (!isLungNodule(p)) {
        continue;
      }
      if (p.assertion().positive()
          && !p.feature("benign_calcification").equals("present")
          && !p.feature("fat").equals("present")) {
        return false;
      }
      negated |= p.assertion().negated();
    }
    return negated || "1".equals(priorReportCategory(report));
  }

  private static final Pattern NUMBER_MM =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(mm|cm)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * The interval to the prior study whose report gives the nodule's prior size: "6.6 mm, 5.8 mm
   * last year and 5.0 mm two years ago" against priors of one and two years compares 5.0 mm with
   * the study of two years ago, not the latest one. The latest prior's interval when no prior
   * report (or more than one) gives that size.
   */
  static Double monthsOfPriorSize(Report report, double priorMm, Double latest) {
    Integer days = null;
    for (PriorSummary p : report.request.priors()) {
      if (p.relativeDays() >= 0 || p.findings() == null) {
        continue;
      }
      Matcher m = NUMBER_MM.matcher(p.findings());
      boolean gives = false;
      while (m.find() && !gives) {
        double v = Double.parseDouble(m.group(1)) * (m.group(2).equalsIgnoreCase("cm") ? 10 : 1);
        gives = Math.abs(v - priorMm) < 0.05;
      }
      if (gives) {
        if (days != null) {
          return latest; // two priors give it: the latest one is the comparison
        }
        days = p.relativeDays();
      }
    }
    return days == null ? latest : Double.valueOf(Math.abs(days) / 30.44);
  }

  /** "Outside CT from two years ago now reviewed", "compared with the prior LDCT". */
  private static final Pattern COMPARED_STUDY =
      Pattern.compile(
          "\\b(?:prior|previous|outside|old|older|earlier|comparison|external)\\s+(?:\\w+\\s+)?"
              + "(?:ct|ldct|cts|study|studies|scan|scans|exam|examination|imaging|screen)\\b[^.;]{0,60}?"
              + "\\b(?:reviewed|compared|available|obtained|received|retrieved)\\b(?!\\s+(?:for|to))"
              + "|\\b(?:compared (?:with|to)|in comparison (?:with|to)|on review of)\\s+(?:the\\s+)?"
              + "(?:prior|previous|outside|old|earlier)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * The impression (or its addendum) says a prior study was compared: a change it states of a
   * nodule ("the LUL nodule is unchanged") is a change between studies even without priors in the
   * request. Not when the prior is still being sought, nor when it is said to be unavailable.
   */
  private static boolean impressionComparesStudy(Report report) {
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      if (s.kind != org.radassist.model.SectionKind.IMPRESSION) {
        continue;
      }
      Matcher m = COMPARED_STUDY.matcher(s.text);
      while (m.find()) {
        String before = s.text.substring(Math.max(0, m.start() - 12), m.start());
        if (!PRIOR_PENDING.matcher(m.group()).find()
            && !NOT_BEFORE_STUDY.matcher(before).find()
            && !m.group().toLowerCase(Locale.ROOT).matches(".*\\bnot\\b.*")) {
          return true;
        }
      }
    }
    return false;
  }

  private static final Pattern NOT_BEFORE_STUDY =
      Pattern.compile("\\b(?:no|without|not)\\s+$", Pattern.CASE_INSENSITIVE);

  /**
   * A nodule with several prior sizes, each given by one prior study's report ("6.5 mm, previously
   * 5.6 and 4.8 mm"): growth against one within 12 months is growth; an increase of more than 1.5
   * mm only against an older one is slow growth over multiple screens (4B). The status read before
   * otherwise (a prior size no prior report gives leaves it).
   */
  static LungRads.Status priorSeries(
      Report report, LesionFrame fr, double mean, LungRads.Status status) {
    // "previously 5.6 mm and 4.8 mm": a size listed after a prior size is a prior size too
    int firstPrior =
        fr.sizes().stream()
            .filter(m -> m.role() == Measurement.Role.PRIOR)
            .mapToInt(Measurement::start)
            .min()
            .orElse(Integer.MAX_VALUE);
    Measurement now = fr.overall().orElse(null);
    List<Double> sizes =
        fr.sizes().stream()
            .filter(
                m ->
                    m.role() == Measurement.Role.PRIOR
                        || (m.role() == Measurement.Role.OVERALL
                            && m != now
                            && m.start() > firstPrior))
            .map(Measurement::meanMm)
            .toList();
    if (sizes.size() < 2 || report.request.priors().size() < 2) {
      return status;
    }
    boolean growth = false;
    boolean more = false;
    for (double p : sizes) {
      Double months = monthsOfPriorSize(report, p, null);
      if (months == null) {
        return status;
      }
      growth |= LungRads.isGrowth(p, mean, Math.round(months));
      more |= Millimetres.tenths(mean) - Millimetres.tenths(p) > LungRads.GROWTH_TENTHS;
    }
    return growth ? LungRads.Status.GROWING : more ? LungRads.Status.SLOW_GROWING : status;
  }
}
