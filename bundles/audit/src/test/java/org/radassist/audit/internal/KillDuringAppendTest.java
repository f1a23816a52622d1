package org.radassist.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.audit.AuditFiles;
import org.radassist.audit.ChainVerification;

/**
 * A writer process killed with SIGKILL (Process.destroyForcibly on Linux) mid-stream leaves a chain
 * that verifies up to its last whole record; the next writer resumes it.
 */
class KillDuringAppendTest {
  private static final long ROTATION = 512 * 1024;

  @TempDir Path dir;

  @Test
  void killed_writers_leave_a_chain_that_verifies_and_resumes() throws Exception {
    long acknowledged = 0;
    int tornSeen = 0;
    for (int round = 0; round < 3; round++) {
      long lastAck = runAndKill(acknowledged + 15 + round * 7L);

      ChainVerification afterKill = AuditFiles.verify(AuditFiles.trailFiles(dir));
      assertThat(afterKill.broken()).as("round %d: %s", round, afterKill.broken()).isEmpty();
      assertThat(afterKill.anchored()).isTrue();
      // Everything the writer acknowledged (append returned after force) is in the chain.
      assertThat(afterKill.lastSeq()).isGreaterThanOrEqualTo(lastAck);
      if (afterKill.tornTail().isPresent()) {
        tornSeen++;
      }

      try (FileAuditTrail resumed = new FileAuditTrail(dir, ROTATION)) {
        assertThat(resumed.head().orElseThrow().seq()).isEqualTo(afterKill.lastSeq());
        resumed.append(TestEvents.numbered(round));
        acknowledged = resumed.head().orElseThrow().seq();
      }
      ChainVerification resumedCheck = AuditFiles.verify(AuditFiles.trailFiles(dir));
      assertThat(resumedCheck.intact()).isTrue();
      assertThat(resumedCheck.tornTail()).isEmpty();
      assertThat(resumedCheck.lastSeq()).isEqualTo(afterKill.lastSeq() + 1);
    }
    assertThat(AuditFiles.trailFiles(dir)).hasSizeGreaterThan(1);
    System.out.println("kill test: torn last record seen in " + tornSeen + " of 3 kills");
  }

  /** Starts a writer, waits until it acknowledged {@code untilSeq}, kills it; last ack seen. */
  private long runAndKill(long untilSeq) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-XX:+UseSerialGC",
                    "-Xmx128m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    AppendLoop.class.getName(),
                    dir.toString(),
                    Long.toString(ROTATION)))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    long lastAck = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("appended ")) {
          lastAck = Long.parseLong(line.substring("appended ".length()));
          if (lastAck >= untilSeq) {
            break;
          }
        }
      }
      child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close()
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    assertThat(lastAck).as("the writer made progress").isGreaterThanOrEqualTo(untilSeq);
    return lastAck;
  }
}
