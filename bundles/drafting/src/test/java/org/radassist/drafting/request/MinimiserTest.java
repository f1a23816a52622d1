package org.radassist.drafting.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radassist.drafting.internal.request.SessionRequestFactory;
import org.radassist.model.Sex;
import org.radassist.model.StudyContext;

/** The minimiser inside the request factory: tokens, ages, relative days, scrubbed text. */
class MinimiserTest {
  static final StudyContext STUDY =
      new StudyContext(
          "1.2.826.0.1.3680043.8.498.12345",
          "ACC20261129",
          "MRN4455667",
          "HOSP",
          "Oakley^Annie^Mae",
          LocalDate.of(1934, 5, 2),
          Sex.F,
          List.of("CT"),
          "CHEST",
          LocalDate.of(2026, 11, 29),
          "CT chest");
  private final DraftRequestFactory phi = DraftRequestFactory.newSession(new SecureRandom());

  @Test
  void tokensAreStableWithinASessionAndUnlinkableAcrossSessions() {
    String a = phi.token("st", STUDY.studyInstanceUid());
    assertThat(a).matches("st-[0-9a-f]{16}").isEqualTo(phi.token("st", STUDY.studyInstanceUid()));
    assertThat(
            DraftRequestFactory.newSession(new SecureRandom())
                .token("st", STUDY.studyInstanceUid()))
        .isNotEqualTo(a);
    assertThat(phi.request(STUDY, RequestContent.dictation("")).study().token()).isEqualTo(a);
  }

  @Test
  void agesOverEightyNineCollapseAndDatesBecomeRelativeDays() {
    assertThat(phi.request(STUDY, RequestContent.dictation("")).patient().ageBand())
        .isEqualTo("90+");
    assertThat(SessionRequestFactory.relativeDays(LocalDate.of(2025, 11, 20), STUDY.studyDate()))
        .isEqualTo(-374);
    StudyContext prior =
        new StudyContext(
            "1.2.3.4.5",
            null,
            null,
            null,
            null,
            null,
            Sex.F,
            List.of("CT"),
            "CHEST",
            LocalDate.of(2025, 11, 20),
            null);
    assertThat(
            phi.request(
                    STUDY,
                    RequestContent.dictation("")
                        .withPriors(
                            List.of(
                                new PriorStudy(
                                    prior, "Nodule 6 mm, seen by Dr. Smith on 11/20/2025.", ""))))
                .priors()
                .get(0)
                .findings())
        .isEqualTo("Nodule 6 mm, seen by [NAME] on [day -374].");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Mrs. Oakley called at 10:15 on 2026-11-29.|[NAME] called at [TIME] on [day 0].",
        "Annie reports pain since November 3, 2026.|[NAME] reports pain since [day -26].",
        "Call back 555-123-4567 or (555) 987 6543.|Call back [PHONE] or [PHONE].",
        "MRN4455667 accession ACC20261129 study 1.2.826.0.1.3680043.8.498.12345|[ID] accession [ID] study [ID]",
        "Compare with 1.2.840.113619.2.55.3.604688119|Compare with [UID]",
        "Patient id 98765432, email a.oakley@example.org|Patient id [ID], email [EMAIL]",
        "New 8.2 mm solid nodule rul series 3 image 45, 30 pack-years.|New 8.2 mm solid nodule rul series 3 image 45, 30 pack-years.",
        "Seen 29 Nov 2026 and 03.12.2025 and 20251203.|Seen [day 0] and [day -361] and [day -361].",
        "Back on Dec 2, 2026 and 2027-02-29.|Back on [day +3] and [DATE]."
      })
  void freeTextIsScrubbedOfIdentifiersButKeepsClinicalNumbers(String text, String scrubbed) {
    assertThat(phi.scrub(text, STUDY)).isEqualTo(scrubbed);
  }

  @Test
  void withoutAStudyDateFreeTextDatesBecomePlaceholders() {
    StudyContext undated =
        new StudyContext(
            "1.2.3.4.5", null, null, null, null, null, Sex.F, List.of("CT"), "CHEST", null, null);
    assertThat(phi.scrub("Seen 2026-11-03 and Nov 2026.", undated))
        .isEqualTo("Seen [DATE] and [DATE].");
  }
}
