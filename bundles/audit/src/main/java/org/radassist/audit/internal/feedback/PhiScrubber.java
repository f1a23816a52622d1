package org.radassist.audit.internal.feedback;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic removal of identifiers from report text before it leaves the hospital for prompt
 * tuning (HIPAA Safe Harbor style): dates, times, DICOM UIDs, long digit runs (MRNs, accessions,
 * phone numbers), e-mail addresses and titled names ("Dr. Smith") become placeholders. Pattern
 * based, so it cannot promise that free text holds no name without a title; the export therefore
 * also leaves out every record field that is not clinical content.
 */
public final class PhiScrubber {
  private record Rule(Pattern pattern, String replacement) {}

  private static final String MONTHS =
      "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

  private final List<Rule> rules =
      List.of(
          new Rule(Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"), "[EMAIL]"),
          // DICOM UIDs and OIDs: dotted digit groups, at least four of them
          new Rule(Pattern.compile("\\b\\d+(?:\\.\\d+){3,}\\b"), "[UID]"),
          new Rule(Pattern.compile("\\b\\d{4}-\\d{1,2}-\\d{1,2}(?:[T ][\\d:.]+Z?)?\\b"), "[DATE]"),
          new Rule(Pattern.compile("\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b"), "[DATE]"),
          // DICOM DA values (YYYYMMDD); other 8-digit runs fall to the number rule below
          new Rule(
              Pattern.compile("\\b(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\b"),
              "[DATE]"),
          new Rule(
              Pattern.compile(
                  "(?i)\\b\\d{1,2}(?:st|nd|rd|th)?\\s+" + MONTHS + "\\.?,?\\s+\\d{4}\\b"),
              "[DATE]"),
          new Rule(
              Pattern.compile(
                  "(?i)\\b" + MONTHS + "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b"),
              "[DATE]"),
          new Rule(Pattern.compile("(?i)\\b" + MONTHS + "\\.?\\s+\\d{4}\\b"), "[DATE]"),
          new Rule(
              Pattern.compile("(?i)\\b\\d{1,2}:\\d{2}(?::\\d{2})?\\s*(?:am|pm)?\\b"), "[TIME]"),
          new Rule(Pattern.compile("\\+?\\d[\\d ()-]{8,}\\d"), "[NUMBER]"),
          new Rule(Pattern.compile("\\b\\d{5,}\\b"), "[NUMBER]"),
          new Rule(
              Pattern.compile(
                  "\\b(?:Dr|Mr|Mrs|Ms|Miss|Prof)\\.?\\s+[A-Z][\\p{L}'-]+(?:\\s+[A-Z][\\p{L}'-]+)?"),
              "[NAME]"),
          new Rule(Pattern.compile("\\bX{3,}\\b"), "[REDACTED]"));

  /** The text with identifiers replaced; null stays null. */
  public String scrub(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (Rule rule : rules) {
      Matcher m = rule.pattern().matcher(out);
      out = m.replaceAll(Matcher.quoteReplacement(rule.replacement()));
    }
    return out;
  }
}
