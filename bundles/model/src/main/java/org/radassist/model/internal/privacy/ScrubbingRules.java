package org.radassist.model.internal.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The implementation behind {@link org.radassist.model.privacy.TextScrubber}. */
public final class ScrubbingRules {
  private static final String MONTHS =
      "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

  /** A pattern and what replaces it: a literal placeholder, or a template with groups. */
  private record Rule(Pattern pattern, String placeholder, boolean template) {
    Rule(Pattern pattern, String placeholder) {
      this(pattern, placeholder, false);
    }

    String apply(String text) {
      return pattern
          .matcher(text)
          .replaceAll(template ? placeholder : Matcher.quoteReplacement(placeholder));
    }
  }

  private static final Rule EMAIL =
      new Rule(Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"), "[EMAIL]");

  private static final Rule URL =
      new Rule(Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+"), "[URL]");

  /** DICOM UIDs and OIDs: dotted digit groups, at least four of them (before the dates). */
  private static final Rule UIDS = new Rule(Pattern.compile("\\b\\d+(?:\\.\\d+){3,}\\b"), "[UID]");

  /**
   * The date forms recognised, in this order: ISO {@code 2026-11-03} (with an optional time),
   * {@code 11/03/2026} / {@code 03.11.2026} / {@code 11-03-26}, DICOM DA {@code 20261103}, {@code 3
   * Nov 2026}, {@code November 3, 2026}, and month + year {@code Nov 2026}.
   */
  private static final List<DateRule> DATES =
      List.of(
          new DateRule(
              Pattern.compile(
                  "\\b(?<y>\\d{4})-(?<m>\\d{1,2})-(?<d>\\d{1,2})(?:[T ]\\d{1,2}:\\d{2}[\\d:.]*Z?)?\\b"),
              DateForm.YMD),
          new DateRule(
              Pattern.compile(
                  "(?<![\\d.])\\b(?<a>\\d{1,2})(?<sep>[/.-])(?<b>\\d{1,2})\\k<sep>(?<y>\\d{2,4})\\b(?!\\.\\d)"),
              DateForm.NUMERIC),
          // DICOM DA values (YYYYMMDD); other 8-digit runs fall to the number rules below
          new DateRule(
              Pattern.compile(
                  "\\b(?<y>(?:19|20)\\d{2})(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12]\\d|3[01])\\b"),
              DateForm.YMD),
          new DateRule(
              Pattern.compile(
                  "(?i)\\b(?<d>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<mon>"
                      + MONTHS
                      + ")\\.?,?\\s+(?<y>\\d{4})\\b"),
              DateForm.NAMED_MONTH),
          new DateRule(
              Pattern.compile(
                  "(?i)\\b(?<mon>"
                      + MONTHS
                      + ")\\.?\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y>\\d{4})\\b"),
              DateForm.NAMED_MONTH),
          new DateRule(
              Pattern.compile("(?i)\\b(?<mon>" + MONTHS + ")\\.?\\s+(?<y>\\d{4})\\b"),
              DateForm.MONTH_YEAR));

  private static final String STREET_WORDS =
      "(?:(?:Street|Avenue|Road|Boulevard|Lane|Drive|Court|Place|Terrace|Circle|Parkway|Highway"
          + "|Square|Alley)\\b|(?:St|Ave|Rd|Blvd|Ln|Dr|Ct|Pl|Ter|Cir|Pkwy|Hwy|Sq)\\b\\.?)";

  /** The same street words as dictated by a speech engine, in lower case. */
  private static final String SPOKEN_STREET_WORDS =
      "(?:street|avenue|road|boulevard|lane|drive|court|place|terrace|parkway|highway)\\b";

  /**
   * Street addresses: a house number, up to three capitalised words (or, in lower case, words
   * before a street word spelled out) and a street word ("42 Elm Street", "7 Rue Haute Ct.", "42
   * elm street"), then an optional unit, and a city with a two-letter state and a ZIP code when
   * they follow; a P.O. box.
   */
  private static final List<Rule> ADDRESSES =
      List.of(
          new Rule(
              Pattern.compile(
                  "(?<![\\w:.,/-])\\d{1,6}[A-Za-z]?\\s+"
                      + "(?:(?:(?:[A-Z][\\p{L}'-]*|\\d+(?:st|nd|rd|th))\\.?\\s+){1,3}"
                      + STREET_WORDS
                      + "|(?:[\\p{Ll}][\\p{L}'-]*\\s+){1,3}"
                      + SPOKEN_STREET_WORDS
                      + ")"
                      + "(?:,?\\s+(?i:apt|apartment|unit|suite|#)\\.?\\s*[\\w-]+)?"
                      + "(?:,?\\s+(?:[A-Z][\\p{Ll}]+(?:\\s+[A-Z][\\p{Ll}]+){0,2},?\\s+)?[A-Z]{2}\\b"
                      + "(?:\\s+\\d{5}(?:-\\d{4})?\\b)?)?"),
              "[ADDRESS]"),
          new Rule(Pattern.compile("(?i)\\bP\\.?\\s?O\\.?\\s+box\\s+\\d+"), "[ADDRESS]"));

  /**
   * A value after an identifier's label ("MRN: 4711", "accession A-12", "SSN 123-45-6789"): the
   * label stays, the value becomes [ID] whatever its length, when it holds a digit.
   */
  private static final Rule LABELLED_ID =
      new Rule(
          Pattern.compile(
              "(?i)\\b(mrn|medical record(?: number| no\\.?)?|record (?:number|no\\.?)"
                  + "|accession(?: number| no\\.?)?|acc(?:ession)?\\.?|acsn|ssn"
                  + "|social security(?: number| no\\.?)?|patient id|pid|id|insurance(?: id| number)?"
                  + "|member id|policy(?: number| no\\.?)?|account(?: number| no\\.?)?"
                  + "|order (?:number|no\\.?|#)|visit(?: number| no\\.?)|encounter(?: number| no\\.?)?)"
                  + "(\\s*(?:#|no\\.?|number)?\\s*[:#=]?\\s*)"
                  + "(?=[A-Za-z0-9-]*\\d)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\b"),
          "$1$2[ID]",
          true);

  /**
   * A birth date's label ("DOB", "date of birth", "born"): the date after it becomes the age in
   * years on the study date ([age 67], [age 90+]), never days that would give the exact age.
   */
  private static final Pattern BIRTH_LABEL =
      Pattern.compile(
          "(?i)\\b(?:dob|d\\.o\\.b\\.?|date of birth|birth ?date|born(?: on)?)\\s*[:#=-]?\\s*");

  /**
   * Stands for a relative token while the later rules run (they would take its digits for an ID); a
   * private-use character, removed from the input first.
   */
  private static final char HELD = '\uE000';

  /** Words that start a sentence after a role word, not a name ("Patient Denies ..."). */
  private static final String NOT_A_NAME =
      "(?!(?:Is|Was|Has|Had|Denies|Reports|Presents|Complains|States|With|And|The|To|For|In"
          + "|On|At|Of|History|Position|Name|Care|Room|Team|Department|Radiology|Emergency"
          + "|Safety|Education|Instructions|Identification|Identity|Prep|Preparation)\\b)";

  /** A name: an initial, then up to three capitalised words ("J. Smith", "Kelly Brown"). */
  private static final String NAME_WORDS =
      "(?:\\[NAME\\]|(?:[A-Z]\\.\\s*)?[A-Z][\\p{Ll}'’-]+(?:\\s+(?:[A-Z]\\.\\s*)?[A-Z][\\p{Ll}'’-]+){0,2})";

  /** After the caller's identifiers and name parts, the UIDs and the dates, in this order. */
  private static final List<Rule> RULES =
      List.of(
          // US social security numbers before the phone rules (they would read them as phones)
          new Rule(Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b"), "[ID]"),
          // North American numbers, then any other long run of digits with separators
          new Rule(
              Pattern.compile(
                  "(?<![\\w.])(?:\\+?\\d{1,2}[ .-]?)?(?:\\(\\d{3}\\)|\\d{3})[ .-]\\d{3}[ .-]\\d{4}\\b"),
              "[PHONE]"),
          new Rule(Pattern.compile("\\+?\\d[\\d ()-]{8,}\\d"), "[PHONE]"),
          new Rule(
              Pattern.compile("(?i)\\b\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s?[ap]\\.?m\\.?)?\\b"),
              "[TIME]"),
          new Rule(Pattern.compile("(?i)\\b\\d{1,2}\\s?[ap]\\.?m\\b\\.?"), "[TIME]"),
          new Rule(
              Pattern.compile("(?i)\\b(?:[01]\\d|2[0-3])[0-5]\\d\\s?(?:h|hrs|hours)\\b"), "[TIME]"),
          // a title and the name after it, all of it
          new Rule(
              Pattern.compile(
                  "\\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof)\\.?\\s+(?:\\[NAME\\]|(?:[A-Z]\\.\\s*)?[A-Z][\\p{L}'’-]+"
                      + "(?:\\s+(?:[A-Z]\\.\\s*)?[A-Z][\\p{L}'’-]+){0,2})"),
              "[NAME]"),
          // a role or a label and the name after it: the role stays ("nurse [NAME]")
          new Rule(
              Pattern.compile(
                  "(?i:\\b((?:nurse|patient|pt\\.?|technologist|tech|radiographer|radiologist|physician"
                      + "|doctor|resident|fellow|attending|surgeon|clinician|provider|midwife"
                      + "|discussed with|spoke with|spoken to|called|paged|informed|notified"
                      + "|wife|husband|daughter|son|mother|father|sister|brother|friend"
                      + "|referred by|referring)\\s+))"
                      + NOT_A_NAME
                      + NAME_WORDS),
              "$1[NAME]",
              true),
          // "Name: Doe, Jane" in any case, but not a redaction
          new Rule(
              Pattern.compile(
                  "(?i:\\b(name\\s*[:=]\\s*))(?!X{3,}\\b)[A-Z][\\p{L}'’-]+(?:,?\\s+[A-Z][\\p{L}'’-]+){0,2}"),
              "$1[NAME]",
              true),
          // any other token of letters and at least four digits (not a measurement like 12x10mm)
          new Rule(
              Pattern.compile(
                  "\\b(?=[\\w-]{6,})(?=[\\w-]*[A-Za-z])(?=(?:[A-Za-z-]*\\d){4})"
                      + "(?!\\d+(?:[.,]\\d+)?(?:[x×]\\d+(?:[.,]\\d+)?)*"
                      + "(?i:mm|cm|m|ml|mg|kg|cc|hu|mcg|msv|mgy|s|ms|min)\\b)"
                      + "[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*\\b"),
              "[ID]"),
          new Rule(
              Pattern.compile("(?i)\\b(?:mrn|id|acc(?:ession)?)?[#:]?\\s?[A-Z]{0,3}\\d{6,}\\b"),
              "[ID]"),
          new Rule(Pattern.compile("\\b\\d{5,}\\b"), "[ID]"),
          new Rule(Pattern.compile("\\bX{3,}\\b"), "[REDACTED]"),
          // ages of 90 and over are one band (Safe Harbor)
          new Rule(
              Pattern.compile("(?i)\\b(?:9\\d|1[0-4]\\d)(?=\\s*-?\\s*(?:years?|yrs?|y/?o|yo)\\b)"),
              "90+"));

  private enum DateForm {
    /** year, month, day groups. */
    YMD,
    /** a, b, y groups: day.month.year with dots; else month/day/year unless a > 12. */
    NUMERIC,
    /** d, mon, y groups. */
    NAMED_MONTH,
    /** mon, y groups: no day. */
    MONTH_YEAR
  }

  private record DateRule(Pattern pattern, DateForm form) {}

  private ScrubbingRules() {}

  /**
   * The token for a date {@code days} days from the reference (the study date): {@code "[day -12]"}
   * for 12 days before, {@code "[day 0]"} for the same day, {@code "[day +3]"} for 3 days after.
   */
  public static String relativeDayToken(long days) {
    return "[day " + (days > 0 ? "+" : "") + days + "]";
  }

  /**
   * The token for a month given without a day, {@code months} calendar months from the reference's
   * month: {@code "[month -3]"}, {@code "[month 0]"}, {@code "[month +1]"}.
   */
  public static String relativeMonthToken(long months) {
    return "[month " + (months > 0 ? "+" : "") + months + "]";
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
  public static String scrub(
      String text,
      Collection<String> identifiers,
      Collection<String> nameParts,
      LocalDate reference) {
    return scrubWith(text, identifiers, nameParts, reference);
  }

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
    return scrubWith(text, identifiers, nameParts, null);
  }

  private static String scrubWith(
      String text,
      Collection<String> identifiers,
      Collection<String> nameParts,
      LocalDate reference) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String out =
        URL.apply(
            EMAIL.apply(text.indexOf(HELD) < 0 ? text : text.replace(String.valueOf(HELD), "")));
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
    out = UIDS.apply(out);
    for (Rule rule : ADDRESSES) {
      out = rule.apply(out);
    }
    out = LABELLED_ID.apply(out);
    List<String> held = new ArrayList<>();
    out = replaceBirthDates(out, reference, held);
    for (DateRule rule : DATES) {
      out = replaceDates(out, rule, reference, held);
    }
    for (Rule rule : RULES) {
      out = rule.apply(out);
    }
    if (held.isEmpty()) {
      return out;
    }
    StringBuilder restored = new StringBuilder(out.length() + 16 * held.size());
    int next = 0;
    for (int i = 0; i < out.length(); i++) {
      char c = out.charAt(i);
      if (c == HELD) {
        restored.append(held.get(next++));
      } else {
        restored.append(c);
      }
    }
    return restored.toString();
  }

  private static String replaceDates(
      String text, DateRule rule, LocalDate reference, List<String> held) {
    Matcher m = rule.pattern().matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    int addedHere = 0;
    while (m.find()) {
      out.append(text, last, m.start());
      String token = reference == null ? null : relative(m, rule.form(), reference);
      if (token == null) {
        out.append("[DATE]");
      } else {
        // held back until the number rules have run; restored in order of appearance
        held.add(heldBefore(text, m.start()) + addedHere++, token);
        out.append(HELD);
      }
      last = m.end();
    }
    out.append(text, last, text.length());
    return out.toString();
  }

  /**
   * Each labelled birth date as the age in years on the reference date ({@code [age 67]}, {@code
   * [age 90+]}); {@code [DATE]} without a reference or when the date cannot be read.
   */
  private static String replaceBirthDates(String text, LocalDate reference, List<String> held) {
    Matcher label = BIRTH_LABEL.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    int from = 0;
    while (from <= text.length() && label.find(from)) {
      from = label.end();
      for (DateRule rule : DATES) {
        Matcher date = rule.pattern().matcher(text);
        date.region(label.end(), text.length());
        if (!date.lookingAt()) {
          continue;
        }
        LocalDate birth = reference == null ? null : birthDate(date, rule.form(), reference);
        out.append(text, last, date.start());
        if (birth == null) {
          out.append("[DATE]");
        } else {
          long years = ChronoUnit.YEARS.between(birth, reference);
          held.add(
              "[age " + (years >= OLDEST_AGE ? OLDEST_AGE + "+" : String.valueOf(years)) + "]");
          out.append(HELD);
        }
        last = date.end();
        from = date.end();
        break;
      }
    }
    out.append(text, last, text.length());
    return out.toString();
  }

  /** Ages from this one on are reported as one band, "90+" (Safe Harbor). */
  private static final int OLDEST_AGE = 90;

  /** The day of a matched birth date (the first of the month when no day is given). */
  private static LocalDate birthDate(Matcher m, DateForm form, LocalDate reference) {
    try {
      return switch (form) {
        case YMD ->
            LocalDate.of(
                Integer.parseInt(m.group("y")),
                Integer.parseInt(m.group("m")),
                Integer.parseInt(m.group("d")));
        case NUMERIC -> {
          int a = Integer.parseInt(m.group("a"));
          int b = Integer.parseInt(m.group("b"));
          int year = birthYear(m.group("y"), reference);
          if (year < 0) {
            yield null;
          }
          boolean dayFirst = ".".equals(m.group("sep")) || a > 12;
          yield dayFirst ? LocalDate.of(year, b, a) : LocalDate.of(year, a, b);
        }
        case NAMED_MONTH ->
            LocalDate.of(
                Integer.parseInt(m.group("y")),
                month(m.group("mon")),
                Integer.parseInt(m.group("d")));
        case MONTH_YEAR -> LocalDate.of(Integer.parseInt(m.group("y")), month(m.group("mon")), 1);
      };
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /** A birth year: two digits are in the century that puts it at or before the reference. */
  private static int birthYear(String digits, LocalDate reference) {
    if (digits.length() != 2) {
      return year(digits, reference);
    }
    int yy = Integer.parseInt(digits);
    int year = reference.getYear() / 100 * 100 + yy;
    return year > reference.getYear() ? year - 100 : year;
  }

  /** How many tokens held by earlier date rules stand before the position. */
  private static int heldBefore(String text, int position) {
    int before = 0;
    for (int i = 0; i < position; i++) {
      if (text.charAt(i) == HELD) {
        before++;
      }
    }
    return before;
  }

  /** The relative token of a matched date, or null when it is not a real date. */
  private static String relative(Matcher m, DateForm form, LocalDate reference) {
    try {
      switch (form) {
        case YMD -> {
          return relativeDayToken(
              ChronoUnit.DAYS.between(
                  reference,
                  LocalDate.of(
                      Integer.parseInt(m.group("y")),
                      Integer.parseInt(m.group("m")),
                      Integer.parseInt(m.group("d")))));
        }
        case NUMERIC -> {
          int a = Integer.parseInt(m.group("a"));
          int b = Integer.parseInt(m.group("b"));
          int year = year(m.group("y"), reference);
          if (year < 0) {
            return null;
          }
          boolean dayFirst = ".".equals(m.group("sep")) || a > 12;
          LocalDate date = dayFirst ? LocalDate.of(year, b, a) : LocalDate.of(year, a, b);
          return relativeDayToken(ChronoUnit.DAYS.between(reference, date));
        }
        case NAMED_MONTH -> {
          LocalDate date =
              LocalDate.of(
                  Integer.parseInt(m.group("y")),
                  month(m.group("mon")),
                  Integer.parseInt(m.group("d")));
          return relativeDayToken(ChronoUnit.DAYS.between(reference, date));
        }
        case MONTH_YEAR -> {
          YearMonth month = YearMonth.of(Integer.parseInt(m.group("y")), month(m.group("mon")));
          return relativeMonthToken(ChronoUnit.MONTHS.between(YearMonth.from(reference), month));
        }
        default -> {
          return null;
        }
      }
    } catch (DateTimeException | NumberFormatException e) {
      return null; // e.g. 2026-02-30, 31/31/2026: not a date, so [DATE]
    }
  }

  /** A four-digit year as written; two digits in the century nearest at or before ref + 1. */
  private static int year(String digits, LocalDate reference) {
    if (digits.length() == 4) {
      return Integer.parseInt(digits);
    }
    if (digits.length() != 2) {
      return -1;
    }
    int yy = Integer.parseInt(digits);
    int limit = reference.getYear() + 1;
    int year = limit / 100 * 100 + yy;
    return year > limit ? year - 100 : year;
  }

  private static int month(String name) {
    String three = name.substring(0, 3).toLowerCase(Locale.ROOT);
    int i =
        List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
            .indexOf(three);
    if (i < 0) {
      throw new DateTimeException("no month " + name);
    }
    return i + 1;
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
