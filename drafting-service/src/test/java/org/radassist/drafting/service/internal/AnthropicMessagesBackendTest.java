package org.radassist.drafting.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.service.internal.RecordedChatServer.Exchange;
import org.radassist.drafting.service.internal.llm.ChatApi;
import org.radassist.drafting.service.internal.llm.ChatBackendConfig;
import org.radassist.drafting.service.internal.llm.ChatDraftingService;
import org.radassist.drafting.wire.DraftWire;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.SectionKind;

/**
 * The model backend speaking Anthropic's Messages API, against recorded streams (the shape of
 * interop.md: message_start, a forced tool's input as input_json_delta pieces, ping, message_delta,
 * message_stop, error events) played by a real HTTP server on loopback.
 */
class AnthropicMessagesBackendTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DraftRequest REQUEST =
      DraftWire.create().readRequest(ServiceClient.LUNG_NODULE);

  private RecordedChatServer upstream;
  private ChatDraftingService backend;

  @AfterEach
  void close() throws Exception {
    if (backend != null) {
      backend.close();
    }
    if (upstream != null) {
      upstream.close();
    }
  }

  private List<DraftEvent> draft(Duration idleTimeout, Exchange... script) throws Exception {
    upstream = new RecordedChatServer(script);
    backend =
        new ChatDraftingService(
            ChatBackendConfig.of(upstream.baseUri(), "claude-sonnet-4-5", "sk-ant-test")
                .withTimeouts(idleTimeout, Duration.ofSeconds(2))
                .withApi(ChatApi.ANTHROPIC_MESSAGES),
            RulesBackend.create());
    List<DraftEvent> events = new CopyOnWriteArrayList<>();
    var call = backend.draft(REQUEST, "k1", events::add);
    try {
      call.result().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException expectedOnFailure) {
      // the terminal event says why
    }
    return events;
  }

  private static DraftEvent.Failed failure(List<DraftEvent> events) {
    DraftEvent last = events.get(events.size() - 1);
    assertThat(last).isInstanceOf(DraftEvent.Failed.class);
    return (DraftEvent.Failed) last;
  }

  @Test
  void theForcedToolsInputBecomesSectionsFieldsAndARulesDisagreementFlag() throws Exception {
    List<DraftEvent> events =
        draft(Duration.ofSeconds(5), Exchange.stream("anthropic-lung-nodule.sse"));

    assertThat(events.get(0)).isInstanceOf(DraftEvent.Started.class);
    assertThat(((DraftEvent.Started) events.get(0)).model().provider())
        .startsWith("anthropic-messages ");
    DraftEvent.Completed done = (DraftEvent.Completed) events.get(events.size() - 1);
    assertThat(done.inputTokens()).isEqualTo(412);
    assertThat(done.outputTokens()).isEqualTo(151);
    assertThat(events)
        .filteredOn(DraftEvent.SectionDone.class::isInstance)
        .extracting(e -> ((DraftEvent.SectionDone) e).text())
        .contains("New 8.2 mm solid nodule in the right upper lobe (series 3, image 45).");
    assertThat(events)
        .filteredOn(DraftEvent.Flags.class::isInstance)
        .flatExtracting(e -> ((DraftEvent.Flags) e).items())
        .filteredOn(f -> ((Flag) f).type() == FlagType.RULES_MODEL_DISAGREEMENT)
        .extracting(f -> ((Flag) f).message())
        .anySatisfy(
            m -> assertThat((String) m).startsWith("Lung-RADS category: model says 4A, rules say"));
  }

  @Test
  void theRequestIsAMessagesCallThatForcesTheSchemaTool() throws Exception {
    draft(Duration.ofSeconds(5), Exchange.stream("anthropic-lung-nodule.sse"));

    RecordedChatServer.Received r = upstream.received().get(0);
    assertThat(r.path()).isEqualTo("/v1/messages");
    assertThat(r.headers())
        .containsEntry("x-api-key", "sk-ant-test")
        .containsEntry("anthropic-version", "2023-06-01")
        .doesNotContainKey("authorization");
    JsonNode sent = JSON.readTree(upstream.requests().get(0));
    assertThat(sent.get("stream").asBoolean()).isTrue();
    assertThat(sent.get("model").asText()).isEqualTo("claude-sonnet-4-5");
    assertThat(sent.get("max_tokens").asInt()).isPositive();
    assertThat(sent.get("system").asText()).contains("radiology reports");
    assertThat(sent.at("/messages/0/role").asText()).isEqualTo("user");
    assertThat(sent.at("/messages/0/content").asText()).contains("eight point two mm");
    assertThat(sent.at("/tools/0/name").asText()).isEqualTo("radassist_draft");
    assertThat(sent.at("/tools/0/input_schema/type").asText()).isEqualTo("object");
    assertThat(sent.at("/tool_choice/type").asText()).isEqualTo("tool");
    assertThat(sent.at("/tool_choice/name").asText()).isEqualTo("radassist_draft");
    assertThat(sent.has("response_format")).isFalse();
    assertThat(sent.get("temperature").asDouble()).isLessThanOrEqualTo(0.3);
  }

  @Test
  void anOverloadedErrorEventMidStreamFailsRetryablyWithoutARetry() throws Exception {
    List<DraftEvent> events =
        draft(
            Duration.ofSeconds(5),
            Exchange.stream("anthropic-overloaded.sse"),
            Exchange.stream("anthropic-lung-nodule.sse"));

    DraftEvent.Failed f = failure(events);
    assertThat(f.code()).isEqualTo("upstream_error");
    assertThat(f.message()).contains("Overloaded");
    assertThat(f.retryable()).isTrue();
    assertThat(upstream.requests()).hasSize(1);
    // Sections whose text was complete before the error went out; the findings, cut off, never.
    assertThat(events)
        .filteredOn(DraftEvent.SectionDone.class::isInstance)
        .extracting(e -> ((DraftEvent.SectionDone) e).section())
        .containsExactly(SectionKind.CLINICAL_HISTORY, SectionKind.COMPARISON);
  }

  @Test
  void anInvalidRequestErrorEventIsNotRetryable() throws Exception {
    DraftEvent.Failed f =
        failure(
            draft(
                Duration.ofSeconds(5),
                new Exchange(
                    200,
                    Map.of("Content-Type", "text/event-stream"),
                    List.of(
                        "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":"
                            + "\"invalid_request_error\",\"message\":\"max_tokens: too large\"}}\n\n"),
                    -1,
                    0,
                    false)));
    assertThat(f.code()).isEqualTo("upstream_error");
    assertThat(f.retryable()).isFalse();
    assertThat(f.message()).contains("max_tokens: too large");
  }

  @Test
  void aStreamThatEndsWithoutMessageStopIsIncomplete() throws Exception {
    DraftEvent.Failed f =
        failure(draft(Duration.ofSeconds(5), Exchange.stream("anthropic-no-stop.sse")));
    assertThat(f.code()).isEqualTo("upstream_incomplete");
  }

  @Test
  void a529OverloadedAnswerIsRetriedWithBackoff() throws Exception {
    List<DraftEvent> events =
        draft(
            Duration.ofSeconds(5),
            Exchange.status(
                529,
                Map.of("Content-Type", "application/json"),
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"),
            Exchange.stream("anthropic-lung-nodule.sse"));
    assertThat(events.get(events.size() - 1)).isInstanceOf(DraftEvent.Completed.class);
    assertThat(upstream.requests()).hasSize(2);
  }

  @Test
  void a429WithRetryAfterIsWaitedOutAndRetried() throws Exception {
    long start = System.nanoTime();
    List<DraftEvent> events =
        draft(
            Duration.ofSeconds(5),
            Exchange.status(
                429,
                Map.of("Retry-After", "1", "Content-Type", "application/json"),
                "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow\"}}"),
            Exchange.stream("anthropic-lung-nodule.sse"));
    assertThat(events.get(events.size() - 1)).isInstanceOf(DraftEvent.Completed.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void aStalledStreamFailsAfterTheIdleTimeout() throws Exception {
    DraftEvent.Failed f =
        failure(
            draft(
                Duration.ofMillis(400),
                // after the first piece of the answer (frame 4): silence now counts as a stall
                Exchange.stream("anthropic-lung-nodule.sse").pausingBefore(5, 3_000)));
    assertThat(f.code()).isEqualTo("upstream_stalled");
  }
}
