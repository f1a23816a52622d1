package org.radassist.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.audit.AuditFiles;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.internal.FileAuditTrail;
import org.radassist.audit.internal.RecordCodec;
import org.radassist.audit.internal.TestEvents;
import org.radassist.audit.internal.WorkstationSession;
import org.radassist.audit.internal.checkpoint.CheckpointKey;
import org.radassist.audit.internal.checkpoint.CheckpointLog;
import org.radassist.model.AuditAction;
import org.radassist.model.AuditEvent;

/**
 * The tamperings a hash chain alone cannot show (issue 15), each against a trail written and closed
 * by {@link FileAuditTrail}: {@code audit verify DIR} must fail (exit 1) or, for records nothing
 * signed yet, say UNANCHORED (exit 2); the writer must refuse to continue such a trail.
 */
class AuditTamperingTest {
  @TempDir Path dir;
  @TempDir Path elsewhere;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final RecordCodec codec = new RecordCodec();
  private List<AuditRecord> original;

  @BeforeEach
  void writeAndCloseTrail() throws Exception {
    try (FileAuditTrail trail = new FileAuditTrail(dir, 2048)) {
      WorkstationSession.write(trail);
    }
    original = AuditFiles.read(AuditFiles.trailFiles(dir));
    assertThat(original).hasSize(15);
    assertThat(AuditFiles.trailFiles(dir)).hasSizeGreaterThan(1);
  }

  private int verify(String... options) {
    out.reset();
    err.reset();
    List<String> args = new ArrayList<>(List.of("verify"));
    args.addAll(List.of(options));
    args.add(dir.toString());
    return new AuditCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of())
        .run(args.toArray(String[]::new));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Replaces the trail files by one file holding these records (a chain that verifies alone). */
  private void replaceTrail(List<AuditRecord> records) throws IOException {
    for (Path file : AuditFiles.trailFiles(dir)) {
      Files.delete(file);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (AuditRecord record : records) {
      bytes.writeBytes(codec.line(record));
    }
    Files.write(dir.resolve("audit-00000001.jsonl"), bytes.toByteArray());
  }

  /** Re-hashes events into a fresh, internally valid chain, as an attacker with the code would. */
  private List<AuditRecord> rechain(List<AuditEvent> events) {
    List<AuditRecord> chain = new ArrayList<>();
    String prev = AuditRecord.GENESIS;
    for (AuditEvent event : events) {
      AuditRecord record = codec.seal(chain.size() + 1, event, prev);
      chain.add(record);
      prev = record.hash();
    }
    return chain;
  }

  private List<AuditEvent> events() {
    return new ArrayList<>(original.stream().map(AuditRecord::event).toList());
  }

  @Test
  void an_untouched_closed_trail_verifies_and_is_anchored_by_its_shutdown_checkpoint() {
    assertThat(verify()).isZero();

    AuditRecord head = original.get(14);
    assertThat(out())
        .contains("OK: 15 records")
        .contains("last signed checkpoint: seq 15, head " + head.hash())
        .contains("(close)")
        .doesNotContain("UNANCHORED");
    assertThat(verify("--expect-head", "15:" + head.hash())).isZero();
    assertThat(verify("--expect-head", "7:" + original.get(6).hash())).isZero();
  }

  @Test
  void two_whole_records_cut_from_the_tail_are_detected() throws Exception {
    replaceTrail(original.subList(0, 13));
    assertThat(AuditFiles.verify(AuditFiles.trailFiles(dir)).intact()).isTrue(); // chain alone: ok

    assertThat(verify()).isEqualTo(1);

    assertThat(err())
        .contains("TAMPERED: the trail ends at seq 13 but the checkpoint signed at")
        .contains("covers seq 15 (records removed from the end)");
    assertThatThrownBy(() -> new FileAuditTrail(dir, 2048).close())
        .hasMessageContaining("refused: the trail ends at seq 13");
  }

  @Test
  void a_forged_record_appended_with_a_correct_hash_is_detected() throws Exception {
    AuditRecord last = original.get(14);
    AuditRecord forged =
        codec.seal(
            16,
            TestEvents.event(AuditAction.REPORT_SIGNED, "st-a", Map.of("modality", "CT")),
            last.hash());
    List<Path> files = AuditFiles.trailFiles(dir);
    Files.write(
        files.get(files.size() - 1), codec.line(forged), java.nio.file.StandardOpenOption.APPEND);
    assertThat(AuditFiles.verify(files).intact()).isTrue();

    assertThat(verify()).isEqualTo(1);

    assertThat(err())
        .contains("TAMPERED: 1 record(s) follow the checkpoint of the writer's clean shutdown")
        .contains("(seq 16..16)");
    assertThatThrownBy(() -> new FileAuditTrail(dir, 2048).close())
        .hasMessageContaining("follow the clean shutdown checkpoint");
  }

  @Test
  void the_file_replaced_by_a_shorter_rehashed_chain_is_detected() throws Exception {
    List<AuditEvent> events = events();
    events.remove(4); // the decision someone wants gone
    replaceTrail(rechain(events));
    assertThat(AuditFiles.verify(AuditFiles.trailFiles(dir)).intact()).isTrue();

    assertThat(verify()).isEqualTo(1);

    assertThat(err()).contains("TAMPERED: the trail ends at seq 14").contains("covers seq 15");
  }

  @Test
  void an_edited_record_with_the_chain_recomputed_is_detected() throws Exception {
    List<AuditEvent> events = events();
    AuditEvent e = events.get(2);
    events.set(
        2,
        new AuditEvent(
            e.timestamp(),
            e.action(),
            e.traceId(),
            "dr-somebody-else",
            e.studyToken(),
            e.modelName(),
            e.modelVersion(),
            e.requestSha256(),
            e.responseSha256(),
            e.details()));
    replaceTrail(rechain(events));
    assertThat(AuditFiles.verify(AuditFiles.trailFiles(dir)).intact()).isTrue();

    assertThat(verify()).isEqualTo(1);

    assertThat(err())
        .contains("TAMPERED: seq 15 has hash")
        .contains("records up to it were rewritten");
    assertThatThrownBy(() -> new FileAuditTrail(dir, 2048).close())
        .hasMessageContaining("no longer has the hash signed");
  }

  @Test
  void an_emptied_trail_is_detected() throws Exception {
    replaceTrail(List.of());
    assertThat(Files.size(dir.resolve("audit-00000001.jsonl"))).isZero();

    assertThat(verify()).isEqualTo(1);

    assertThat(err()).contains("TAMPERED: the trail ends at seq 0").contains("covers seq 15");
  }

  @Test
  void removing_the_checkpoints_as_well_is_detected_while_the_key_is_there() throws Exception {
    replaceTrail(original.subList(0, 13));
    Files.delete(dir.resolve(CheckpointLog.FILE));

    assertThat(verify()).isEqualTo(1);

    assertThat(err()).contains("no checkpoints although the trail has a signing key");
    assertThatThrownBy(() -> new FileAuditTrail(dir, 2048).close())
        .hasMessageContaining("missing or empty although the trail has a signing key");
  }

  @Test
  void an_altered_checkpoint_fails_its_signature() throws Exception {
    Path log = dir.resolve(CheckpointLog.FILE);
    List<String> lines = new ArrayList<>(Files.readAllLines(log));
    String last = lines.get(lines.size() - 1);
    lines.set(lines.size() - 1, last.replace("\"seq\":15", "\"seq\":13"));
    Files.write(log, lines);
    replaceTrail(original.subList(0, 13));

    assertThat(verify()).isEqualTo(1);

    assertThat(err()).contains("signature does not verify (checkpoint altered or forged)");
  }

  @Test
  void a_rewrite_signed_again_with_a_new_key_is_caught_by_the_expected_head_and_the_known_key()
      throws Exception {
    Path knownKey = Files.copy(dir.resolve(CheckpointKey.PUBLIC_FILE), elsewhere.resolve("k.pub"));
    String seenHead = "15:" + original.get(14).hash();
    // The attacker deletes everything and writes a consistent, freshly signed, shorter trail.
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : entries.toList()) {
        Files.delete(p);
      }
    }
    List<AuditEvent> events = events();
    events.remove(4);
    try (FileAuditTrail forged = new FileAuditTrail(dir, 2048)) {
      for (AuditEvent event : events) {
        forged.append(event);
      }
    }
    assertThat(verify()).as("self-consistent on its own").isZero();

    assertThat(verify("--expect-head", seenHead)).isEqualTo(1);
    assertThat(err())
        .contains(
            "TAMPERED: the trail no longer reaches the expected head seq 15 (it ends at seq 14)");

    assertThat(verify("--key", knownKey.toString())).isEqualTo(1);
    assertThat(err()).contains("not the trail's key");
  }

  @Test
  void records_appended_after_the_last_checkpoint_of_a_crashed_writer_are_reported_unanchored()
      throws Exception {
    org.radassist.audit.internal.Crashes.forgetShutdownCheckpoint(dir);

    assertThat(verify()).isEqualTo(2);

    assertThat(out())
        .contains("last signed checkpoint: seq 0")
        .contains("UNANCHORED: 15 record(s), seq 1..15, after the last signed checkpoint");
    // reopening after the crash signs what the chain holds, so nothing is left unanchored
    new FileAuditTrail(dir, 2048).close();
    assertThat(verify()).isZero();
  }

  @Test
  void an_expected_head_the_trail_does_not_hold_fails() {
    String other = "f".repeat(64);

    assertThat(verify("--expect-head", "3:" + other)).isEqualTo(1);
    assertThat(err()).contains("seq 3 has hash " + original.get(2).hash() + ", not the expected");

    assertThat(verify("--expect-head", "3-abc")).isEqualTo(1);
    assertThat(err()).contains("--expect-head '3-abc' is not SEQ:HASH");
  }

  @Test
  void the_trail_its_checkpoints_and_key_are_owner_only() throws Exception {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    try (Stream<Path> entries = Files.list(dir)) {
      List<Path> all = entries.toList();
      assertThat(all)
          .extracting(p -> p.getFileName().toString())
          .contains(".checkpoint-key", "checkpoint-key.pub", "checkpoints.jsonl", ".lock");
      for (Path p : all) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
            .as(p.getFileName().toString())
            .isEqualTo("rw-------");
      }
    }
  }
}
