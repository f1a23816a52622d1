package org.radassist.drafting.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        ServeCommand.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpPrintsTheOptionsAndExitsZero() {
    Run r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--port N", "--tls-keystore", "--store URL", "--backend");
  }

  @Test
  void eachBadOptionIsOneLineOnStderrAndExitOne() {
    Run r =
        run(
            "--host", "0.0.0.0",
            "--backend", "openai",
            "--tls-keystore", dir.resolve("missing.p12").toString(),
            "--store", "jdbc:mysql://db/x?password=hunter2");
    assertThat(r.code()).isEqualTo(1);
    String[] lines = r.err().strip().split("\n");
    assertThat(lines).hasSize(6);
    assertThat(lines).allSatisfy(l -> assertThat(l).startsWith("radassist serve: "));
    assertThat(r.err())
        .contains(
            "without --token", "missing.p12", "--tls-keystore needs", "--llm-url", "--llm-model")
        .doesNotContain("hunter2")
        .doesNotContain("Exception");
  }

  @Test
  void malformedNumbersAndUnknownOptionsAreRefused() {
    assertThat(run("--port", "eighty").err())
        .isEqualTo("radassist serve: --port eighty: not a whole number\n");
    assertThat(run("--port", "70000").code()).isEqualTo(1);
    assertThat(run("--frobnicate", "1").err()).contains("unknown option --frobnicate");
    assertThat(run("--port").err()).contains("--port needs a value");
  }

  @Test
  void templateIdsComeFromTheMrrtFolder() throws Exception {
    Path shared = Path.of(System.getProperty("radassist.shared", "/work/shared"));
    Set<String> ids = TemplateCatalog.load(shared.resolve("data/reports/templates"));
    assertThat(ids)
        .contains(
            "radassist:default",
            "mrrt:1.3.6.1.4.1.21367.13.199.1015",
            "mrrt:ihe_connectathon_2015_CTChestAbdomen",
            "ihe_connectathon_2015_CTChestAbdomen");
  }

  @Test
  void theAnthropicBackendNeedsAModelAndDefaultsToAnthropicsApi() {
    assertThat(run("--backend", "anthropic").err())
        .isEqualTo("radassist serve: --backend anthropic needs --llm-model\n");
    ServeCommand.Options o =
        ServeCommand.Options.parse(
            new String[] {"--backend", "anthropic", "--llm-model", "claude-sonnet-4-5"}, Map.of());
    assertThat(o.check()).isEmpty();
    assertThat(o.llmUrl).isEqualTo("https://api.anthropic.com");
    assertThat(run("--backend", "gemini").err())
        .contains("--backend gemini: use rules, openai or anthropic");
  }

  @Test
  void theTokenMayComeFromTheEnvironment() {
    ServeCommand.Options o =
        ServeCommand.Options.parse(
            new String[] {"--port", "0"}, Map.of("RADASSIST_TOKEN", "env-token"));
    assertThat(o.config.tokens()).containsExactly("env-token");
    assertThat(o.check()).isEmpty();
  }

  @Test
  void plainHttpBeyondLoopbackIsRefusedUnlessTlsOrTheInsecureFlagIsGiven() {
    Run refused = run("--host", "0.0.0.0", "--token", "t", "--port", "0");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err())
        .isEqualTo(
            "radassist serve: --host 0.0.0.0 without --tls-keystore: refusing plain HTTP beyond"
                + " loopback (tokens and dictations would cross the network in clear); give"
                + " --tls-keystore, or --allow-insecure-http for a lab\n");

    ServeCommand.Options lab =
        ServeCommand.Options.parse(
            new String[] {"--host", "0.0.0.0", "--token", "t", "--allow-insecure-http"}, Map.of());
    assertThat(lab.check()).isEmpty();
    assertThat(lab.plainHttpBeyondLoopback()).isTrue();

    ServeCommand.Options loopback =
        ServeCommand.Options.parse(new String[] {"--host", "127.0.0.1"}, Map.of());
    assertThat(loopback.check()).isEmpty();
    assertThat(loopback.plainHttpBeyondLoopback()).isFalse();
  }

  @Test
  void connectionLimitsComeFromTheCommandLine() {
    ServeCommand.Options o =
        ServeCommand.Options.parse(
            new String[] {
              "--header-timeout-ms", "2500",
              "--body-timeout-ms", "9000",
              "--max-connections-per-address", "8"
            },
            Map.of());
    assertThat(o.config.connectionLimits())
        .isEqualTo(
            new org.radassist.drafting.service.internal.http.ConnectionLimits(
                java.time.Duration.ofMillis(2500), java.time.Duration.ofMillis(9000), 8));
    assertThat(run("--max-connections-per-address", "0").err())
        .contains("--max-connections-per-address 0: must be between 1 and 100000");
  }

  @Test
  void modelLimitsAndDeadlinesAreSettings() {
    ServeCommand.Options o =
        ServeCommand.Options.parse(
            new String[] {
              "--backend",
              "openai",
              "--llm-url",
              "http://127.0.0.1:8080/gateway/llama/v1",
              "--llm-model",
              "m",
              "--llm-max-tokens",
              "1024",
              "--llm-context-tokens",
              "4096",
              "--llm-first-token-timeout-ms",
              "300000",
              "--llm-idle-timeout-ms",
              "60000",
              "--llm-response-format",
              "json_object",
              "--default-deadline-ms",
              "240000",
              "--max-deadline-ms",
              "600000"
            },
            Map.of());
    assertThat(o.check()).isEmpty();
    assertThat(o.llmMaxTokens).isEqualTo(1024);
    assertThat(o.llmContextTokens).isEqualTo(4096);
    assertThat(o.llmFirstTokenTimeoutMs).isEqualTo(300_000);
    assertThat(o.llmResponseFormat)
        .isEqualTo(
            org.radassist.drafting.service.internal.llm.ChatBackendConfig.ResponseFormat
                .JSON_OBJECT);
    assertThat(o.config.defaultDeadline()).isEqualTo(java.time.Duration.ofMinutes(4));
    assertThat(o.config.maxDeadline()).isEqualTo(java.time.Duration.ofMinutes(10));
  }

  @Test
  void limitsThatCannotWorkAreRefusedOneLineEach() {
    Run r =
        run(
            "--backend",
            "openai",
            "--llm-url",
            "http://127.0.0.1:1",
            "--llm-model",
            "m",
            "--llm-max-tokens",
            "4096",
            "--llm-context-tokens",
            "2048",
            "--default-deadline-ms",
            "600000",
            "--max-deadline-ms",
            "300000");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "--llm-max-tokens 4096 leaves no room for the prompt in --llm-context-tokens 2048")
        .contains("--default-deadline-ms 600000 is longer than --max-deadline-ms 300000");
    assertThat(run("--llm-response-format", "xml").err())
        .contains("--llm-response-format xml: use json_schema or json_object");
  }
}
