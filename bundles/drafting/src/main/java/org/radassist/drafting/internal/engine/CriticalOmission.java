package org.radassist.drafting.internal.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.model.Evidence;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.SectionKind;
import org.radassist.model.Severity;

/**
 * Round 36 (om23): a finding that raises CRITICAL_RESULT or ACTIONABLE_FINDING from a findings
 * sentence is significant by definition, so an impression that does not cover it has left it out.
 * One vocabulary of signs: whatever {@link CriticalResults} recognised (terms, signs, tube
 * malposition, suspected malignancy) is read from its flags' evidence, never from a second list.
 * Covered means the impression says the finding's own words (a 5-letter stem of a content word),
 * names a concept the finding's words carry, refers back ("as above"), or names it in other
 * clinical words ({@link CoverageVocabulary}).
 */
final class CriticalOmission {
  private CriticalOmission() {}

  /** Words of a critical finding that name no finding: tubes, sides, grades, links. */
  private static final Set<String> GENERIC =
      Set.of(
          "tube",
          "tubes",
          "tip",
          "line",
          "lines",
          "catheter",
          "right",
          "left",
          "bilateral",
          "small",
          "large",
          "acute",
          "lower",
          "upper",
          "middle",
          "within",
          "there",
          "which",
          "position",
          "positioned",
          "projects",
          "projecting",
          "courses",
          "passes",
          "extends",
          "suspicious",
          "suspected",
          "concerning",
          "possible",
          "likely",
          "probable",
          "consistent",
          "finding",
          "findings",
          "multiple",
          "moderate",
          "severe",
          "marked",
          "with",
          "from",
          "into",
          "over",
          "level",
          "image",
          "images",
          "series");

  /** The impression refers back to the findings instead of repeating them. */
  private static final Pattern REFERS_BACK =
      Pattern.compile(
          "\\b(?:see|as)\\s+(?:detailed\\s+|described\\s+|noted\\s+)?above\\b"
              + "|\\bas\\s+(?:described|detailed)\\b|\\bsee\\s+(?:the\\s+)?(?:findings|body)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern WORD = Pattern.compile("[a-z]+");

  /** What a critical or actionable flag names: "(ACR category 2): small bowel obstruction." */
  private static final Pattern NAMED = Pattern.compile("\\): (.*?)\\. Communicate");

  /**
   * Adds a FINDING_NOT_IN_IMPRESSION flag for the first critical or actionable finding of the
   * findings that the dictated impression does not cover, unless an omission is flagged already.
   */
  static void criticalLeftOut(
      Report report, List<StructuredExtractor.Scored> scored, List<Flag> flags) {
    TextAnalyzer.Section findings = report.findings();
    TextAnalyzer.Section impression = report.dictatedImpression();
    if (findings == null
        || impression == null
        || flags.stream().anyMatch(f -> f.type() == FlagType.FINDING_NOT_IN_IMPRESSION)
        || REFERS_BACK.matcher(impression.text).find()) {
      return;
    }
    Set<String> inImpression = new HashSet<>();
    for (TextAnalyzer.Mention m : impression.mentions) {
      if (m.certainty() != Certainty.NEGATED) {
        inImpression.add(m.concept().id());
      }
    }
    String said = plain(OmissionCheck.reportingSentences(impression));
    List<Flag> critical =
        flags.stream()
            .filter(
                f ->
                    f.type() == FlagType.CRITICAL_RESULT || f.type() == FlagType.ACTIONABLE_FINDING)
            .toList();
    // a scored lesion's features are ScoredLesionOmission's to weigh, not a finding of their own
    Set<Evidence> ofScores = new HashSet<>();
    scored.forEach(sc -> ofScores.addAll(sc.evidence()));
    for (Flag f : critical) {
      // an impression that reports a result of the same category reports this one, perhaps by
      // its diagnosis ("Acute pulmonary embolism." for "filling defects in the lobar arteries")
      if (f.evidence().stream().anyMatch(e -> e.section() == SectionKind.IMPRESSION)) {
        continue;
      }
      // the flag names the diagnosis its signs add up to ("small bowel obstruction" for a
      // transition point): an impression naming that diagnosis ("obstructing hernia") covers it
      Matcher named = NAMED.matcher(f.message());
      if (named.find() && stems(plain(named.group(1))).stream().anyMatch(stems(said)::contains)) {
        continue;
      }
      for (Evidence e : f.evidence()) {
        if (e.section() != SectionKind.FINDINGS
            || e.end() > findings.text.length()
            || ofScores.contains(e)) {
          continue;
        }
        int sentence = findings.sentenceAt(e.start());
        if (sentence < 0
            || covered(findings, impression, f.type(), e, sentence, said, inImpression)) {
          continue;
        }
        Flag omission =
            Flag.of(
                FlagType.FINDING_NOT_IN_IMPRESSION,
                f.type() == FlagType.CRITICAL_RESULT ? Severity.CRITICAL : Severity.WARNING,
                Sentences.capitalise(e.quote().trim())
                    + " is in the findings but not in the impression",
                List.of(e, findings.sentenceEvidence(sentence)));
        List<Flag> candidate = new ArrayList<>(List.of(omission));
        CoverageVocabulary.dropCovered(findings, impression, candidate);
        if (!candidate.isEmpty()) {
          flags.add(omission);
          return;
        }
      }
    }
  }

  /** Words that name a lesion, whatever the noun: the impression's "lesion" is the "mass". */
  private static final Pattern LESION =
      Pattern.compile(
          "\\b(?:mass|masses|nodul\\w*|lesions?|tumou?rs?|deposits?|metasta\\w*|neoplas\\w*"
              + "|malignan\\w*|cancer|carcinoma\\w*)\\b");

  /** The finding is the target of the procedure its sentence names ("biopsy of a mass"). */
  private static final Pattern PROCEDURE_OF =
      Pattern.compile(
          "\\b(?:biops\\w*|ablation|resection|excision|drainage|aspiration|embolisation"
              + "|embolization)\\s+of\\b[^.;]*$");

  /** Gas outside the bowel is the sign of the perforation or leak the impression names. */
  private static final Pattern GAS = Pattern.compile("\\b(?:gas|air|pneumoperitoneum)\\b");

  private static final Pattern PERFORATION = Pattern.compile("\\b(?:perforat\\w*|leak\\w*)");

  private static final Pattern SIDE = Pattern.compile("\\b(?:right|left)\\b");

  /**
   * The impression says the finding's own words or a concept its words carry, names a lesion for a
   * lesion, or reports the finding's site in a line no other findings sentence claims more.
   */
  private static boolean covered(
      TextAnalyzer.Section findings,
      TextAnalyzer.Section impression,
      FlagType type,
      Evidence e,
      int sentence,
      String said,
      Set<String> inImpression) {
    for (TextAnalyzer.Mention m : findings.mentions) {
      if (m.start() < e.end() && e.start() < m.end() && inImpression.contains(m.concept().id())) {
        return true;
      }
    }
    // a significant finding of the same sentence the omission rules read and found covered
    // ("Obstructing hernia." for dilated loops with a transition point) covers its signs too
    for (TextAnalyzer.Mention m : findings.mentions) {
      if (m.sentence() == sentence
          && m.certainty() == Certainty.PRESENT
          && m.concept().significant()) {
        return true;
      }
    }
    String quote = plain(e.quote());
    Set<String> own = stems(quote);
    if (own.isEmpty()) {
      return true; // nothing but generic words: no finding to miss
    }
    if (own.stream().anyMatch(stems(said)::contains)) {
      return true;
    }
    // a suspected malignancy is the lesion the impression names; a critical result is more than
    // its lesion ("metastases" do not cover the cord they compress)
    if (type == FlagType.ACTIONABLE_FINDING
        && LESION.matcher(quote).find()
        && LESION.matcher(said).find()) {
      return true;
    }
    if (GAS.matcher(quote).find() && PERFORATION.matcher(said).find()) {
      return true;
    }
    int from = findings.sentences.get(sentence).start();
    if (PROCEDURE_OF
        .matcher(plain(findings.text.substring(from, Math.max(from, e.start()))))
        .find()) {
      return true;
    }
    return siteReported(findings, impression, sentence);
  }

  /**
   * An impression line reports the finding's site when it shares a content word with the finding's
   * sentence, names no other side, and shares no more words with another findings sentence (that
   * line is the other finding's: "Pancreatic duct dilatation." for a duct sentence beside the
   * pancreatic mass).
   */
  static boolean siteReported(
      TextAnalyzer.Section findings, TextAnalyzer.Section impression, int sentence) {
    String own = plain(findings.sentenceText(sentence));
    Set<String> ownStems = stems(own);
    for (int i = 0; i < impression.sentences.size(); i++) {
      String line = plain(impression.sentenceText(i));
      if (ConsistencyChecker.NOTHING_REPORTED.matcher(line).find()) {
        continue;
      }
      Set<String> lineStems = stems(line);
      long shared = lineStems.stream().filter(ownStems::contains).count();
      if (shared == 0 || !sidesCompatible(own, line)) {
        continue;
      }
      boolean another = false;
      for (int j = 0; j < findings.sentences.size() && !another; j++) {
        if (j != sentence) {
          Set<String> other = stems(plain(findings.sentenceText(j)));
          another = lineStems.stream().filter(other::contains).count() > shared;
        }
      }
      if (!another) {
        return true;
      }
    }
    return false;
  }

  private static boolean sidesCompatible(String finding, String line) {
    Set<String> a = new HashSet<>();
    Set<String> b = new HashSet<>();
    SIDE.matcher(finding).results().forEach(r -> a.add(r.group()));
    SIDE.matcher(line).results().forEach(r -> b.add(r.group()));
    return a.isEmpty() || b.isEmpty() || a.stream().anyMatch(b::contains);
  }

  /** Lower case with British spellings made American ("haemorrhage", "oedema", "tumour"). */
  private static String plain(String text) {
    return text.toLowerCase(Locale.ROOT).replace("ae", "e").replace("oe", "e");
  }

  /** The 5-letter stems of the content words (shorter words whole). */
  private static Set<String> stems(String text) {
    Set<String> out = new HashSet<>();
    Matcher w = WORD.matcher(text);
    while (w.find()) {
      String word = w.group();
      if (word.length() >= 4 && !GENERIC.contains(word)) {
        out.add(word.length() >= 5 ? word.substring(0, 5) : word);
      }
    }
    return out;
  }
}
