package org.radassist.priors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.priors.testing.ScreeningHistory;
import org.radassist.priors.testing.SyntheticHistory;

/** Prior sources and the comparison as a host without OSGi gets them: the public factory only. */
class PriorsTest {
  @TempDir static Path folder;
  static String current;

  @BeforeAll
  static void writeHistory() throws Exception {
    List<SyntheticHistory.WrittenStudy> studies =
        SyntheticHistory.write(folder, ScreeningHistory.studies());
    current = studies.get(studies.size() - 1).studyInstanceUid();
  }

  @Test
  void theComparisonOverAFolderWritesTheComparisonParagraph() {
    PriorComparisonService priors = Priors.comparison(Priors.fromFolder(folder));

    ComparisonSummary summary = priors.summarize(current);

    assertThat(summary.paragraph()).isEqualTo(ScreeningHistory.EXPECTED_PARAGRAPH);
    assertThat(summary.changes())
        .extracting(ChangeRecord::kind)
        .containsExactly(
            ChangeKind.INCREASED, ChangeKind.NEW, ChangeKind.STABLE, ChangeKind.RESOLVED);
  }

  @Test
  void theQueryLimitsThePriorsCompared() {
    PriorLookup one = Priors.fromFolder(folder).lookup(current, new PriorQuery(1, 0.55));
    assertThat(one.priors()).hasSize(1);
  }

  @Test
  void aMissingFolderIsAStatusNamingIt() {
    Path missing = folder.resolve("nope");
    PriorLookup lookup = Priors.fromFolder(missing).lookup(current, PriorQuery.defaults());
    assertThat(lookup.status()).isEqualTo(LookupStatus.UNAVAILABLE);
    assertThat(lookup.statusMessage()).contains(missing.toString()).contains("does not exist");
  }

  @Test
  void anUnreachablePacsIsAStatusNotAnException() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    try (Priors.DicomWebProvider pacs =
        Priors.fromDicomWeb(
            "http://127.0.0.1:" + port + "/dicom-web",
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            50)) {
      PriorLookup lookup = pacs.lookup("2.25.1", PriorQuery.defaults());
      assertThat(lookup.status()).isNotEqualTo(LookupStatus.OK);
      assertThat(lookup.priors()).isEmpty();
      assertThat(Priors.comparison(pacs).summarize("2.25.1").statusMessage()).isNotBlank();
    }
  }

  @Test
  void badSettingsAreRefusedNamingTheSetting() {
    assertThatThrownBy(() -> Priors.fromDicomWeb(" "))
        .hasMessageContaining("DICOMweb base URL must not be blank");
    assertThatThrownBy(
            () ->
                Priors.fromDicomWeb(
                    "http://127.0.0.1:1/x",
                    Duration.ZERO,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    1))
        .hasMessage("connectTimeout must be positive, was PT0S");
    assertThatThrownBy(() -> Priors.fromHost(null)).hasMessage("host");
  }
}
