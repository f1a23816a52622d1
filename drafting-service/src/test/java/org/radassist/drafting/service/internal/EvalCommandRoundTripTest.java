package org.radassist.drafting.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.service.internal.store.JdbcDraftStore;

/**
 * {@code radassist eval impressions --endpoint} scores whatever backend the drafting service runs:
 * on real IU reports, the service's rules backend must score exactly as the embedded engine does.
 */
class EvalCommandRoundTripTest {
  static final String TOKEN = "eval-token";
  @TempDir Path dir;
  private DraftingServer server;
  private JdbcDraftStore store;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
  }

  /** The first {@code n} reports of the shared IU CSV (read by path, written to a temp file). */
  private Path firstReports(int n) throws Exception {
    Path shared = Path.of(System.getProperty("radassist.shared", "/work/shared"));
    List<String> lines =
        Files.readAllLines(shared.resolve("data/reports/iu_cxr_300_findings_impression.csv"));
    Path csv = dir.resolve("iu-first.csv");
    Files.write(csv, lines.subList(0, n + 1)); // one report per line in this file
    return csv;
  }

  private Process eval(String token, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.radassist.cli.eval.EvalCommand",
                "impressions"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("RADASSIST_TOKEN", token);
    pb.redirectError(dir.resolve("err.txt").toFile());
    pb.redirectOutput(dir.resolve("out.txt").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("eval finished").isTrue();
    return p;
  }

  private JsonNode evalJson(String... args) throws Exception {
    Process p = eval(TOKEN, args);
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
    return new ObjectMapper().readTree(dir.resolve("out.txt").toFile());
  }

  private static String provider() {
    return RulesBackend.create().model().provider();
  }

  @Test
  void theServicesBackendIsScoredAndARefusedTokenStopsAtOnce() throws Exception {
    store = new JdbcDraftStore("jdbc:h2:file:" + dir.resolve("drafts"), 2);
    server =
        new DraftingServer(
                ServiceConfig.defaults()
                    .withPort(0)
                    .withTokens(List.of(TOKEN))
                    .withReplicaId("eval")
                    .withRateLimit(0, 1),
                RulesBackend.create(),
                store)
            .start();
    Path csv = firstReports(25);

    JsonNode embedded = evalJson("--reports", csv.toString(), "--json");
    JsonNode remote =
        evalJson("--reports", csv.toString(), "--json", "--endpoint", server.baseUri().toString());

    assertThat(embedded.get("backend").asText()).isEqualTo("embedded rules engine");
    assertThat(remote.get("backend").asText())
        .isEqualTo(
            "drafting service " + server.baseUri() + ": radassist-rules (" + provider() + ")");
    assertThat(remote.get("reports").asInt()).isEqualTo(embedded.get("reports").asInt());
    assertThat(remote.get("reports").asInt()).isGreaterThan(20);
    for (String metric :
        List.of(
            "rouge_l_f1",
            "bleu_4",
            "rule_label_f1_micro",
            "rule_label_f1_macro",
            "flag_counts_on_original_reports")) {
      assertThat(remote.get(metric)).as(metric).isEqualTo(embedded.get(metric));
    }

    Process refused =
        eval(
            "not-the-token",
            "--reports",
            csv.toString(),
            "--endpoint",
            server.baseUri().toString());
    assertThat(refused.exitValue()).isEqualTo(1);
    assertThat(Files.readAllLines(dir.resolve("err.txt")))
        .singleElement()
        .satisfies(l -> assertThat(l).startsWith("radassist eval: the drafting service refused"));
  }
}
