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
        "Patient id 98765432, email a.oakley@example.org|Patient [ID], email [EMAIL]",
        "acc ACC20261129 and order 12345|[ID] and order [ID]",
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
                + " DOB [day -25039], [ID].");
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
}
