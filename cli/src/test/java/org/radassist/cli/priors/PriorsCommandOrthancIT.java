package org.radassist.cli.priors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.priors.testing.OrthancServer;
import org.radassist.priors.testing.ScreeningHistory;
import org.radassist.priors.testing.SyntheticHistory;

/**
 * {@code radassist priors --dicomweb} against a real PACS: the priors bundle's synthetic screening
 * history stored into Orthanc, and the command prints the comparison paragraph the bundle's own
 * Orthanc test expects from the service.
 */
class PriorsCommandOrthancIT {

  @TempDir static Path folder;
  static OrthancServer orthanc;
  static String current;

  @BeforeAll
  static void storeHistory() throws Exception {
    orthanc = OrthancServer.start();
    List<SyntheticHistory.WrittenStudy> studies =
        SyntheticHistory.write(folder, ScreeningHistory.studies());
    for (SyntheticHistory.WrittenStudy study : studies) {
      for (Path file : study.files()) {
        orthanc.upload(file);
      }
    }
    current = studies.get(studies.size() - 1).studyInstanceUid();
  }

  @AfterAll
  static void stop() throws Exception {
    if (orthanc != null) {
      orthanc.close();
    }
  }

  @Test
  void theCommandPrintsTheSameParagraph() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        PriorsCommand.run(
            new String[] {"--dicomweb", orthanc.dicomWebUrl(), "--study-uid", current},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains(ScreeningHistory.EXPECTED_PARAGRAPH);
  }
}
