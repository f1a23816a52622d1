package org.radassist.model.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes identifiers from free text (HIPAA Safe Harbor style, 45 CFR 164.514(b)(2)): the known
 * identifiers and name parts of the patient first, then patterns for e-mail addresses, DICOM UIDs,
 * dates, phone numbers, times, titled names ("Dr. Smith"), MRN / accession-like numbers and long
 * digit runs. Each becomes a placeholder: {@code [EMAIL] [ID] [NAME] [UID] [DATE] [PHONE] [TIME]
 * [REDACTED]}. Clinical numbers (measurements, series / image numbers, scores) stay.
 *
 * <p>Pattern based: it cannot promise that free text holds no untitled name the caller did not pass
 * as a name part. Pure functions; the patterns are immutable.
 */
public final class TextScrubber {
  private static final String MONTHS =
      "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

  private record Rule(Pattern pattern, String placeholder) {
    String apply(String text) {
      return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(placeholder));
    }
  }

  private static final Rule EMAIL =
      new Rule(Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"), "[EMAIL]");

  /** After the caller's identifiers and name parts, in this order. */
  private static final List<Rule> RULES =
      List.of(
          // DICOM UIDs and OIDs: dotted digit groups, at least four of them
          new Rule(Pattern.compile("\\b\\d+(?:\\.\\d+){3,}\\b"), "[UID]"),
          new Rule(
              Pattern.compile("\\b\\d{4}-\\d{1,2}-\\d{1,2}(?:[T ]\\d{1,2}:\\d{2}[\\d:.]*Z?)?\\b"),
              "[DATE]"),
          new Rule(Pattern.compile("\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b"), "[DATE]"),
          // DICOM DA values (YYYYMMDD); other 8-digit runs fall to the number rules below
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
          // North American numbers, then any other long run of digits with separators
          new Rule(
              Pattern.compile(
                  "(?<![\\w.])(?:\\+?\\d{1,2}[ .-]?)?(?:\\(\\d{3}\\)|\\d{3})[ .-]\\d{3}[ .-]\\d{4}\\b"),
              "[PHONE]"),
          new Rule(Pattern.compile("\\+?\\d[\\d ()-]{8,}\\d"), "[PHONE]"),
          new Rule(
              Pattern.compile("(?i)\\b\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s?[ap]\\.?m\\.?)?\\b"),
              "[TIME]"),
          new Rule(
              Pattern.compile(
                  "\\b(?:Dr|Mr|Mrs|Ms|Miss|Prof)\\.?\\s+(?:\\[NAME\\]|[A-Z][\\p{L}'-]+(?:\\s+[A-Z][\\p{L}'-]+)?)"),
              "[NAME]"),
          new Rule(
              Pattern.compile("(?i)\\b(?:mrn|id|acc(?:ession)?)?[#:]?\\s?[A-Z]{0,3}\\d{6,}\\b"),
              "[ID]"),
          new Rule(Pattern.compile("\\b\\d{5,}\\b"), "[ID]"),
          new Rule(Pattern.compile("\\bX{3,}\\b"), "[REDACTED]"));

  private TextScrubber() {}

  /** The text with identifiers replaced by placeholders; null becomes "". */
  public static String scrub(String text) {
    return scrub(text, List.of(), List.of());
  }

  /**
   * As {@link #scrub(String)}, after replacing the given identifiers (e.g. the patient's MRN,
   * accession number, Study Instance UID; case-insensitive, at least 3 characters) with {@code
   * [ID]} and the given name parts (whole words) with {@code [NAME]}.
   */
  public static String scrub(
      String text, Collection<String> identifiers, Collection<String> nameParts) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String out = EMAIL.apply(text);
    for (String id : identifiers) {
      if (id != null && id.strip().length() >= 3) {
        out =
            Pattern.compile(Pattern.quote(id.strip()), Pattern.CASE_INSENSITIVE)
                .matcher(out)
                .replaceAll("[ID]");
      }
    }
    for (String part : nameParts) {
      if (part != null && part.strip().length() >= 2) {
        out =
            Pattern.compile("\\b" + Pattern.quote(part.strip()) + "\\b", Pattern.CASE_INSENSITIVE)
                .matcher(out)
                .replaceAll("[NAME]");
      }
    }
    for (Rule rule : RULES) {
      out = rule.apply(out);
    }
    return out;
  }

  /**
   * The parts of a DICOM person name ({@code family^given^middle^prefix^suffix}, {@code =}
   * separating alphabetic / ideographic forms) worth scrubbing: those of 2 characters or more.
   */
  public static List<String> nameParts(String dicomPersonName) {
    List<String> parts = new ArrayList<>();
    if (dicomPersonName == null) {
      return parts;
    }
    for (String part : dicomPersonName.split("[\\^= ]+")) {
      if (part.length() >= 2) {
        parts.add(part);
      }
    }
    return parts;
  }
}
