package org.radassist.drafting.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.service.internal.store.JdbcDraftStore;

/**
 * {@code radassist draft --endpoint} against the real service ({@code radassist serve}): the CLI
 * process streams a draft over SSE from the server, and a wrong token is a clear one-line error.
 */
class DraftCommandRoundTripTest {
  static final String TOKEN = "round-trip-token";
  @TempDir Path dir;
  private DraftingServer server;
  private JdbcDraftStore store;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
  }

  private Process draftCli(String token, String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.radassist.cli.draft.DraftCommand"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("RADASSIST_TOKEN", token);
    pb.redirectError(dir.resolve("err.txt").toFile());
    pb.redirectOutput(dir.resolve("out.txt").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the CLI finished").isTrue();
    return p;
  }

  @Test
  void theCliDraftsThroughTheServiceAndNamesARefusedToken() throws Exception {
    store = new JdbcDraftStore("jdbc:h2:file:" + dir.resolve("drafts"), 2);
    server =
        new DraftingServer(
                ServiceConfig.defaults().withPort(0).withTokens(List.of(TOKEN)).withReplicaId("a"),
                RulesBackend.create(),
                store)
            .start();
    File dictation = dir.resolve("dictation.txt").toFile();
    Files.writeString(
        dictation.toPath(),
        "Findings: new eight point two mm solid nodule rul series three image forty five."
            + " No pleural effusion. Impression: new solid nodule right upper lobe.",
        StandardCharsets.UTF_8);
    String endpoint = server.baseUri().toString();

    Process ok =
        draftCli(TOKEN, "--json", "--endpoint", endpoint, "--age", "67", dictation.toString());
    assertThat(ok.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
    JsonNode draft = new ObjectMapper().readTree(dir.resolve("out.txt").toFile());
    assertThat(draft.get("model").get("name").asText()).isEqualTo("radassist-rules");
    assertThat(draft.get("sections").get("findings").asText())
        .isEqualTo(
            "New 8.2 mm solid nodule right upper lobe series 3 image 45. No pleural effusion.");
    assertThat(draft.get("codes").findValuesAsText("code")).contains("R91.1");

    Process refused = draftCli("wrong-token", "--endpoint", endpoint, dictation.toString());
    assertThat(refused.exitValue()).isEqualTo(1);
    String err = Files.readString(dir.resolve("err.txt"));
    assertThat(err).contains("HTTP 401").contains("invalid-token").doesNotContain("\tat ");
  }
}
