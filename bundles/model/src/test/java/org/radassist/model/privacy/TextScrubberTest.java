package org.radassist.model.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one set of free-text scrubbing rules (speech hook and feedback export). */
class TextScrubberTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Mrs. Rossi called at 10:15 on 2026-11-29.|[NAME] called at [TIME] on [DATE].",
        "Seen 2026-11-29T10:15:00Z by Dr. Jean Dupont|Seen [DATE] by [NAME]",
        "Call back 555-123-4567 or (555) 987 6543 or +41 44 123 45 67.|Call back [PHONE] or [PHONE] or [PHONE].",
        "Compare with 1.2.840.113619.2.55.3.604688119|Compare with [UID]",
        "Patient id 98765432, email a.oakley@example.org|Patient id [ID], email [EMAIL]",
        "acc ACC20261129 and order 12345|acc [ID] and order [ID]",
        "Seen 29 Nov 2026, March 3, 2024, 03.12.2025, 12/01/2025 and 20251203.|Seen [DATE], [DATE], [DATE], [DATE] and [DATE].",
        "Name: XXXX|Name: [REDACTED]",
        "New 8.2 mm solid nodule rul series 3 image 45, 30 pack-years, Lung-RADS 4A.|New 8.2 mm solid nodule rul series 3 image 45, 30 pack-years, Lung-RADS 4A."
      })
  void identifiersBecomePlaceholdersAndClinicalNumbersStay(String text, String scrubbed) {
    assertThat(TextScrubber.scrub(text)).isEqualTo(scrubbed);
  }

  /** Study date of the table below: 2026-11-20. */
  static final LocalDate STUDY = LocalDate.of(2026, 11, 20);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // ISO, with and without a time
        "2026-11-08|[day -12]",
        "2026-11-20|[day 0]",
        "2026-11-20T10:15:00Z|[day 0]",
        "2026-11-23|[day +3]",
        "2027-01-01|[day +42]",
        "2025-11-20|[day -365]",
        // numeric: dots day first, slashes and dashes month first unless the first is over 12
        "11/08/2026|[day -12]",
        "08.11.2026|[day -12]",
        "20/11/2026|[day 0]",
        "11-08-2026|[day -12]",
        "11/08/26|[day -12]",
        "01/01/27|[day +42]",
        "01/02/99|[day -10184]",
        // DICOM DA
        "20261108|[day -12]",
        "19580502|[day -25039]",
        // month names
        "8 Nov 2026|[day -12]",
        "8th November 2026|[day -12]",
        "November 8, 2026|[day -12]",
        "Nov. 8 2026|[day -12]",
        "Dec 1st, 2026|[day +11]",
        // month and year only: months from the study's month
        "Nov 2026|[month 0]",
        "August 2026|[month -3]",
        "January 2027|[month +2]",
        // not a real day, or a year that cannot be read: [DATE]
        "2026-02-30|[DATE]",
        "31/31/2026|[DATE]",
        "11/08/202|[DATE]",
        "February 30, 2026|[DATE]"
      })
  void withTheStudyDateEachDateFormBecomesRelativeDays(String date, String token) {
    assertThat(TextScrubber.scrub("seen " + date + ".", List.of(), List.of(), STUDY))
        .isEqualTo("seen " + token + ".");
    assertThat(TextScrubber.scrub("seen " + date + ".", List.of(), List.of(), null))
        .isEqualTo("seen [DATE].");
  }

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a leap day before, on and after the study; a 29 February that does not exist
        "2024-02-29|2024-03-01|[day -1]",
        "29/02/2024|2024-03-01|[day -1]",
        "February 29, 2024|2024-02-29|[day 0]",
        "2024-03-01|2024-02-28|[day +2]",
        "2023-03-01|2024-03-01|[day -366]",
        "2025-03-01|2024-03-01|[day +365]",
        "2023-02-29|2024-03-01|[DATE]",
        "02/29/2023|2024-03-01|[DATE]",
        "20240229|2028-02-29|[day -1461]"
      })
  void leapDaysCount(String date, LocalDate study, String token) {
    assertThat(TextScrubber.scrub(date, List.of(), List.of(), study)).isEqualTo(token);
  }

  @Test
  void relativeTokensKeepTheirPlaceAndAreNotTakenForNumbers() {
    assertThat(
            TextScrubber.scrub(
                "Aug 2026, then 2026-11-08, then 3 Nov 2026; Dr. Rossi 555-123-4567 at 10:15,"
                    + " DOB 19580502, MRN 4455667.",
                List.of(),
                List.of(),
                STUDY))
        .isEqualTo(
            "[month -3], then [day -12], then [day -17]; [NAME] [PHONE] at [TIME],"
                + " DOB [age 68], MRN [ID].");
    // a private-use character in the input cannot stand in for a token
    assertThat(TextScrubber.scrub("a\uE000b 2026-11-08", List.of(), List.of(), STUDY))
        .isEqualTo("ab [day -12]");
    assertThat(TextScrubber.relativeDayToken(-12)).isEqualTo("[day -12]");
    assertThat(TextScrubber.relativeDayToken(0)).isEqualTo("[day 0]");
    assertThat(TextScrubber.relativeDayToken(5)).isEqualTo("[day +5]");
    assertThat(TextScrubber.relativeMonthToken(-3)).isEqualTo("[month -3]");
  }

  @Test
  void thePatientsOwnIdentifiersAndNamePartsGoFirst() {
    assertThat(
            TextScrubber.scrub(
                "Annie Oakley, MRN4455667, study 1.2.3.4.5.6: no change since Mrs. Oakley's CT",
                List.of("MRN4455667", "1.2.3.4.5.6"),
                TextScrubber.nameParts("OAKLEY^ANNIE")))
        .isEqualTo("[NAME] [NAME], [ID], study [ID]: no change since [NAME]'s CT");
    assertThat(TextScrubber.nameParts("OAKLEY^ANNIE^^DR=オークリー"))
        .containsExactly("OAKLEY", "ANNIE", "DR", "オークリー");
    assertThat(TextScrubber.scrub(null)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // street addresses, with unit, city, state and ZIP; spoken in lower case; a P.O. box
        "Lives at 42 Elm Street Springfield MA 01103 alone.|Lives at [ADDRESS] alone.",
        "Lives at 7 North 5th Ave., Apt 3B today|Lives at [ADDRESS] today",
        "lives at forty 42 elm street now|lives at forty [ADDRESS] now",
        "Mail to P.O. Box 1234|Mail to [ADDRESS]",
        // names after titles (all of it) and after roles (the role stays)
        "History from nurse Kelly Brown.|History from nurse [NAME].",
        "Discussed with Dr. J. Alan Grant at 3:10 pm.|Discussed with [NAME] at [TIME].",
        "Patient Annie Oakley; technologist Sam Lee; spoke with Maria Lopez|Patient [NAME]; technologist [NAME]; spoke with [NAME]",
        "Patient name: Doe, Jane|Patient name: [NAME]",
        "Patient Denies pain. The patient is well.|Patient Denies pain. The patient is well.",
        // every ID-like token: labelled values of any length, SSN, long letter-digit runs
        "MRN: 4711, accession A-12, SSN 123-45-6789|MRN: [ID], accession [ID], SSN [ID]",
        "order RAD-99812345 and ref AB12CD3456|order [ID] and ref [ID]",
        // times in other forms; ages over 89 are one band
        "called at 2 pm and at 1430 hours|called at [TIME] and at [TIME]",
        "93-year-old woman, 67 year old man|90+-year-old woman, 67 year old man",
        "see https://portal.example.org/p?id=7 or www.example.org|see [URL] or [URL]"
      })
  void addressesNamesInRolesIdsAndTimesGo(String text, String scrubbed) {
    assertThat(TextScrubber.scrub(text)).isEqualTo(scrubbed);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "8 mm nodule on T2 at C5-C6 and L4-L5",
        "lesion in segment 7, 4R station node 12x10mm, b1000 DWI",
        "BI-RADS 4A, LI-RADS 5, PI-RADS 3, TI-RADS TR4, Lung-RADS 4B",
        "cardiothoracic ratio of 16.2/24.7. T12 compression, 1.5T MRI, Tc-99m",
        "series 3 image 45, 30 pack-years, 2 views, SUVmax 12.4"
      })
  void clinicalContentStays(String text) {
    assertThat(TextScrubber.scrub(text, List.of(), List.of(), STUDY)).isEqualTo(text);
  }

  @Test
  void aBirthDateBecomesAnAgeInYearsNeverDays() {
    assertThat(TextScrubber.scrub("DOB 05/02/1958, seen 2026-11-08", List.of(), List.of(), STUDY))
        .isEqualTo("DOB [age 68], seen [day -12]");
    assertThat(TextScrubber.scrub("date of birth: 1930-01-01", List.of(), List.of(), STUDY))
        .isEqualTo("date of birth: [age 90+]");
    assertThat(TextScrubber.scrub("born March 3, 1990", List.of(), List.of(), STUDY))
        .isEqualTo("born [age 36]");
    assertThat(TextScrubber.scrub("DOB 05/02/1958", List.of(), List.of(), null))
        .isEqualTo("DOB [DATE]");
  }

  /**
   * The IU chest X-ray reports (already de-identified with XXXX): scrubbing keeps every finding;
   * only the redactions, a few "Dr. XXXX" and report times change.
   */
  @Test
  void realReportsKeepTheirFindings() throws Exception {
    List<String> lines =
        java.nio.file.Files.readAllLines(
            java.nio.file.Path.of("../../../shared/data/reports/indiana_reports.csv"));
    int changed = 0;
    for (String line : lines) {
      String scrubbed = TextScrubber.scrub(line, List.of(), List.of(), STUDY);
      String redacted = line.replaceAll("\\bX{3,}\\b", "[REDACTED]");
      if (scrubbed.equals(redacted)) {
        continue;
      }
      changed++;
      // what changed is a titled name or a time, nothing clinical
      String rest =
          redacted
              .replaceAll("\\bDr\\.\\s+\\[REDACTED\\]-?(?:\\s+\\[REDACTED\\]-?){0,2}", "[NAME]")
              .replaceAll("\\b\\d{1,2}:\\d{2}\\b", "[TIME]");
      assertThat(scrubbed).as("report line %s", line).isEqualTo(rest);
    }
    assertThat(lines).hasSizeGreaterThan(3000);
    assertThat(changed).isLessThan(20);
  }
}
