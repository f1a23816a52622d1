package org.radassist.drafting.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.radassist.model.Sex;
import org.radassist.model.StudyContext;

/**
 * One dictation full of identifiers, the study it belongs to, and the check that none of them
 * leaves: every capture test (speech hook, panel, workstation, CLI, evaluation, a vendor's host)
 * sends it to a {@link CapturingDraftServer}.
 */
public final class IdentifierDictation {
  private IdentifierDictation() {}

  public static final String STUDY_UID = "1.2.826.0.1.3680043.8.498.77123";

  /** The open study as the viewer knows it: name, MRN, accession, birth and study dates. */
  public static final StudyContext STUDY =
      new StudyContext(
          STUDY_UID,
          "ACC20261129",
          "PID7788123",
          "HOSP",
          "Oakley^Annie",
          LocalDate.of(1958, 5, 2),
          Sex.F,
          List.of("CT"),
          "CHEST",
          LocalDate.of(2026, 11, 20),
          "CT CHEST");

  /**
   * Patient name, MRN, birth date, dates, times, phone, e-mail, street address, SSN, the study's
   * accession and another one not in the header, "nurse Kelly Brown", a name not in DICOM (Dr. Alan
   * Grant), the Study UID; and clinical content that must stay.
   */
  public static final String TEXT =
      "Patient Annie Oakley, MRN PID7788123, DOB 05/02/1958, accession ACC20261129,"
          + " Study UID 1.2.826.0.1.3680043.8.498.77123. Exam 11/20/2026 at 14:35, compared with"
          + " 2025-11-03. Lives at 42 Elm Street Springfield MA 01103, phone (413) 555-0147,"
          + " e-mail annie.oakley@example.org, SSN 123-45-6789, outside accession RAD-99812345."
          + " History from nurse Kelly Brown. Findings discussed with Dr. Alan Grant at 3:10 pm."
          + " New 8 mm solid nodule in the right upper lobe, series 3 image 45. Lung-RADS 4A.";

  /** What must never be in anything sent (compared ignoring case). */
  public static final List<String> IDENTIFIERS =
      List.of(
          "Annie",
          "Oakley",
          "PID7788123",
          "7788123",
          "05/02/1958",
          "1958",
          "ACC20261129",
          "20261129",
          STUDY_UID,
          "3680043",
          "11/20/2026",
          "2026",
          "14:35",
          "2025-11-03",
          "Elm Street",
          "Springfield",
          "01103",
          "(413)",
          "555-0147",
          "annie.oakley",
          "example.org",
          "123-45-6789",
          "RAD-99812345",
          "99812345",
          "Kelly",
          "Brown",
          "Alan",
          "Grant",
          "3:10");

  /**
   * Asserts that no identifier is in {@code payload} (the session's opaque tokens, random hex, are
   * taken out first: they may hold any digits) and that the clinical content is.
   */
  public static void assertNoneLeaves(String payload) {
    String text = payload.replaceAll("\\b(?:se|st|pr|req|dict)-[0-9a-f]{16}\\b", "TOKEN");
    String lower = text.toLowerCase(Locale.ROOT);
    for (String id : IDENTIFIERS) {
      assertThat(lower)
          .as("%s leaked in:%n%s", id, text)
          .doesNotContain(id.toLowerCase(Locale.ROOT));
    }
  }

  /** Asserts that the dictation's findings were sent. */
  public static void assertFindingsSent(String payload) {
    assertThat(payload).contains("8 mm solid nodule").contains("right upper lobe").contains("4A");
  }
}
