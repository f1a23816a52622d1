package org.radassist.drafting.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.radassist.drafting.DraftAssembler;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.service.internal.RecordedChatServer.Exchange;
import org.radassist.drafting.service.internal.llm.ChatBackendConfig;
import org.radassist.drafting.service.internal.llm.ChatDraftingService;
import org.radassist.drafting.wire.DraftWire;
import org.radassist.model.DraftReport;
import org.radassist.model.DraftStatus;
import org.radassist.model.Evidence;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.Section;

/**
 * The OpenAI-compatible backend against streams captured from a real llama.cpp {@code llama-server}
 * (b4748, c392e5094, CPU) serving the 260K-parameter stories260K test model, played back by a real
 * HTTP server on loopback. The model's text is nonsense by design: what is tested is how RadAssist
 * reads a real server's bytes, and that a draft which says nothing of what was dictated is never
 * shown as clean. Capture settings are in src/test/resources/llm/README.md.
 */
class LlamaServerRecordingsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String LUNG_4A =
      "Findings: New 9 mm solid nodule in the right upper lobe, series 3 image 45. No pleural"
          + " effusion. No pneumothorax.\n"
          + "Impression: New 9 mm solid right upper lobe nodule, Lung-RADS 4A. Recommend 3-month"
          + " low-dose CT.\n";
  static final String PE =
      "Findings: Filling defects in the right lower lobe segmental pulmonary arteries consistent"
          + " with acute pulmonary embolism. The RV/LV ratio is 1.2, suggesting right heart strain."
          + " No pleural effusion.\n"
          + "Impression: Acute right lower lobe pulmonary embolism with right heart strain.\n";
  static final String BIRADS_MISMATCH =
      "Findings: Irregular spiculated mass in the left breast at 2 o'clock, 14 mm, with associated"
          + " pleomorphic calcifications. No axillary lymphadenopathy.\n"
          + "Impression: BI-RADS 2, benign. Routine screening mammography in 1 year.\n";

  private RecordedChatServer upstream;
  private ChatDraftingService chat;

  @AfterEach
  void close() throws Exception {
    if (chat != null) {
      chat.close();
    }
    if (upstream != null) {
      upstream.close();
    }
  }

  /**
   * The request `radassist draft --modality M FILE` sends: no patient, no study token beyond it.
   */
  static DraftRequest request(String modality, String dictation) throws Exception {
    return DraftWire.create()
        .readRequest(
            "{\"schema_version\":\"1.0\",\"session\":\"s\",\"study\":{\"token\":\"cli-study\","
                + "\"modality\":\""
                + modality
                + "\"},\"dictation\":[{\"seq\":1,\"final\":true,\"text\":"
                + JSON.writeValueAsString(dictation)
                + "}],\"template\":{\"id\":\"radassist:default\"}}");
  }

  private record Run(
      List<DraftEvent> events, List<Long> arrivalMillis, long startNanos, DraftReport report) {
    DraftEvent.Failed failure() {
      DraftEvent last = events.get(events.size() - 1);
      assertThat(last).isInstanceOf(DraftEvent.Failed.class);
      return (DraftEvent.Failed) last;
    }
  }

  private Run draft(
      DraftRequest request,
      UnaryOperator<ChatBackendConfig> settings,
      UnaryOperator<RecordedChatServer> server,
      Exchange... script)
      throws Exception {
    upstream = server.apply(new RecordedChatServer(script));
    chat =
        new ChatDraftingService(
            settings.apply(
                ChatBackendConfig.of(upstream.baseUri(), "stories260K", null)
                    .withResponseFormat(ChatBackendConfig.ResponseFormat.JSON_OBJECT)
                    .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(2))),
            RulesBackend.create());
    List<DraftEvent> events = new CopyOnWriteArrayList<>();
    List<Long> at = new CopyOnWriteArrayList<>();
    DraftAssembler assembler = DraftAssembler.create("cli-study", Clock.systemUTC());
    long start = System.nanoTime();
    var call =
        chat.draft(
            request,
            "k1",
            e -> {
              at.add((System.nanoTime() - start) / 1_000_000);
              events.add(e);
              synchronized (assembler) {
                assembler.accept(e);
              }
            });
    try {
      call.result().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException expectedOnFailure) {
      // the terminal event says why
    }
    synchronized (assembler) {
      return new Run(events, at, start, assembler.snapshot());
    }
  }

  private Run draft(DraftRequest request, Exchange... script) throws Exception {
    return draft(request, c -> c, s -> s, script);
  }

  private static void assertEvidenceInShownText(DraftReport r) {
    for (Flag f : r.flags()) {
      for (Evidence e : f.evidence()) {
        String shown = r.section(e.section()).map(Section::text).orElse("");
        assertThat(e.end()).as(f.message()).isLessThanOrEqualTo(shown.length());
        assertThat(shown.substring(e.start(), e.end())).isEqualTo(e.quote());
      }
    }
    for (var field : r.structuredFields()) {
      for (Evidence e : field.evidence()) {
        String shown = r.section(e.section()).map(Section::text).orElse("");
        assertThat(e.end()).as(field.field()).isLessThanOrEqualTo(shown.length());
        assertThat(shown.substring(e.start(), e.end())).isEqualTo(e.quote());
      }
    }
  }

  @Test
  void theNonsenseLungRads4aDraftIsFlaggedAsOmittingTheNodule() throws Exception {
    Run run = draft(request("CT", LUNG_4A), Exchange.stream("llamacpp-lung-4a.sse"));

    assertThat(run.report().status()).isEqualTo(DraftStatus.COMPLETE);
    assertThat(run.report().section(org.radassist.model.SectionKind.FINDINGS).orElseThrow().text())
        .isEqualTo("Well all the other Areter,");
    assertThat(run.report().failsFaithfulness()).isTrue();
    assertThat(run.report().flags())
        .filteredOn(f -> f.type() == FlagType.OMITTED_FINDING)
        .extracting(Flag::message)
        .anyMatch(
            m ->
                m.startsWith("dictated finding missing")
                    && m.contains("New 9 mm solid nodule in the right upper lobe"))
        .anyMatch(
            m ->
                m.startsWith("dictated negative finding missing") && m.contains("No pneumothorax"));
    assertEvidenceInShownText(run.report());
  }

  @Test
  void theNonsensePulmonaryEmbolismDraftIsFlaggedAsOmittingTheEmbolism() throws Exception {
    Run run = draft(request("CT", PE), Exchange.stream("llamacpp-pe.sse"));

    assertThat(run.report().failsFaithfulness()).isTrue();
    // each dictated positive finding, as a WARNING of its own (not only the pertinent negative)
    assertThat(run.report().flags())
        .filteredOn(
            f ->
                f.type() == FlagType.OMITTED_FINDING
                    && f.severity() == org.radassist.model.Severity.WARNING)
        .extracting(Flag::message)
        .anyMatch(m -> m.contains("Filling defects") && m.contains("pulmonary embolism"))
        .anyMatch(m -> m.startsWith("dictated finding missing") && m.contains("Acute right lower"));
    assertThat(run.report().hasCriticalResult()).isTrue(); // the rules still see the PE
    assertEvidenceInShownText(run.report());
  }

  @Test
  void theNonsenseBiRadsMismatchDraftIsFlaggedAsOmittingTheMass() throws Exception {
    Run run = draft(request("MG", BIRADS_MISMATCH), Exchange.stream("llamacpp-birads.sse"));

    assertThat(run.report().failsFaithfulness()).isTrue();
    assertThat(run.report().flags())
        .filteredOn(
            f ->
                f.type() == FlagType.OMITTED_FINDING
                    && f.severity() == org.radassist.model.Severity.WARNING)
        .extracting(Flag::message)
        .anyMatch(m -> m.contains("spiculated mass in the left breast"));
    assertEvidenceInShownText(run.report());
  }

  @Test
  void sectionsAreReleasedWhileTheAnswerIsStillStreaming() throws Exception {
    List<String> frames = RecordedChatServer.frames("llamacpp-lung-4a.sse");
    // hold back the answer's last frames for 1.5 s: the sections are complete well before them
    Run run =
        draft(
            request("CT", LUNG_4A),
            Exchange.stream("llamacpp-lung-4a.sse").pausingBefore(frames.size() - 3, 1_500));

    // causal, not timed: every section arrived before the server sent the frames after the pause,
    // the completed draft only after them
    long resumedMillis = (upstream.resumedNanos() - run.startNanos()) / 1_000_000;
    int completed = run.events().size() - 1;
    assertThat(run.events().get(completed)).isInstanceOf(DraftEvent.Completed.class);
    assertThat(run.arrivalMillis().get(completed)).isGreaterThanOrEqualTo(resumedMillis);
    List<Long> sectionArrivals = new ArrayList<>();
    for (int i = 0; i < run.events().size(); i++) {
      if (run.events().get(i) instanceof DraftEvent.SectionDone) {
        sectionArrivals.add(run.arrivalMillis().get(i));
      }
    }
    assertThat(sectionArrivals)
        .hasSize(4)
        .allSatisfy(t -> assertThat(t).isLessThanOrEqualTo(resumedMillis));
  }

  @Test
  void llamaCppsInBandErrorLineIsAPromptTooLongThatIsNotRetried() throws Exception {
    Run run =
        draft(
            request("CT", LUNG_4A),
            Exchange.stream("llamacpp-context-error.sse"),
            Exchange.stream("llamacpp-lung-4a.sse"));

    DraftEvent.Failed f = run.failure();
    assertThat(f.code()).isEqualTo("prompt_too_long");
    assertThat(f.retryable()).isFalse();
    assertThat(f.message())
        .contains("exceeds the available context size")
        .contains("--ctx-size")
        .contains("--llm-max-tokens");
    assertThat(upstream.requests()).hasSize(1);
  }

  @Test
  void aPromptTheServerSilentlyCutIsRefused() throws Exception {
    Run run =
        draft(
            request("CT", LUNG_4A),
            c -> c,
            s -> s.withTokenizer("llamacpp-tokenize-lung-4a.json"),
            Exchange.stream("llamacpp-truncated.sse"));

    DraftEvent.Failed f = run.failure();
    assertThat(f.code()).isEqualTo("prompt_truncated");
    assertThat(f.retryable()).isFalse();
    assertThat(f.message()).contains("read 233 prompt tokens").contains("at least 556");
    assertThat(f.message()).contains("--ctx-size").contains("--no-context-shift");
    assertThat(upstream.tokenizeRequests()).hasSize(1);
    assertThat(upstream.tokenizeRequests().get(0)).startsWith("/tokenize ");
    assertThat(run.report().status()).isEqualTo(DraftStatus.FAILED);
  }

  @Test
  void thePromptThatFitsIsNotCalledTruncated() throws Exception {
    Run run =
        draft(
            request("CT", LUNG_4A),
            c -> c,
            s -> s.withTokenizer("llamacpp-tokenize-lung-4a.json"),
            Exchange.stream("llamacpp-lung-4a.sse"));
    assertThat(run.events().get(run.events().size() - 1)).isInstanceOf(DraftEvent.Completed.class);
  }

  @Test
  void aPromptThatCannotFitTheConfiguredContextIsRefusedBeforeItIsSent() throws Exception {
    Run run =
        draft(
            request("CT", LUNG_4A),
            c -> c.withTokens(2048, 2304),
            s -> s.withTokenizer("llamacpp-tokenize-lung-4a.json"),
            Exchange.stream("llamacpp-lung-4a.sse"));
    DraftEvent.Failed f = run.failure();
    assertThat(f.code()).isEqualTo("prompt_too_long");
    assertThat(f.retryable()).isFalse();
    assertThat(f.message()).contains("556").contains("2048").contains("2304");
    assertThat(upstream.requests()).isEmpty();
  }

  @Test
  void llamaCpps401NamesTheApiKeySettingAndIsNotRetried() throws Exception {
    String body =
        new String(
            LlamaServerRecordingsTest.class
                .getResourceAsStream("/llm/llamacpp-401.json")
                .readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    Run run =
        draft(
            request("CT", LUNG_4A),
            Exchange.status(401, Map.of("Content-Type", "application/json"), body));
    DraftEvent.Failed f = run.failure();
    assertThat(f.code()).isEqualTo("upstream_rejected");
    assertThat(f.retryable()).isFalse();
    assertThat(f.message()).contains("401").contains("Invalid API Key").contains("--llm-api-key");
    assertThat(upstream.requests()).hasSize(1);
  }

  @Test
  void aServerThatFreezesMidAnswerIsAStallAfterTheIdleTimeout() throws Exception {
    List<String> frames = RecordedChatServer.frames("llamacpp-stall.sse");
    long start = System.nanoTime();
    Run run =
        draft(
            request("CT", LUNG_4A),
            c -> c.withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2)),
            s -> s,
            Exchange.stream("llamacpp-stall.sse").pausingBefore(frames.size(), 4_000));
    DraftEvent.Failed f = run.failure();
    assertThat(f.code()).isEqualTo("upstream_stalled");
    assertThat(f.retryable()).isTrue();
    assertThat(f.message()).contains("500 ms").contains("--llm-idle-timeout-ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3_500));
  }

  @Test
  void theWaitForTheFirstTokenIsNotCountedAgainstTheIdleTimeout() throws Exception {
    // prompt reading on a slow server: 1.2 s of silence before the first byte, idle limit 500 ms
    Run run =
        draft(
            request("CT", LUNG_4A),
            c ->
                c.withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2))
                    .withFirstTokenTimeout(Duration.ofSeconds(5)),
            s -> s,
            Exchange.stream("llamacpp-lung-4a.sse").pausingBefore(0, 1_200));
    assertThat(run.events().get(run.events().size() - 1)).isInstanceOf(DraftEvent.Completed.class);
  }

  @Test
  void noFirstTokenWithinItsTimeoutNamesThatSetting() throws Exception {
    Run run =
        draft(
            request("CT", LUNG_4A),
            c -> c.withFirstTokenTimeout(Duration.ofMillis(400)),
            s -> s,
            Exchange.stream("llamacpp-lung-4a.sse").pausingBefore(0, 3_000));
    DraftEvent.Failed f = run.failure();
    assertThat(f.code()).isEqualTo("upstream_stalled");
    assertThat(f.message()).contains("--llm-first-token-timeout-ms");
  }

  @Test
  void aGatewayBaseUrlKeepsItsPathPrefix() throws Exception {
    upstream = new RecordedChatServer(Exchange.stream("llamacpp-lung-4a.sse"));
    chat =
        new ChatDraftingService(
            ChatBackendConfig.of(
                java.net.URI.create(upstream.baseUri() + "/gateway/llama/v1"), "stories260K", null),
            RulesBackend.create());
    chat.draft(request("CT", LUNG_4A), "k1", e -> {})
        .result()
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    assertThat(upstream.received().get(0).path()).isEqualTo("/gateway/llama/v1/chat/completions");
  }

  @Test
  void theRequestCarriesTheConfiguredTokenBudgetAndOnlyWhatIsKnown() throws Exception {
    draft(
        request("", LUNG_4A),
        c -> c.withTokens(700, 0),
        s -> s,
        Exchange.stream("llamacpp-lung-4a.sse"));
    JsonNode sent = JSON.readTree(upstream.requests().get(0));
    assertThat(sent.get("max_tokens").asInt()).isEqualTo(700);
    assertThat(sent.at("/response_format/type").asText()).isEqualTo("json_object");
    assertThat(sent.at("/response_format/schema/required").toString()).contains("sections");
    String user = sent.at("/messages/1/content").asText();
    assertThat(user).doesNotContain("Study:").doesNotContain("Patient:").doesNotContain("UNKNOWN");
    assertThat(user).startsWith("Dictation:\nFindings: New 9 mm");
  }
}
