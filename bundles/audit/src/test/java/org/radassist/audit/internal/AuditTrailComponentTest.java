package org.radassist.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.audit.AuditTrail;
import org.radassist.audit.internal.checkpoint.Checkpoint;
import org.radassist.audit.internal.checkpoint.CheckpointLog;

class AuditTrailComponentTest {
  @TempDir Path dir;

  static AuditTrailConfig config(String directory, long rotation) {
    return config(directory, rotation, 60);
  }

  static AuditTrailConfig config(String directory, long rotation, long checkpointSeconds) {
    return new AuditTrailConfig() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return AuditTrailConfig.class;
      }

      @Override
      public String directory() {
        return directory;
      }

      @Override
      public long rotation_size_bytes() {
        return rotation;
      }

      @Override
      public long checkpoint_interval_seconds() {
        return checkpointSeconds;
      }
    };
  }

  @Test
  void the_service_appends_to_the_configured_directory_and_reopens_it() throws Exception {
    AuditTrailComponent component =
        new AuditTrailComponent(config(dir.resolve("trail").toString(), 4096));
    AuditTrail trail = component;
    trail.append(TestEvents.numbered(1));
    trail.append(TestEvents.numbered(2));
    component.deactivate();

    AuditTrailComponent again =
        new AuditTrailComponent(config(dir.resolve("trail").toString(), 4096));
    assertThat(again.head().orElseThrow().seq()).isEqualTo(2);
    assertThat(again.append(TestEvents.numbered(3)).seq()).isEqualTo(3);
    assertThat(again.verify().intact()).isTrue();
    assertThat(again.files()).hasSize(1);
    again.deactivate();
  }

  @Test
  void a_blank_directory_is_the_default_audit_directory_under_the_data_directory()
      throws Exception {
    AuditTrailComponent component = new AuditTrailComponent(config(" ", 4096), dir);
    component.append(TestEvents.numbered(1));
    assertThat(component.files())
        .singleElement()
        .satisfies(f -> assertThat(f.getParent()).isEqualTo(dir.resolve("audit")));
    component.deactivate();
  }

  @Test
  void the_service_signs_a_checkpoint_at_start_at_its_interval_after_appends_and_at_shutdown()
      throws Exception {
    Path trailDir = dir.resolve("trail");
    AuditTrailComponent component = new AuditTrailComponent(config(trailDir.toString(), 4096, 1));
    component.append(TestEvents.numbered(1));
    component.append(TestEvents.numbered(2));
    List<Checkpoint> signed = List.of();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      signed = CheckpointLog.read(trailDir.resolve(CheckpointLog.FILE));
      if (signed.size() >= 2) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(signed).extracting(Checkpoint::kind).startsWith("open", "interval");
    assertThat(signed.get(1).seq()).isEqualTo(2);
    assertThat(signed.get(1).head()).isEqualTo(component.head().orElseThrow().hash());

    component.deactivate();
    List<Checkpoint> all = CheckpointLog.read(trailDir.resolve(CheckpointLog.FILE));
    // nothing appended after the interval checkpoint: no second interval one, then the shutdown
    assertThat(all).extracting(Checkpoint::kind).containsExactly("open", "interval", "close");
    assertThat(all.get(2).seq()).isEqualTo(2);
  }

  @Test
  void records_appended_while_the_trail_opens_in_the_background_are_chained_and_signed()
      throws Exception {
    Path trailDir = dir.resolve("trail");
    AuditTrailComponent component = new AuditTrailComponent(config(trailDir.toString(), 4096, 1));
    // appended at once after activation: each waits for the open, none is lost or out of order
    List<Long> seqs = new java.util.ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      seqs.add(component.append(TestEvents.numbered(i)).seq());
    }
    assertThat(seqs).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(component.verify().intact()).isTrue();
    component.deactivate();

    List<Checkpoint> signed = CheckpointLog.read(trailDir.resolve(CheckpointLog.FILE));
    assertThat(signed.get(0).kind()).isEqualTo("open");
    assertThat(signed.get(signed.size() - 1).kind()).isEqualTo("close");
    assertThat(signed.get(signed.size() - 1).seq()).isEqualTo(5);
  }

  @Test
  void a_trail_that_cannot_be_opened_refuses_every_record_naming_the_reason() throws Exception {
    Path trailDir = dir.resolve("trail");
    AuditTrailComponent first = new AuditTrailComponent(config(trailDir.toString(), 4096));
    first.append(TestEvents.numbered(1));
    first.deactivate();
    Path file = org.radassist.audit.AuditFiles.trailFiles(trailDir).get(0);
    String text = java.nio.file.Files.readString(file);
    java.nio.file.Files.writeString(
        file, text.replace("\"user\":\"u-7f3a\"", "\"user\":\"u-0000\""));

    AuditTrailComponent damaged = new AuditTrailComponent(config(trailDir.toString(), 4096));
    assertThatThrownBy(() -> damaged.append(TestEvents.numbered(2)))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("is not open")
        .hasMessageContaining("hash mismatch");
    assertThat(damaged.head()).isEmpty();
    damaged.deactivate();
    assertThat(java.nio.file.Files.readString(file)).isEqualTo(text.replace("u-7f3a", "u-0000"));
  }

  @Test
  void invalid_configuration_is_refused_with_a_clear_message() {
    assertThatThrownBy(() -> new AuditTrailComponent(config(dir.toString(), 10)))
        .hasMessage("rotation size must be at least 1024 bytes");
    assertThatThrownBy(() -> new AuditTrailComponent(config(dir.toString(), 4096, 0)))
        .hasMessage("checkpoint.interval.seconds must be at least 1, was 0");
  }
}
