package org.radassist.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.audit.internal.TestEvents;
import org.radassist.audit.internal.checkpoint.Checkpoint;
import org.radassist.audit.internal.checkpoint.CheckpointLog;

/** The audit trail as a host without OSGi opens it: through the public factory only. */
class AuditTrailsTest {
  @TempDir Path dir;

  @Test
  void aTrailOpenedByTheFactoryChainsRecordsAndSignsOpenIntervalAndCloseCheckpoints()
      throws Exception {
    Path trailDir = dir.resolve("audit");
    AuditRecord second;
    try (AuditTrails.FileTrail trail =
        AuditTrails.builder(trailDir).checkpointInterval(Duration.ofSeconds(1)).open()) {
      assertThat(trail.directory()).isEqualTo(trailDir);
      AuditRecord first = trail.append(TestEvents.numbered(1));
      second = trail.append(TestEvents.numbered(2));
      assertThat(second.prevHash()).isEqualTo(first.hash());
      assertThat(trail.verify().intact()).isTrue();
      assertThat(trail.verify().records()).isEqualTo(2);

      List<Checkpoint> signed = List.of();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (signed.size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(100);
        signed = CheckpointLog.read(trailDir.resolve(CheckpointLog.FILE));
      }
      assertThat(signed).extracting(Checkpoint::kind).startsWith("open", "interval");
    }
    List<Checkpoint> all = CheckpointLog.read(trailDir.resolve(CheckpointLog.FILE));
    assertThat(all).extracting(Checkpoint::kind).containsExactly("open", "interval", "close");
    assertThat(all.get(2).head()).isEqualTo(second.hash());
    // what `radassist audit verify` reads: the files alone verify as one chain
    assertThat(AuditFiles.verify(AuditFiles.trailFiles(trailDir)).intact()).isTrue();
  }

  @Test
  void reopeningContinuesTheChainAndOneWriterHoldsTheDirectory() throws Exception {
    Path trailDir = dir.resolve("audit");
    try (AuditTrails.FileTrail trail = AuditTrails.open(trailDir)) {
      trail.append(TestEvents.numbered(1));
      assertThatThrownBy(() -> AuditTrails.open(trailDir))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("in use by another writer");
    }
    try (AuditTrails.FileTrail trail = AuditTrails.open(trailDir)) {
      assertThat(trail.append(TestEvents.numbered(2)).seq()).isEqualTo(2);
      assertThat(trail.readAll()).hasSize(2);
    }
  }

  @Test
  void aDamagedTrailIsNotContinued() throws Exception {
    Path trailDir = dir.resolve("audit");
    try (AuditTrails.FileTrail trail = AuditTrails.open(trailDir)) {
      trail.append(TestEvents.numbered(1));
      trail.append(TestEvents.numbered(2));
    }
    Path file = AuditFiles.trailFiles(trailDir).get(0);
    Files.writeString(file, Files.readString(file).replace("\"st-1\"", "\"st-9\""));
    assertThatThrownBy(() -> AuditTrails.open(trailDir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("audit trail damaged at " + file);
  }

  @Test
  void badSettingsAreRefusedNamingTheSetting() {
    assertThatThrownBy(() -> AuditTrails.builder(dir).rotationBytes(10))
        .hasMessage("rotationBytes must be at least 1024, was 10");
    assertThatThrownBy(() -> AuditTrails.builder(dir).checkpointInterval(Duration.ofMillis(5)))
        .hasMessage("checkpointInterval must be at least 1 second, was PT0.005S");
  }
}
