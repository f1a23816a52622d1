package org.radassist.speech.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.speech.OutboxItem;

class FileOutboxTest {
  @TempDir Path dir;

  @Test
  void itemsSurviveARestartInOrderUntilAcknowledged() throws Exception {
    FileOutbox outbox = new FileOutbox(dir, Clock.systemUTC());
    OutboxItem first = outbox.put("dictation", "k1", "one".getBytes(StandardCharsets.UTF_8));
    OutboxItem second = outbox.put("decision", "k2", "two".getBytes(StandardCharsets.UTF_8));
    FileOutbox restarted = new FileOutbox(dir, Clock.systemUTC());
    assertThat(restarted.pending()).containsExactly(first, second);
    restarted.acknowledge(first.id());
    restarted.acknowledge(first.id()); // acknowledged twice: no harm
    assertThat(new FileOutbox(dir, Clock.systemUTC()).pending()).containsExactly(second);
    OutboxItem third = restarted.put("dictation", "k3", new byte[0]);
    assertThat(Long.parseLong(third.id())).isGreaterThan(Long.parseLong(second.id()));
  }

  @Test
  void aCleanShutdownLeavesNoFileButWhatIsStillToBeSent() throws Exception {
    FileOutbox outbox = new FileOutbox(dir, Clock.systemUTC());
    OutboxItem sent = outbox.put("dictation", "k1", "one".getBytes(StandardCharsets.UTF_8));
    outbox.acknowledge(sent.id());
    outbox.close();
    try (var left = Files.list(dir)) {
      assertThat(left.toList()).isEmpty();
    }

    FileOutbox again = new FileOutbox(dir, Clock.systemUTC());
    OutboxItem unsent = again.put("dictation", "k2", "two".getBytes(StandardCharsets.UTF_8));
    again.close();
    try (var left = Files.list(dir)) {
      assertThat(left.toList()).isNotEmpty();
    }
    FileOutbox restarted = new FileOutbox(dir, Clock.systemUTC());
    assertThat(restarted.pending()).containsExactly(unsent);
    restarted.acknowledge(unsent.id());
    restarted.close();
    try (var left = Files.list(dir)) {
      assertThat(left.toList()).isEmpty();
    }
  }

  @Test
  void filesOfTheNeverReleasedOneFilePerItemFormatAreNotReadAsItems() throws Exception {
    FileOutbox outbox = new FileOutbox(dir, Clock.systemUTC());
    OutboxItem kept = outbox.put("dictation", "k1", "one".getBytes(StandardCharsets.UTF_8));
    Files.writeString(
        dir.resolve("0000000000000010.item.json"),
        "{\"id\":\"0000000000000010\",\"kind\":\"dictation\",\"idempotency_key\":\"k\","
            + "\"created_at\":\"2026-01-01T00:00:00Z\",\"payload\":\"\"}");
    FileOutbox restarted = new FileOutbox(dir, Clock.systemUTC());
    assertThat(restarted.pending()).containsExactly(kept);
  }

  @Test
  void slotsAndLocksAreOwnerOnlyInAnOwnerOnlyDirectory() throws Exception {
    Path outboxDir = dir.resolve("outbox");
    FileOutbox outbox = new FileOutbox(outboxDir, Clock.systemUTC());
    outbox.put("dictation", "k1", "one".getBytes(StandardCharsets.UTF_8));
    assertThat(mode(outboxDir)).isEqualTo("rwx------");
    try (var files = Files.list(outboxDir)) {
      List<Path> all = files.toList();
      assertThat(all).hasSizeGreaterThanOrEqualTo(2); // a slot and the owner lock
      for (Path file : all) {
        assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------");
      }
    }
  }

  @Test
  void anAcknowledgedSlotKeepsNoByteOfItsItem() throws Exception {
    FileOutbox outbox = new FileOutbox(dir, Clock.systemUTC());
    String dictation = "Patient Jane Roe, study 1.2.826.0.1.3680043.2.1125.1 key c2Vzc2lvbi1rZXk";
    OutboxItem item = outbox.put("dictation", "k1", dictation.getBytes(StandardCharsets.UTF_8));
    OutboxItem other =
        outbox.put("dictation", "k2", "still pending".getBytes(StandardCharsets.UTF_8));
    outbox.acknowledge(item.id());

    List<byte[]> contents = new ArrayList<>();
    try (var files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".slot")).toList()) {
        contents.add(Files.readAllBytes(file));
      }
    }
    String encoded = java.util.Base64.getEncoder().encodeToString(item.payload());
    long holdingIt =
        contents.stream()
            .map(b -> new String(b, StandardCharsets.ISO_8859_1))
            .filter(text -> text.contains(encoded) || text.contains(item.id()))
            .count();
    long zeroed =
        contents.stream()
            .filter(b -> java.util.stream.IntStream.range(0, b.length).allMatch(i -> b[i] == 0))
            .count();
    assertThat(holdingIt).isZero();
    assertThat(zeroed).isEqualTo(1);
    assertThat(outbox.pending()).containsExactly(other);
  }

  private static String mode(Path p) throws Exception {
    return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void anAcknowledgedSlotIsReusedSoSteadyDictationCreatesNoFiles() throws Exception {
    FileOutbox outbox = new FileOutbox(dir, Clock.systemUTC());
    for (int i = 0; i < 5; i++) {
      OutboxItem item = outbox.put("dictation", "k" + i, ("segment " + i).getBytes());
      assertThat(outbox.pending()).containsExactly(item);
      outbox.acknowledge(item.id());
    }
    assertThat(files("*.slot")).hasSize(1);
    assertThat(outbox.pending()).isEmpty();
  }

  @Test
  void anItemLargerThanASlotGrowsItAndSurvivesARestart() throws Exception {
    FileOutbox outbox = new FileOutbox(dir, Clock.systemUTC());
    byte[] big = "long report text ".repeat(1000).getBytes(StandardCharsets.UTF_8);
    OutboxItem item = outbox.put("decision", "k1", big);
    outbox.close();
    assertThat(new FileOutbox(dir, Clock.systemUTC()).pending()).containsExactly(item);
  }

  @Test
  void afterARestartTheItemsOfTheDeadInstanceAreReplayedAndItsFilesRemovedWhenAcknowledged()
      throws Exception {
    FileOutbox before = new FileOutbox(dir, Clock.systemUTC());
    OutboxItem sent = before.put("dictation", "k1", "one".getBytes(StandardCharsets.UTF_8));
    before.close(); // the process died: its lock is gone
    FileOutbox after = new FileOutbox(dir, Clock.systemUTC());
    assertThat(after.pending()).containsExactly(sent);
    after.acknowledge(sent.id());
    assertThat(after.pending()).isEmpty();
    assertThat(files("*.slot")).isEmpty();
    after.close();
    new FileOutbox(dir, Clock.systemUTC());
    assertThat(files("*.lock")).as("only the live instance's lock").hasSize(1);
  }

  @Test
  void aSlotWriteTornByACrashIsNotAnItemAndIsKeptAside() throws Exception {
    FileOutbox before = new FileOutbox(dir, Clock.systemUTC());
    OutboxItem kept = before.put("dictation", "k1", "one".getBytes(StandardCharsets.UTF_8));
    OutboxItem torn = before.put("dictation", "k2", "two".getBytes(StandardCharsets.UTF_8));
    before.close();
    Path tornSlot = null;
    for (Path p : files("*.slot")) {
      if (new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(torn.id())) {
        tornSlot = p;
      }
    }
    byte[] bytes = Files.readAllBytes(tornSlot);
    bytes[20] ^= 0x5a; // the crash left part of the record unwritten
    Files.write(tornSlot, bytes);
    FileOutbox restarted = new FileOutbox(dir, Clock.systemUTC());
    assertThat(restarted.pending()).containsExactly(kept);
    assertThat(tornSlot.resolveSibling(tornSlot.getFileName() + ".unreadable")).exists();
  }

  private List<Path> files(String glob) throws Exception {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, glob)) {
      s.forEach(out::add);
    }
    return out;
  }
}
