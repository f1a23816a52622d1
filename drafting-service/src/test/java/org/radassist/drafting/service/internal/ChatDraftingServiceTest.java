package org.radassist.drafting.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.service.internal.RecordedChatServer.Exchange;
import org.radassist.drafting.service.internal.llm.ChatBackendConfig;
import org.radassist.drafting.service.internal.llm.ChatDraftingService;
import org.radassist.drafting.wire.DraftWire;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;

/**
 * The OpenAI-compatible backend against recorded chat-completions streams played by a real HTTP
 * server on loopback: a good answer, and each way a model server fails.
 */
class ChatDraftingServiceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DraftRequest REQUEST =
      DraftWire.create().readRequest(ServiceClient.LUNG_NODULE);

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

  private List<DraftEvent> draft(Duration idleTimeout, Exchange... script) throws Exception {
    upstream = new RecordedChatServer(script);
    chat =
        new ChatDraftingService(
            ChatBackendConfig.of(upstream.baseUri(), "llama-3.1-8b-instruct", "sk-local")
                .withTimeouts(idleTimeout, Duration.ofSeconds(2)),
            RulesBackend.create());
    List<DraftEvent> events = new CopyOnWriteArrayList<>();
    var call = chat.draft(REQUEST, "k1", events::add);
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
  void aRecordedAnswerBecomesSectionsFieldsAndARulesDisagreementFlag() throws Exception {
    List<DraftEvent> events = draft(Duration.ofSeconds(5), Exchange.stream("lung-nodule.sse"));

    assertThat(events.get(0)).isInstanceOf(DraftEvent.Started.class);
    assertThat(events.get(events.size() - 1)).isInstanceOf(DraftEvent.Completed.class);
    DraftEvent.Completed done = (DraftEvent.Completed) events.get(events.size() - 1);
    assertThat(done.inputTokens()).isEqualTo(412);
    assertThat(done.outputTokens()).isEqualTo(151);
    assertThat(events)
        .filteredOn(DraftEvent.SectionDone.class::isInstance)
        .extracting(e -> ((DraftEvent.SectionDone) e).text())
        .contains("New 8.2 mm solid nodule in the right upper lobe (series 3, image 45).");
    List<Flag> flags =
        events.stream()
            .filter(DraftEvent.Flags.class::isInstance)
            .flatMap(e -> ((DraftEvent.Flags) e).items().stream())
            .collect(Collectors.toList());
    assertThat(flags)
        .filteredOn(f -> f.type() == FlagType.RULES_MODEL_DISAGREEMENT)
        .extracting(Flag::message)
        .anySatisfy(m -> assertThat(m).startsWith("Lung-RADS category: model says 4A, rules say"));
    assertThat(flags).anySatisfy(f -> assertThat(f.message()).contains("Z99.99"));
    // the answer says what was dictated: the faithfulness guard has nothing to say
    assertThat(flags).noneMatch(f -> f.type().faithfulness());

    JsonNode sent = JSON.readTree(upstream.requests().get(0));
    assertThat(sent.get("stream").asBoolean()).isTrue();
    assertThat(sent.at("/response_format/type").asText()).isEqualTo("json_schema");
    assertThat(sent.at("/response_format/json_schema/strict").asBoolean()).isTrue();
    assertThat(sent.get("temperature").asDouble()).isLessThanOrEqualTo(0.3);
    assertThat(sent.at("/messages/1/content").asText()).contains("eight point two mm");
  }

  @Test
  void aChunkThatIsNotJsonFailsTheDraftAsMalformed() throws Exception {
    DraftEvent.Failed f =
        failure(draft(Duration.ofSeconds(5), Exchange.stream("malformed-chunk.sse")));
    assertThat(f.code()).isEqualTo("upstream_malformed");
    assertThat(f.retryable()).isTrue();
  }

  @Test
  void anErrorObjectMidStreamFailsTheDraftWithoutARetry() throws Exception {
    List<DraftEvent> events =
        draft(
            Duration.ofSeconds(5),
            Exchange.stream("mid-stream-error.sse"),
            Exchange.stream("lung-nodule.sse"));
    DraftEvent.Failed f = failure(events);
    assertThat(f.code()).isEqualTo("upstream_error");
    assertThat(f.message()).contains("overloaded");
    assertThat(f.retryable()).isTrue();
    assertThat(upstream.requests()).hasSize(1);
  }

  @Test
  void aStreamThatEndsWithoutDoneIsIncomplete() throws Exception {
    DraftEvent.Failed f = failure(draft(Duration.ofSeconds(5), Exchange.stream("no-done.sse")));
    assertThat(f.code()).isEqualTo("upstream_incomplete");
  }

  @Test
  void aStalledStreamFailsAfterTheIdleTimeout() throws Exception {
    long start = System.nanoTime();
    DraftEvent.Failed f =
        failure(
            draft(
                Duration.ofMillis(400),
                Exchange.stream("lung-nodule.sse").pausingBefore(3, 3_000)));
    assertThat(f.code()).isEqualTo("upstream_stalled");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
  }

  @Test
  void a429WithAShortRetryAfterIsWaitedOutAndRetried() throws Exception {
    long start = System.nanoTime();
    List<DraftEvent> events =
        draft(
            Duration.ofSeconds(5),
            Exchange.status(
                429,
                Map.of("Retry-After", "1", "Content-Type", "application/json"),
                "{\"error\":{\"message\":\"rate limit\"}}"),
            Exchange.stream("lung-nodule.sse"));
    assertThat(events.get(events.size() - 1)).isInstanceOf(DraftEvent.Completed.class);
    assertThat(upstream.requests()).hasSize(2);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void a429WithALongRetryAfterFailsRetryablyAtOnce() throws Exception {
    DraftEvent.Failed f =
        failure(
            draft(
                Duration.ofSeconds(5),
                Exchange.status(429, Map.of("Retry-After", "120"), "slow down")));
    assertThat(f.code()).isEqualTo("upstream_rate_limited");
    assertThat(f.retryable()).isTrue();
    assertThat(f.message()).contains("120 s");
    assertThat(upstream.requests()).hasSize(1);
  }

  @Test
  void a503IsRetriedWithBackoff() throws Exception {
    List<DraftEvent> events =
        draft(
            Duration.ofSeconds(5),
            Exchange.status(503, Map.of(), "busy"),
            Exchange.stream("lung-nodule.sse"));
    assertThat(events.get(events.size() - 1)).isInstanceOf(DraftEvent.Completed.class);
    assertThat(upstream.requests()).hasSize(2);
  }

  @Test
  void a401IsNotRetried() throws Exception {
    DraftEvent.Failed f =
        failure(
            draft(
                Duration.ofSeconds(5), Exchange.status(401, Map.of(), "{\"error\":\"bad key\"}")));
    assertThat(f.code()).isEqualTo("upstream_rejected");
    assertThat(f.retryable()).isFalse();
    assertThat(f.message()).contains("401");
    assertThat(upstream.requests()).hasSize(1);
  }

  @Test
  void anAnswerOutsideTheSchemaIsRefused() throws Exception {
    DraftEvent.Failed f =
        failure(draft(Duration.ofSeconds(5), Exchange.stream("schema-violation.sse")));
    assertThat(f.code()).isEqualTo("model_output_invalid");
    assertThat(f.message()).contains("is required");
    // fixed seed, low temperature: the same request gives the same invalid answer
    assertThat(f.retryable()).isFalse();
  }
}
