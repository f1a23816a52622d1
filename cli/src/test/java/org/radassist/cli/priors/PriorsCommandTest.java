package org.radassist.cli.priors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.priors.testing.ScreeningHistory;
import org.radassist.priors.testing.SyntheticHistory;

class PriorsCommandTest {

  @TempDir static Path folder;
  static String current;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void writeHistory() throws Exception {
    List<SyntheticHistory.WrittenStudy> studies =
        SyntheticHistory.write(folder, ScreeningHistory.studies());
    current = studies.get(studies.size() - 1).studyInstanceUid();
  }

  private int run(String... args) {
    return PriorsCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void printsPriorsMatchesChangesAndTheParagraph() {
    int code = run("--dir", folder.toString(), "--study-uid", current);

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).isZero();
    assertThat(text)
        .contains("Priors:  2 kept of 3 other studies of the patient")
        .contains("TRACKING_UID 1.00")
        .contains("TRACKING_IDENTIFIER 0.90")
        .contains(ScreeningHistory.EXPECTED_PARAGRAPH)
        .contains("broken-sr.dcm skipped");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void jsonHoldsTheLookupAndTheComparison() throws Exception {
    int code = run("--dir", folder.toString(), "--study-uid", current, "--json");

    JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(code).isZero();
    assertThat(json.path("comparison").path("paragraph").asText())
        .isEqualTo(ScreeningHistory.EXPECTED_PARAGRAPH);
    assertThat(json.path("comparison").path("changes")).hasSize(4);
    assertThat(json.path("comparison").path("trends")).hasSize(4);
    assertThat(json.path("lookup").path("priors")).hasSize(2);
  }

  @Test
  void badInputGivesOneLinePerProblemAndExitOne() {
    int code = run("--dir", "/no/such/dir", "--study-uid", "abc", "--frobnicate");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .contains(
            "radassist priors: --dir /no/such/dir: not a directory",
            "radassist priors: --study-uid abc: not a DICOM UID",
            "radassist priors: --frobnicate: unknown option")
        .noneMatch(l -> l.contains("Exception"));
  }

  @Test
  void sourceAndStudyAreRequired() {
    assertThat(run()).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .contains(
            "radassist priors: give exactly one of --dicomweb URL and --dir DIR",
            "radassist priors: --study-uid is required");
  }

  @Test
  void anUnreachablePacsIsOneLineAndExitOne() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    int code = run("--dicomweb", "http://127.0.0.1:" + port + "/dicom-web", "--study-uid", "1.2.3");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "radassist priors: PACS unreachable: connection refused (http://127.0.0.1:"
                + port
                + "/dicom-web)"
                + System.lineSeparator());
  }

  @Test
  void anUnknownStudyIsOneLineAndExitOne() {
    int code = run("--dir", folder.toString(), "--study-uid", "1.2.3");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("radassist priors: study 1.2.3 is not in ");
  }
}
