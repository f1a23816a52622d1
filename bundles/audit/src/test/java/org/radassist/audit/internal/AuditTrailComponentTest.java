package org.radassist.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.audit.AuditTrail;

class AuditTrailComponentTest {
  @TempDir Path dir;

  static AuditTrailConfig config(String directory, long rotation) {
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
  void invalid_configuration_is_refused_with_a_clear_message() {
    assertThatThrownBy(() -> new AuditTrailComponent(config(dir.toString(), 10)))
        .hasMessage("rotation size must be at least 1024 bytes");
  }
}
