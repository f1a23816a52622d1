package org.radassist.speech.testing;

import java.time.LocalDate;
import java.util.List;
import org.radassist.model.Sex;
import org.radassist.model.StudyContext;

/** A study with every kind of identifier the PHI rules must keep from leaving. */
public final class Studies {
  public static final StudyContext CHEST_CT =
      new StudyContext(
          "1.2.826.0.1.3680043.8.498.12345",
          "ACC20261129",
          "MRN4455667",
          "HOSP",
          "Oakley^Annie^Mae",
          LocalDate.of(1958, 5, 2),
          Sex.F,
          List.of("CT"),
          "CHEST",
          LocalDate.of(2026, 11, 20),
          "CT chest low dose");

  /** Identifying strings of {@link #CHEST_CT} that must never appear in an outbound payload. */
  public static final List<String> IDENTIFIERS =
      List.of(
          "1.2.826.0.1.3680043.8.498.12345",
          "ACC20261129",
          "MRN4455667",
          "Oakley",
          "Annie",
          "1958-05-02",
          "19580502",
          "05/02/1958",
          "2026-11-20",
          "20261120");

  private Studies() {}
}
