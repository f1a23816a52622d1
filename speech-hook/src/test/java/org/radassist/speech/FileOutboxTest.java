package org.radassist.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.speech.internal.FileOutbox;

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
  void aWriteTornByACrashIsNotAnItemAndDamagedItemsAreKeptAside() throws Exception {
    FileOutbox outbox = new FileOutbox(dir, Clock.systemUTC());
    OutboxItem kept = outbox.put("dictation", "k1", "one".getBytes(StandardCharsets.UTF_8));
    Files.writeString(dir.resolve("0000000000000009.tmp"), "{\"id\":\"00000");
    Files.writeString(dir.resolve("0000000000000010.item.json"), "{not json");
    FileOutbox restarted = new FileOutbox(dir, Clock.systemUTC());
    assertThat(restarted.pending()).containsExactly(kept);
    assertThat(dir.resolve("0000000000000009.tmp")).doesNotExist();
    assertThat(dir.resolve("0000000000000010.item.json.unreadable")).exists();
  }
}
