package org.radassist.model.privacy;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Removes identifiers from free text (HIPAA Safe Harbor style, 45 CFR 164.514(b)(2)): the known
 * identifiers and name parts of the patient first, then patterns for e-mail addresses, DICOM UIDs,
 * dates, phone numbers, times, titled names ("Dr. Smith"), MRN / accession-like numbers and long
 * digit runs. Each becomes a placeholder: {@code [EMAIL] [ID] [NAME] [UID] [DATE] [PHONE] [TIME]
 * [REDACTED]}; given a reference date (the study's), a date becomes days relative to it instead,
 * {@code [day -12]} (see {@link #scrub(String, Collection, Collection, LocalDate)}). Clinical
 * numbers (measurements, series / image numbers, scores) stay.
 *
 * <p>Pattern based: it cannot promise that free text holds no untitled name the caller did not pass
 * as a name part. Pure functions; the patterns are immutable.
 *
 * <p>Static functions only; the implementation is internal to the bundle.
 */
public interface TextScrubber {
  /**
   * The token for a date {@code days} days from the reference (the study date): {@code "[day -12]"}
   * for 12 days before, {@code "[day 0]"} for the same day, {@code "[day +3]"} for 3 days after.
   */
  static String relativeDayToken(long days) {
    return org.radassist.model.internal.privacy.ScrubbingRules.relativeDayToken(days);
  }

  /**
   * The token for a month given without a day, {@code months} calendar months from the reference's
   * month: {@code "[month -3]"}, {@code "[month 0]"}, {@code "[month +1]"}.
   */
  static String relativeMonthToken(long months) {
    return org.radassist.model.internal.privacy.ScrubbingRules.relativeMonthToken(months);
  }

  /**
   * As {@link #scrub(String, Collection, Collection)}, with the dates in the text turned into days
   * relative to {@code reference} (the study date): a date that can be read becomes {@link
   * #relativeDayToken} (e.g. {@code "[day -12]"}), a month with a year but no day {@link
   * #relativeMonthToken} (e.g. {@code "[month -3]"}); a date that cannot be read (no such day, a
   * three-digit year) stays {@code [DATE]}, and so does every date when {@code reference} is null.
   *
   * <p>Reading: ISO and DICOM DA dates as written; {@code a.b.y} (dots) as day.month.year; {@code
   * a/b/y} and {@code a-b-y} as month/day/year, or day/month/year when {@code a} is over 12; a
   * two-digit year is in the century that puts it at most one year after the reference.
   *
   * @since 1.1
   */
  static String scrub(
      String text,
      Collection<String> identifiers,
      Collection<String> nameParts,
      LocalDate reference) {
    return org.radassist.model.internal.privacy.ScrubbingRules.scrub(
        text, identifiers, nameParts, reference);
  }

  /** The text with identifiers replaced by placeholders; null becomes "". */
  static String scrub(String text) {
    return org.radassist.model.internal.privacy.ScrubbingRules.scrub(text);
  }

  /**
   * As {@link #scrub(String)}, after replacing the given identifiers (e.g. the patient's MRN,
   * accession number, Study Instance UID; case-insensitive, at least 3 characters) with {@code
   * [ID]} and the given name parts (whole words) with {@code [NAME]}.
   */
  static String scrub(String text, Collection<String> identifiers, Collection<String> nameParts) {
    return org.radassist.model.internal.privacy.ScrubbingRules.scrub(text, identifiers, nameParts);
  }

  /**
   * The parts of a DICOM person name ({@code family^given^middle^prefix^suffix}, {@code =}
   * separating alphabetic / ideographic forms) worth scrubbing: those of 2 characters or more.
   */
  static List<String> nameParts(String dicomPersonName) {
    return org.radassist.model.internal.privacy.ScrubbingRules.nameParts(dicomPersonName);
  }
}
