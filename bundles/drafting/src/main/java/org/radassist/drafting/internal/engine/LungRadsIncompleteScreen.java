package org.radassist.drafting.internal.engine;

import static org.radassist.drafting.internal.engine.ExtractorSupport.addField;
import static org.radassist.drafting.internal.engine.LungRadsDictationCheck.LUNG_RADS;
import static org.radassist.drafting.internal.engine.LungRadsDictationCheck.dictatedLungRads;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.radassist.drafting.internal.engine.ExtractorSupport.Found;
import org.radassist.drafting.internal.engine.StructuredExtractor.Result;
import org.radassist.drafting.internal.engine.StructuredExtractor.Scored;
import org.radassist.drafting.internal.engine.frames.LesionFrame;
import org.radassist.drafting.internal.rules.Assessment;
import org.radassist.drafting.internal.rules.LungRads;
import org.radassist.model.Evidence;
import org.radassist.model.ScoringSystem;

/**
 * Lung-RADS 0: a screen that cannot be categorised yet (a prior CT being located, lungs not
 * evaluable in full, an infectious or inflammatory pattern).
 */
final class LungRadsIncompleteScreen {

  private LungRadsIncompleteScreen() {}

  /** A prior CT being located for comparison: the screen is incomplete until it is read. */
  static final Pattern PRIOR_PENDING =
      Pattern.compile(
          "\\b(?:prior|previous|outside|old|older|earlier|external|comparison)\\b[^.;]{0,60}?\\b(?:being "
              + "(?:obtained|located|retrieved|requested|sought|sent|uploaded)|(?:has|have) been "
              + "(?:requested|ordered|sent for)|(?:is|are|was|were) requested|requested|pending|awaited|"
              + "not yet (?:available|received|obtained|been received)|will be (?:obtained|reviewed|"
              + "compared|retrieved|sent|located)|to be (?:obtained|retrieved|located|sent))\\b"
              + "|\\b(?:pending|awaiting|await|until receipt of|once we receive)\\b[^.;]{0,40}?"
              + "\\b(?:prior|previous|outside|old|older|earlier|external|comparison)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Lungs that cannot be read in full: the screen is incomplete. */
  private static final Pattern NOT_EVALUABLE =
      Pattern.compile(
          "\\b(?:lungs?|lung bases|lung apices|bases|apices|lobes?|thorax|chest)\\b[^.;,]{0,40}?"
              // "the lower lungs, which cannot be evaluated"
              + "(?:,\\s*which\\s+)?\\b(?:(?:(?:is|are) )?"
              + "not (?:fully |completely |entirely |adequately )?(?:imaged|included|evaluable|"
              + "evaluated|visualized|assessable)|incompletely (?:imaged|included|evaluated)|"
              + "excluded from the field of view|outside the field of view|cannot be (?:adequately )?"
              + "(?:evaluated|assessed)"
              // "the right lung base is partly excluded from the scan range"
              + "|(?:(?:is|are|was|were) )?(?:partly |partially )?excluded from the "
              + "(?:scan(?: range)?|study|exam(?:ination)?|imaged volume|acquisition))\\b"
              + "|\\bnon-?diagnostic\\b|\\bnot (?:diagnostic|evaluable)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * An evaluation said to be limited ("limited evaluation of the lower lobes due to respiratory
   * motion", "evaluation ... is limited by motion"): weaker than "cannot be evaluated", so it
   * supports a dictated category 0 but does not make one; a reader who still categorises a limited
   * screen (Lung-RADS 2) is not contradicted.
   */
  private static final Pattern LIMITED_EVALUATION =
      Pattern.compile(
          "\\b(?:lungs?|lung bases|lung apices|bases|apices|lobes?|thorax|chest)\\b[^.;,]{0,40}?"
              + "\\b(?:is|are) limited by (?:\\w+ ){0,2}(?:motion|artifacts?)\\b"
              + "|\\blimited (?:evaluation|assessment) of (?:the )?(?:\\w+ ){0,2}(?:lungs?|lobes?|"
              + "lung bases|lung apices)\\b[^.;]{0,20}?\\b(?:due to|because of|from|by) (?:\\w+ ){0,2}"
              + "(?:motion|artifacts?|breathing)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A cheap pre-filter: the sentence patterns run only where one of their words is. */
  private static boolean mentionsAny(String lower, String... words) {
    for (String w : words) {
      if (lower.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** The report dictates Lung-RADS 0 for this exam. */
  private static boolean dictatesZero(Report report) {
    Found said = ExtractorSupport.find(report, LUNG_RADS);
    return said != null && said.value().equals("0");
  }

  /** More than six new nodules, said so: an infectious or inflammatory pattern. */
  private static final Pattern MANY_NEW_NODULES =
      Pattern.compile(
          "\\b(?:numerous|innumerable|countless|myriad|more than (?:six|6|seven|7|eight|8|ten|10)|"
              + "(?:seven|eight|nine|ten|twelve|[7-9]|1\\d) new)\\b[^.;]{0,20}?\\bnew\\b[^.;]{0,30}?\\bnodul"
              + "|\\b(?:numerous|innumerable|countless|many) new (?:\\w+ ){0,2}nodul"
              // the count after the nodules: "many new small nodules ..., more than ten"
              + "|\\bnew (?:\\w+ ){0,2}nodul\\w*\\b[^.;]{0,80}?,\\s*(?:(?:more than|over) (?:six|6)|"
              + "(?:more than|over|at least) (?:seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
              + "[7-9]|[1-9]\\d))\\b(?!\\s*(?:mm|cm|millimet|centimet|%|percent|years?|months?))",
          Pattern.CASE_INSENSITIVE);

  private static final java.util.Set<String> SMALL_EXTENT =
      java.util.Set.of("trace", "tiny", "minimal", "small", "mild");

  /**
   * Lung-RADS v2022 category 0: a prior chest CT being located for comparison, lungs not (fully)
   * evaluable, or findings suggesting an inflammatory or infectious process (segmental or lobar
   * consolidation or pneumonia, more than six new nodules). Null when the screen is complete.
   */
  static Found incompleteScreen(Report report) {
    List<TextAnalyzer.Section> said = new ArrayList<>(report.dictatedBody());
    TextAnalyzer.Section comparison =
        report.sections.get(org.radassist.model.SectionKind.COMPARISON);
    if (comparison != null) {
      // dictated, or the engine's own text from the priors (which never says a prior is pending)
      said.add(comparison);
    }
    // the sentence patterns only where their words are: most screens say none of them
    String all = report.contextText() + " " + (comparison == null ? "" : comparison.text);
    String lower = all.toLowerCase(Locale.ROOT);
    boolean pendingWords =
        mentionsAny(
            lower, "request", "pending", "await", "being ", "not yet", "will be", "to be ",
            "receive", "receipt");
    boolean unreadableWords =
        mentionsAny(
            lower,
            "not fully",
            "not imaged",
            "not included",
            "not evaluable",
            "not assessable",
            "not adequately",
            "not completely",
            "not entirely",
            "not visualized",
            "not evaluated",
            "incompletely",
            "field of view",
            "excluded from",
            "limited",
            "cannot be",
            "non-diagnostic",
            "nondiagnostic",
            "not diagnostic");
    boolean manyWords =
        mentionsAny(
                lower, "numerous", "innumerable", "countless", "myriad", "more than", "many new")
            || MANY_NEW_NODULES.matcher(lower).find();
    for (TextAnalyzer.Section s : said) {
      if (!pendingWords && !unreadableWords && !manyWords) {
        break;
      }
      for (int i = 0; i < s.sentences.size(); i++) {
        String t = s.sentenceText(i);
        if (pendingWords && PRIOR_PENDING.matcher(t).find()) {
          return new Found("prior chest CT being located for comparison", s.sentenceEvidence(i));
        }
        if (unreadableWords && NOT_EVALUABLE.matcher(t).find()) {
          return new Found("part or all of the lungs cannot be evaluated", s.sentenceEvidence(i));
        }
        if (unreadableWords && LIMITED_EVALUATION.matcher(t).find() && dictatesZero(report)) {
          return new Found(
              "evaluation of the lungs limited, category 0 dictated", s.sentenceEvidence(i));
        }
        if (manyWords
            && s.kind == org.radassist.model.SectionKind.FINDINGS
            && MANY_NEW_NODULES.matcher(t).find()) {
          return new Found(
              "more than six new nodules: suggests an inflammatory or infectious process",
              s.sentenceEvidence(i));
        }
      }
    }
    TextAnalyzer.Section f = report.findings();
    for (LesionFrame fr : report.findingFrames) {
      boolean infective =
          fr.kind().equals("consolidation")
              || fr.kind().equals("pneumonia")
              || (fr.kind().equals("airspace_disease") && !fr.location().isEmpty());
      if (f == null
          || !infective
          || !fr.organ().equals("lung")
          || !fr.assertion().positive()
          || SMALL_EXTENT.contains(fr.feature("extent"))) {
        continue;
      }
      String sentence = f.text.substring(fr.sentenceStart(), fr.sentenceEnd());
      if (sentence.matches(
          "(?is).*\\b(?:atelecta\\w*|subsegmental|scar\\w*|fibro\\w*|radiation|post-?radiation|"
              + "linear|dependent|round)\\b.*")) {
        continue; // atelectasis, scarring or radiation change is no infection
      }
      return new Found(
          f.text.substring(fr.start(), fr.end())
              + (fr.location().isEmpty() ? "" : " (" + fr.location() + ")")
              + ": suggests an inflammatory or infectious process; 1-3 month LDCT",
          f.evidence(fr.sentenceStart(), fr.sentenceEnd()));
    }
    return null;
  }

  static void incompleteFields(Report report, Result r, Found why) {
    ScoringSystem sys = ScoringSystem.LUNG_RADS;
    Assessment zero = LungRads.incompleteExam(why.value());
    List<Evidence> ev = List.of(why.evidence());
    addField(r, sys, LungRads.VERSION, "category", "0", ev, 0.8, List.of(), why.value());
    addField(
        r,
        sys,
        LungRads.VERSION,
        "management",
        zero.management(),
        ev,
        0.8,
        List.of(),
        "ACR management for category 0");
    r.scored.add(new Scored(zero, ev, 0.8));
    dictatedLungRads(report, r, zero, ev);
  }
}
