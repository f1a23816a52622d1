package org.radassist.audit.internal.syslog;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.audit.internal.FileAuditTrail;

class AtnaForwarderComponentTest {
  @TempDir Path dir;

  static AtnaForwarderConfig config(String host, int port, int period) {
    return new AtnaForwarderConfig() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return AtnaForwarderConfig.class;
      }

      @Override
      public String host() {
        return host;
      }

      @Override
      public int port() {
        return port;
      }

      @Override
      public String truststore() {
        return "";
      }

      @Override
      public String truststore_password() {
        return "";
      }

      @Override
      public String keystore() {
        return "";
      }

      @Override
      public String keystore_password() {
        return "";
      }

      @Override
      public String source_id() {
        return "ws-1";
      }

      @Override
      public int period_seconds() {
        return period;
      }
    };
  }

  @Test
  void invalid_configuration_is_refused_with_a_clear_message() throws Exception {
    try (FileAuditTrail trail = new FileAuditTrail(dir, 4096)) {
      assertThatThrownBy(() -> new AtnaForwarderComponent(trail, config(" ", 6514, 30)))
          .hasMessage("host must not be blank");
      assertThatThrownBy(() -> new AtnaForwarderComponent(trail, config("h", 70000, 30)))
          .hasMessage("port must be within 1..65535, was 70000");
      assertThatThrownBy(() -> new AtnaForwarderComponent(trail, config("h", 6514, 0)))
          .hasMessage("period.seconds must be at least 1");
    }
  }
}
