package org.radassist.cli.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.cli.eval.EvalCommand;
import org.radassist.drafting.testing.CapturingDraftServer;
import org.radassist.drafting.testing.CapturingDraftServer.Captured;
import org.radassist.drafting.testing.IdentifierDictation;

/**
 * {@code radassist draft --endpoint} and {@code radassist eval impressions --endpoint}, with a
 * dictation full of identifiers, against a real capturing server on loopback: none leaves.
 */
class CliCaptureTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void draftWithAnEndpointSendsNoIdentifier(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("dictation.txt");
    Files.writeString(file, IdentifierDictation.TEXT);
    try (CapturingDraftServer server = new CapturingDraftServer()) {
      int rc =
          new DraftCommand(
                  new PrintStream(out, true, StandardCharsets.UTF_8),
                  new PrintStream(err, true, StandardCharsets.UTF_8),
                  new ByteArrayInputStream(new byte[0]))
              .run(
                  new String[] {
                    "--endpoint",
                    server.uri().toString(),
                    "--age",
                    "68",
                    "--sex",
                    "F",
                    "--indication",
                    "screening for Mrs. Annie Oakley, MRN PID7788123",
                    file.toString()
                  });
      assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(server.captured()).hasSize(1);
      for (Captured c : server.captured()) {
        IdentifierDictation.assertNoneLeaves(c.everything());
      }
      IdentifierDictation.assertFindingsSent(server.draftBodies().get(0));
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("nodule");
    }
  }

  @Test
  void evalWithAnEndpointSendsNoIdentifier(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("r.csv");
    Files.writeString(
        csv,
        "uid,indication,findings,impression\n"
            + "1,\"screening for Mrs. Annie Oakley\",\""
            + IdentifierDictation.TEXT
            + "\",Solid nodule right upper lobe. Lung-RADS 4A.\n");
    try (CapturingDraftServer server = new CapturingDraftServer()) {
      int rc =
          new EvalCommand(
                  new PrintStream(out, true, StandardCharsets.UTF_8),
                  new PrintStream(err, true, StandardCharsets.UTF_8))
              .run(
                  new String[] {
                    "impressions",
                    "--reports",
                    csv.toString(),
                    "--endpoint",
                    server.uri().toString()
                  });
      assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(server.captured()).hasSize(2); // the generated and the original's check
      for (Captured c : server.captured()) {
        IdentifierDictation.assertNoneLeaves(c.everything());
      }
      IdentifierDictation.assertFindingsSent(server.draftBodies().get(0));
    }
  }

  @Test
  void plainHttpToAnotherMachineIsRefusedBeforeAnythingIsSent(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("d.txt");
    Files.writeString(file, "lungs clear");
    int rc =
        new DraftCommand(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]))
            .run(new String[] {"--endpoint", "http://192.0.2.10:8080", file.toString()});
    assertThat(rc).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("radassist draft: --endpoint drafting endpoint http://192.0.2.10:8080")
        .contains("use https://");
  }
}
