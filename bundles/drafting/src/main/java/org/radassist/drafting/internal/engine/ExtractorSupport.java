package org.radassist.drafting.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radassist.drafting.PriorSummary;
import org.radassist.drafting.internal.engine.StructuredExtractor.Result;
import org.radassist.model.Evidence;
import org.radassist.model.FieldStatus;
import org.radassist.model.ScoringSystem;
import org.radassist.model.StructuredField;

/**
 * Helpers the scoring-system readers share: finding a dictated category, retracted words, clauses,
 * affirmed positions and the field builder.
 */
final class ExtractorSupport {

  private static final Pattern BEFORE_PRIOR_SIZE =
      Pattern.compile(
          "(?:previously|prior|priorly|was|from|compared to|formerly)\\s+(?:measuring\\s+)?$",
          Pattern.CASE_INSENSITIVE);

  static boolean isPriorSize(String text, TextAnalyzer.Size z) {
    return BEFORE_PRIOR_SIZE.matcher(text.substring(Math.max(0, z.start() - 30), z.start())).find();
  }

  static Double priorIntervalMonths(Report report) {
    return report.request.priors().stream()
        .mapToInt(PriorSummary::relativeDays)
        .filter(d -> d < 0)
        .map(Math::abs)
        .min()
        .stream()
        .mapToObj(d -> d / 30.44)
        .findFirst()
        .orElse(null);
  }

  /** Finds the matcher's next match that ConText does not negate; false when there is none. */
  static boolean positiveAt(TextAnalyzer.Section f, Matcher m) {
    while (m.find()) {
      if (positiveAt(f, m.start())) {
        return true;
      }
    }
    return false;
  }

  static boolean positiveAt(TextAnalyzer.Section f, int offset) {
    int sentence = f.sentenceAt(offset);
    int token = tokenAt(f, sentence, offset);
    return sentence >= 0
        && token >= 0
        && f.certainty(sentence, token, token + 1) != Certainty.NEGATED;
  }

  /** The greatest dimension of the lesion sizes of a sentence (prior sizes left out), in mm. */
  static Double largestInSentence(TextAnalyzer.Section f, int sentence) {
    Double best = null;
    for (TextAnalyzer.Size z : f.sizes) {
      if (z.sentence() == sentence && sentence >= 0 && !isPriorSize(f.text, z)) {
        best = best == null ? z.longMm() : Math.max(best, z.longMm());
      }
    }
    return best;
  }

  /** The clause around [start, end): from the last ';', '. ' or line break to the next. */
  static String clause(String text, int start, int end) {
    int clauseEnd = text.length();
    for (char stop : new char[] {';', '.', '\n'}) {
      int at = text.indexOf(stop, end);
      while (at >= 0
          && stop == '.'
          && at + 1 < text.length()
          && Character.isDigit(text.charAt(at + 1))) {
        at = text.indexOf(stop, at + 1); // a decimal point ends no clause
      }
      if (at >= 0 && at < clauseEnd) {
        clauseEnd = at;
      }
    }
    int clauseStart =
        Math.max(
                Math.max(text.lastIndexOf(';', start), text.lastIndexOf(". ", start)),
                text.lastIndexOf('\n', start))
            + 1;
    return text.substring(clauseStart, clauseEnd);
  }

  /**
   * A procedure denied after its name: "FNA not indicated", "biopsy is not needed", "FNA not yet
   * indicated".
   */
  static final Pattern NOT_ASKED_AFTER =
      Pattern.compile(
          "\\s*(?:is|was|would be|are)?\\s*(?:(?:not|no longer)\\s+(?:(?:currently|yet|at\\s+present)\\s+)?"
              + "(?:indicated|needed|recommended|required|warranted|necessary|advised)|unnecessary)\\b",
          Pattern.CASE_INSENSITIVE);

  static int tokenAt(TextAnalyzer.Section s, int sentence, int offset) {
    if (sentence < 0) {
      return -1;
    }
    List<Token> tokens = s.tokens.get(sentence);
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).start() >= offset) {
        return i;
      }
    }
    return -1;
  }

  record Found(String value, Evidence evidence) {}

  /**
   * Said just before a category, these make it a past exam's ("previously BI-RADS 4", "was LR-3",
   * "downgraded from LR-4"), not this exam's: in the same clause, or "was" / "were" right before.
   */
  static final Pattern PRIOR_CATEGORY =
      Pattern.compile(
          "\\b(?:prior|previous\\w*|formerly|originally|initially|history|from|before|earlier)\\b"
              + "[^.;]*$|\\b(?:was|were)\\s*$",
          Pattern.CASE_INSENSITIVE);

  /**
   * A spoken correction right after a value takes it back ("4A, no, scratch that, 3", "4A -
   * correction: 3", "4A, I mean 3"); a bare "no" counts only when a value follows it at once.
   */
  private static final Pattern RETRACTION =
      Pattern.compile(
          "^[\\s,;:.\\-\u2013\u2014]*(?:(?:no|sorry|oops)[\\s,;:.\\-\u2013\u2014]+)*"
              + "(?:scratch that|strike that|delete that|cancel that|correction|i mean|make that)\\b"
              + "|^[\\s,;:.\\-\u2013\u2014]*no[\\s,;:.\\-\u2013\u2014]+(?:[a-z]+-rads|category)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Whether the words at {@code end} take back the value said just before. */
  static boolean retracted(String text, int end) {
    return RETRACTION.matcher(text.substring(end, Math.min(text.length(), end + 40))).find();
  }

  static Found find(Report report, Pattern p) {
    for (TextAnalyzer.Section s : report.dictatedBody()) {
      Matcher m = p.matcher(s.text);
      if (m.find()) {
        return new Found(m.group(1).toUpperCase(Locale.ROOT), s.evidence(m.start(), m.end()));
      }
    }
    return null;
  }

  /** The largest size in sentences mentioning the concept, else in the whole section. */
  static Double largestSizeNear(TextAnalyzer.Section f, String conceptId) {
    Set<Integer> sentences = new LinkedHashSet<>();
    for (TextAnalyzer.Mention m : f.mentions) {
      if (m.concept().id().equals(conceptId) && m.positive()) {
        sentences.add(m.sentence());
      }
    }
    Double best = null;
    for (TextAnalyzer.Size z : f.sizes) {
      if ((sentences.isEmpty() || sentences.contains(z.sentence())) && !isPriorSize(f.text, z)) {
        best = best == null ? z.longMm() : Math.max(best, z.longMm());
      }
    }
    return best;
  }

  static List<Evidence> concat(List<Evidence> a, List<Evidence> b) {
    List<Evidence> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  static void addField(
      Result r,
      ScoringSystem system,
      String version,
      String field,
      String value,
      List<Evidence> evidence,
      double confidence,
      List<String> missing,
      String reason) {
    r.fields.add(
        new StructuredField(
            system,
            version,
            field,
            value,
            evidence,
            confidence,
            missing.isEmpty() ? FieldStatus.COMPLETE : FieldStatus.INCOMPLETE,
            missing,
            reason.isBlank() ? "rule applied" : reason,
            null));
  }
}
