package org.radassist.speech.internal.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.model.SectionKind;
import org.radassist.speech.AcceptedReport;
import org.radassist.speech.internal.TypedConfigs;
import org.radassist.speech.testing.Studies;

/** The HL7 results component from its typed configuration, as DS hands it over. */
class Hl7ResultsComponentTest {
  @TempDir Path data;

  private Hl7ResultsComponent component(Map<String, Object> values) throws IOException {
    return new Hl7ResultsComponent(
        TypedConfigs.framework(Map.of("radassist.data.dir", data.toString())),
        TypedConfigs.of(Hl7ResultsComponent.Config.class, values));
  }

  @Test
  void withoutHostAndPortItRefusesResultsAndStoresNothing() throws Exception {
    Hl7ResultsComponent c = component(Map.of("port", 2575));
    try {
      assertThat(c.name()).isEqualTo("HL7 ORU^R01 to (not configured)");
      assertThatThrownBy(
              () ->
                  c.send(
                      new AcceptedReport("PLC1", Map.of(SectionKind.FINDINGS, "No effusion.")),
                      Studies.CHEST_CT))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("not configured");
      assertThat(data.resolve("outbox-hl7")).doesNotExist();
    } finally {
      c.deactivate();
    }
  }

  @Test
  void configuredItsOutboxIsInTheDataDirectory() throws Exception {
    Hl7ResultsComponent c =
        component(Map.of("host", " 127.0.0.1 ", "port", 1, "replay_seconds", 60));
    try {
      assertThat(c.name()).isEqualTo("HL7 ORU^R01 to 127.0.0.1:1");
      assertThat(data.resolve("outbox-hl7")).isDirectory();
    } finally {
      c.deactivate();
    }
  }
}
