package org.radassist.model.privacy;

import static org.assertj.core.api.Assertions.assertThat;

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
