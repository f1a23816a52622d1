package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.ConsistencyChecker.NOTHING_REPORTED;
import static org.radassist.drafting.internal.engine.OmissionCheck.categorised;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.internal.rules.Assessment;
import org.radassist.model.Evidence;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.Severity;

/**
 * The scored-lesion omission of FINDING_NOT_IN_IMPRESSION ({@link RulesEngine} calls it after the
 * structured fields): a lesion whose scoring category calls for sampling or a specialist that no
 * impression sentence reports; split from {@link OmissionCheck}.
 */
final class ScoredLesionOmission {
  /**
   * Round 30 (om11): a scored lesion whose category calls for tissue sampling or a specialist
   * decision (Lung-RADS 4A-4X, BI-RADS 4-5, LR-4/LR-5/LR-M/LR-TIV, PI-RADS 4-5, a TI-RADS level at
   * its FNA size) is the finding an impression exists for. It is left out when no impression
   * sentence reports it: none states the system's category at that level or above, none reads it as
   * suspicious (malignancy, biopsy ...), and none names a lesion without calling it benign or
   * giving it a lower category of the same system. The category is the concept, whatever words the
   * findings use for the lesion ("8 mm focus", "observation", "area").
   */
  static void scoredLesionOmitted(
      Report report, List<StructuredExtractor.Scored> scored, List<Flag> flags) {
    TextAnalyzer.Section findings = report.findings();
    TextAnalyzer.Section impression = report.dictatedImpression();
    if (findings == null
        || impression == null
        || flags.stream().anyMatch(f -> f.type() == FlagType.FINDING_NOT_IN_IMPRESSION)) {
      return;
    }
    for (StructuredExtractor.Scored sc : scored) {
      Assessment a = sc.assessment();
      double level = suspiciousLevel(a);
      if (level < 0 || sc.evidence().isEmpty()) {
        continue;
      }
      double stated = statedLevel(impression.text, a.system());
      if (stated < 0 && categorised(impression.text).contains(organOf(a.system()))) {
        continue; // a spoken or abbreviated category of the system ("l r five", "LR 4A")
      }
      // an impression that gives the system a category reports the lesion (a lower one is a
      // category mismatch, not an omission) unless the findings dictate that lower category for
      // another lesion and a suspicious one beside it
      if (stated >= 0
          ? !anotherLesionsCategory(findings.text, a.system(), stated)
          : scoredReported(impression, a.system(), level)) {
        continue;
      }
      List<Evidence> evidence = new ArrayList<>(sc.evidence());
      flags.add(
          Flag.of(
              FlagType.FINDING_NOT_IN_IMPRESSION,
              Severity.WARNING,
              "The "
                  + a.system().label()
                  + " "
                  + a.category()
                  + " lesion is in the findings but not in the impression",
              evidence));
      return;
    }
  }

  /** The category's rank when it calls for more than imaging follow-up, else -1. */
  private static double suspiciousLevel(Assessment a) {
    if (!a.isComplete()) {
      return -1;
    }
    double level = categoryLevel(a.system(), a.category());
    return switch (a.system()) {
      case LUNG_RADS, BI_RADS, LI_RADS, PI_RADS -> level >= 4 ? level : -1;
      // a TI-RADS level is suspicious at the size its table sends to FNA
      case TI_RADS -> a.management().startsWith("FNA") ? level : -1;
      default -> -1;
    };
  }

  /** "4B" = 4.2, "LR-5" = 5, "LR-M" / "LR-TIV" = 5, "TR4" = 4, "2S" = 2; unknown -1. */
  private static double categoryLevel(ScoringSystem system, String category) {
    String c = category.toUpperCase(Locale.ROOT).replaceAll("^(?:LR-?|TR)", "").trim();
    if (c.equals("M") || c.equals("TIV")) {
      return 5;
    }
    Matcher m = Pattern.compile("^([0-6])([ABCX])?").matcher(c);
    if (!m.find()) {
      return -1;
    }
    double level = Integer.parseInt(m.group(1));
    if (m.group(2) != null) {
      level += m.group(2).equals("X") ? 0.3 : (m.group(2).charAt(0) - 'A' + 1) / 10.0;
    }
    return level;
  }

  /** A system's category stated in an impression ("PI-RADS 4", "LR-5", "TR 5", "BI-RADS 4B"). */
  private static final Map<ScoringSystem, Pattern> STATED =
      Map.of(
          ScoringSystem.LUNG_RADS,
          Pattern.compile("\\blung-?rads\\s*(?:category\\s*)?:?\\s*([0-4][abx]?)\\b"),
          ScoringSystem.BI_RADS,
          Pattern.compile(
              "\\b(?:bi-?rads\\s*(?:category\\s*)?|category\\s*):?\\s*([0-6][abc]?)\\b"),
          ScoringSystem.LI_RADS,
          Pattern.compile("\\b(?:lr-?\\s?|li-?rads\\s*(?:category\\s*)?:?\\s*)([1-5]|m|tiv)\\b"),
          ScoringSystem.PI_RADS,
          Pattern.compile(
              "\\bpi-?rads\\s*(?:v?2(?:\\.1)?\\s*)?(?:category\\s*|score\\s*)?:?\\s*([1-5])\\b"),
          ScoringSystem.TI_RADS,
          Pattern.compile(
              "\\b(?:ti-?rads\\s*(?:category\\s*)?:?\\s*(?:tr\\s?)?|tr\\s?)([1-5])\\b"));

  /** What reads a lesion as suspicious, or sends it to tissue sampling or a specialist. */
  private static final Pattern SUSPICION =
      Pattern.compile(
          "\\b(?:suspicio\\w*|malignan\\w*|carcinoma\\w*|cancer\\w*|hcc|neoplas\\w*|tumou?r\\w*"
              + "|metasta\\w*|biops\\w*|tissue sampling|fna|fine[- ]needle|aspiration|sampling"
              + "|highly suggestive|concerning|worrisome|atypical|indeterminate|growing|enlarging"
              + "|mdt|multidisciplinary|refer\\w*)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern LESION_NAMED =
      Pattern.compile(
          "\\b(?:nodules?|mass(?:es)?|lesions?|observations?|foci|focus|areas?|tumou?rs?|cysts?)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern BENIGN_READING =
      Pattern.compile(
          "\\b(?:benign\\w*|simple|spongiform|hyperplasi\\w*|bph|granulom\\w*"
              + "|calcified|fat-containing|lipoma|hamartoma|haemangioma|hemangioma|colloid"
              + "|probably benign|no suspicious|not suspicious|negative)\\b",
          Pattern.CASE_INSENSITIVE);

  /** The organ {@link OmissionCheck#categorised} names for a system's category. */
  private static String organOf(ScoringSystem system) {
    return switch (system) {
      case BI_RADS -> "breast";
      case LI_RADS -> "liver";
      case PI_RADS -> "prostate";
      case TI_RADS -> "thyroid";
      default -> "lung";
    };
  }

  /** The short-interval imaging, PET or sampling a suspicious category calls for. */
  private static final Pattern SHORT_INTERVAL =
      Pattern.compile(
          "\\b(?:(?:[1-3]|one|two|three)(?:\\s*(?:-|to)\\s*(?:[2-6]|six))?[- ]?(?:months?|mo)\\b"
              + "|pet(?:[/ -]?ct)?\\b|short[- ]interval)",
          Pattern.CASE_INSENSITIVE);

  /** The highest category of {@code system} stated in {@code text}, or -1. */
  private static double statedLevel(String text, ScoringSystem system) {
    double stated = -1;
    Matcher c = STATED.get(system).matcher(text.toLowerCase(Locale.ROOT));
    while (c.find()) {
      stated = Math.max(stated, categoryLevel(system, c.group(1)));
    }
    return stated;
  }

  /**
   * The findings dictate the impression's category for one lesion and a suspicious category above
   * it for another ("segment 4 ... LR-3. New segment 7 observation ..., LR-5").
   */
  private static boolean anotherLesionsCategory(
      String findings, ScoringSystem system, double stated) {
    boolean same = false;
    boolean higher = false;
    Matcher c = STATED.get(system).matcher(findings.toLowerCase(Locale.ROOT));
    while (c.find()) {
      double level = categoryLevel(system, c.group(1));
      same |= level == stated;
      higher |= level > stated && level >= 4;
    }
    return same && higher;
  }

  private static boolean scoredReported(
      TextAnalyzer.Section impression, ScoringSystem system, double level) {
    for (int i = 0; i < impression.sentences.size(); i++) {
      String sentence = impression.sentenceText(i).toLowerCase(Locale.ROOT);
      double stated = -1;
      Matcher c = STATED.get(system).matcher(sentence);
      while (c.find()) {
        stated = Math.max(stated, categoryLevel(system, c.group(1)));
      }
      if (stated >= level) {
        return true;
      }
      if (NOTHING_REPORTED.matcher(sentence).find()) {
        continue; // "No suspicious lesion." reports none
      }
      if (SUSPICION.matcher(sentence).find() || SHORT_INTERVAL.matcher(sentence).find()) {
        return true;
      }
      if (stated < 0
          && LESION_NAMED.matcher(sentence).find()
          && !BENIGN_READING.matcher(sentence).find()
          && !NOTHING_REPORTED.matcher(sentence).find()) {
        return true;
      }
    }
    return false;
  }
}
