package org.radassist.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.audit.internal.FileAuditTrail;
import org.radassist.audit.internal.WorkstationSession;

class MetricsCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void writeTrail() throws Exception {
    try (FileAuditTrail trail = new FileAuditTrail(dir, 4096)) {
      WorkstationSession.write(trail);
    }
  }

  private int run(String... args) {
    return new MetricsCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
  }

  @Test
  void prints_a_table_per_modality_and_overall() {
    assertThat(run(dir.toString())).isZero();

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text.lines().toList())
        .hasSize(5)
        .satisfies(l -> assertThat(l.get(0)).startsWith("modality  studies accepted"))
        .satisfies(
            l -> assertThat(l.get(1)).startsWith("CR ").contains("50.0%").contains("0:02:00"))
        .satisfies(
            l ->
                assertThat(l.get(2))
                    .startsWith("CT ")
                    .contains("80.0%")
                    .contains("40.0%")
                    .contains("2.00")
                    .contains("0:07:30"))
        .satisfies(
            l -> assertThat(l.get(3)).startsWith("ALL ").contains("71.4%").contains("0:05:00"))
        .satisfies(l -> assertThat(l.get(4)).isEqualTo("15 audit records"));
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void json_output_carries_the_same_figures() throws Exception {
    assertThat(run("--json", dir.toString())).isZero();

    JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(json.get("records").asInt()).isEqualTo(15);
    assertThat(json.at("/by_modality/1/modality").asText()).isEqualTo("CT");
    assertThat(json.at("/by_modality/1/adoption_rate").asDouble()).isEqualTo(0.8);
    assertThat(json.at("/by_modality/1/median_time_to_report_s").asDouble()).isEqualTo(450.0);
    assertThat(json.at("/overall/studies").asInt()).isEqualTo(3);
  }

  @Test
  void no_arguments_or_a_missing_file_exit_1() {
    assertThat(run()).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: radassist metrics");

    err.reset();
    assertThat(run(dir.resolve("missing").toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(dir.resolve("missing") + ": no such file or directory\n");
  }
}
