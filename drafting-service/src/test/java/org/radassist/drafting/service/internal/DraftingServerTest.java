package org.radassist.drafting.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.DraftingService;
import org.radassist.drafting.service.internal.RecordedChatServer.Exchange;
import org.radassist.drafting.service.internal.llm.ChatBackendConfig;
import org.radassist.drafting.service.internal.llm.ChatDraftingService;
import org.radassist.drafting.service.internal.store.JdbcDraftStore;

/**
 * The drafting service as a client sees it: a real server on an ephemeral loopback port, the
 * embedded rules engine (or the chat backend on a recorded model server where a draft must take
 * time), an H2 store in a temporary folder.
 */
class DraftingServerTest {
  static final String TOKEN = "test-token-1";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  ServiceConfig config() {
    return ServiceConfig.defaults()
        .withPort(0)
        .withTokens(List.of(TOKEN))
        .withReplicaId("replica-a")
        .withRateLimit(0, 1);
  }

  JdbcDraftStore store(String name) throws Exception {
    JdbcDraftStore s = new JdbcDraftStore("jdbc:h2:file:" + dir.resolve(name), 4);
    open.add(s);
    return s;
  }

  DraftingServer start(ServiceConfig config, DraftingService backend, JdbcDraftStore store)
      throws Exception {
    DraftingServer server = new DraftingServer(config, backend, store).start();
    open.add(server);
    return server;
  }

  ServiceClient rulesServer() throws Exception {
    return new ServiceClient(
        start(config(), RulesBackend.create(), store("drafts")).baseUri(), TOKEN);
  }

  /** A chat backend whose model server pauses {@code pauseMillis} before its 5th frame. */
  ChatDraftingService slowBackend(long pauseMillis) throws Exception {
    RecordedChatServer upstream =
        new RecordedChatServer(Exchange.stream("lung-nodule.sse").pausingBefore(5, pauseMillis));
    open.add(upstream);
    ChatDraftingService chat =
        new ChatDraftingService(
            ChatBackendConfig.of(upstream.baseUri(), "llama-3.1-8b-instruct", null),
            RulesBackend.create());
    open.add(chat);
    return chat;
  }

  static String key() {
    return UUID.randomUUID().toString();
  }

  static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  // ------------------------------------------------------------------ streaming

  @Test
  void aDraftStreamsAsSseWithConsecutiveIdsFromStartedToCompleted() throws Exception {
    ServiceClient client = rulesServer();

    HttpResponse<String> r =
        client.send(client.post(ServiceClient.LUNG_NODULE, "Idempotency-Key", key()));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
    SseEvents sse = SseEvents.parse(r.body());
    assertThat(sse.names()).first().isEqualTo("draft.started");
    assertThat(sse.names()).last().isEqualTo("draft.completed");
    assertThat(sse.names()).contains("section.done");
    assertThat(sse.ids())
        .containsExactlyElementsOf(LongStream.rangeClosed(1, sse.events().size()).boxed().toList());
    String draftId = r.headers().firstValue("X-Draft-Id").orElseThrow();
    assertThat(json(sse.first("draft.started").data()).get("draft_id").asText()).isEqualTo(draftId);
    assertThat(json(sse.last().data()).get("draft_id").asText()).isEqualTo(draftId);
    assertThat(r.headers().firstValue("Location")).contains("/v1/drafts/" + draftId);
  }

  @Test
  void acceptJsonAnswersTheFinalObjectWhichGetReturnsAgain() throws Exception {
    ServiceClient client = rulesServer();

    HttpResponse<String> r =
        client.send(client.post(ServiceClient.LUNG_NODULE, "Accept", "application/json"));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
    JsonNode draft = json(r.body());
    assertThat(draft.get("status").asText()).isEqualTo("COMPLETE");
    assertThat(draft.get("sections").size()).isPositive();
    String id = draft.get("draft_id").asText();

    HttpResponse<String> again = client.get("/v1/drafts/" + id);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again.body())).isEqualTo(draft);
  }

  // ------------------------------------------------------------------ idempotency

  @Test
  void theSameKeyAndBodyReplayTheSameDraftEvenWithOtherWhitespace() throws Exception {
    ServiceClient client = rulesServer();
    String k = key();

    HttpResponse<String> first =
        client.send(client.post(ServiceClient.LUNG_NODULE, "Idempotency-Key", k));
    String reformatted = JSON.writeValueAsString(json(ServiceClient.LUNG_NODULE));
    HttpResponse<String> second =
        client.send(client.post(reformatted, "Idempotency-Key", "\"" + k + "\""));

    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(second.headers().firstValue("X-Draft-Id"))
        .isEqualTo(first.headers().firstValue("X-Draft-Id"));
    assertThat(SseEvents.parse(second.body()).events())
        .isEqualTo(SseEvents.parse(first.body()).events());
  }

  @Test
  void theSameKeyWithAnotherBodyIs422AndChangesNothing() throws Exception {
    ServiceClient client = rulesServer();
    String k = key();
    HttpResponse<String> first =
        client.send(client.post(ServiceClient.LUNG_NODULE, "Idempotency-Key", k));

    HttpResponse<String> other =
        client.send(
            client.post(
                ServiceClient.LUNG_NODULE.replace("sess-1", "sess-2"), "Idempotency-Key", k));

    assertProblem(other, 422, "idempotency-key-reused");
    HttpResponse<String> replay =
        client.send(client.post(ServiceClient.LUNG_NODULE, "Idempotency-Key", k));
    assertThat(replay.headers().firstValue("X-Draft-Id"))
        .isEqualTo(first.headers().firstValue("X-Draft-Id"));
  }

  @Test
  void aRetryWhileTheDraftRunsAttachesToItAndSeesEveryEvent() throws Exception {
    DraftingServer server = start(config(), slowBackend(1_500), store("drafts"));
    ServiceClient client = new ServiceClient(server.baseUri(), TOKEN);
    String k = key();

    CompletableFuture<HttpResponse<String>> first =
        CompletableFuture.supplyAsync(
            () -> client.send(client.post(ServiceClient.LUNG_NODULE, "Idempotency-Key", k)));
    awaitRunning(server);
    HttpResponse<String> attached =
        client.send(client.post(ServiceClient.LUNG_NODULE, "Idempotency-Key", k));

    assertThat(attached.statusCode()).isEqualTo(200);
    assertThat(attached.headers().firstValue("Idempotent-Replayed")).contains("true");
    HttpResponse<String> original = first.get();
    assertThat(attached.headers().firstValue("X-Draft-Id"))
        .isEqualTo(original.headers().firstValue("X-Draft-Id"));
    assertThat(SseEvents.parse(attached.body()).events())
        .isEqualTo(SseEvents.parse(original.body()).events());
    assertThat(SseEvents.parse(original.body()).names()).last().isEqualTo("draft.completed");
  }

  @Test
  void aKeyRunningOnAnotherReplicaIs409UntilItFinishesThenReplays() throws Exception {
    JdbcDraftStore shared = store("shared");
    DraftingServer a = start(config().withReplicaId("a"), slowBackend(1_500), shared);
    DraftingServer b = start(config().withReplicaId("b"), RulesBackend.create(), shared);
    ServiceClient toA = new ServiceClient(a.baseUri(), TOKEN);
    ServiceClient toB = new ServiceClient(b.baseUri(), TOKEN);
    String k = key();

    CompletableFuture<HttpResponse<String>> first =
        CompletableFuture.supplyAsync(
            () -> toA.send(toA.post(ServiceClient.LUNG_NODULE, "Idempotency-Key", k)));
    awaitRunning(a);
    HttpResponse<String> busy = toB.send(toB.post(ServiceClient.LUNG_NODULE, "Idempotency-Key", k));

    assertProblem(busy, 409, "request-in-flight");
    assertThat(busy.headers().firstValue("Retry-After")).contains("1");
    String draftId = first.get().headers().firstValue("X-Draft-Id").orElseThrow();
    assertThat(json(busy.body()).get("draft_id").asText()).isEqualTo(draftId);
    HttpResponse<String> replay =
        toB.send(toB.post(ServiceClient.LUNG_NODULE, "Idempotency-Key", k));
    assertThat(replay.headers().firstValue("X-Draft-Id")).contains(draftId);
    assertThat(SseEvents.parse(replay.body()).events())
        .isEqualTo(SseEvents.parse(first.get().body()).events());
  }

  // ------------------------------------------------------------------ resume

  @Test
  void lastEventIdResumesAFinishedDraftAfterTheGivenEvent() throws Exception {
    ServiceClient client = rulesServer();
    String k = key();
    HttpResponse<String> full =
        client.send(client.post(ServiceClient.LUNG_NODULE, "Idempotency-Key", k));
    SseEvents all = SseEvents.parse(full.body());
    String id = full.headers().firstValue("X-Draft-Id").orElseThrow();

    SseEvents viaPost =
        SseEvents.parse(
            client
                .send(
                    client.post(
                        ServiceClient.LUNG_NODULE, "Idempotency-Key", k, "Last-Event-ID", "2"))
                .body());
    SseEvents viaGet =
        SseEvents.parse(
            client
                .get("/v1/drafts/" + id, "Accept", "text/event-stream", "Last-Event-ID", "2")
                .body());

    assertThat(viaPost.events()).isEqualTo(all.events().subList(2, all.events().size()));
    assertThat(viaGet.events()).isEqualTo(viaPost.events());
  }

  @Test
  void aClientThatDroppedMidStreamResumesTheRunningDraftWithoutGapsOrRepeats() throws Exception {
    DraftingServer server = start(config(), slowBackend(1_500), store("drafts"));
    ServiceClient client = new ServiceClient(server.baseUri(), TOKEN);
    String k = key();

    ServiceClient.PartialStream head =
        client.readEventsThenDisconnect(
            client.post(ServiceClient.LUNG_NODULE, "Idempotency-Key", k), 1);
    assertThat(head.events().names()).containsExactly("draft.started");
    SseEvents rest =
        SseEvents.parse(
            client
                .get(
                    "/v1/drafts/" + head.draftId(),
                    "Accept",
                    "text/event-stream",
                    "Last-Event-ID",
                    "1")
                .body());

    assertThat(rest.ids().get(0)).isEqualTo(2);
    assertThat(rest.names()).last().isEqualTo("draft.completed");
    assertThat(rest.ids())
        .containsExactlyElementsOf(
            LongStream.rangeClosed(2, rest.ids().size() + 1).boxed().toList());
  }

  @Test
  void anIdleStreamCarriesHeartbeatComments() throws Exception {
    DraftingServer server =
        start(config().withHeartbeat(Duration.ofMillis(200)), slowBackend(1_200), store("drafts"));
    ServiceClient client = new ServiceClient(server.baseUri(), TOKEN);

    SseEvents sse = SseEvents.parse(client.send(client.post(ServiceClient.LUNG_NODULE)).body());

    assertThat(sse.comments()).contains("ping");
    assertThat(sse.names()).last().isEqualTo("draft.completed");
  }

  @Test
  void aDraftPastItsDeadlineEndsWithARetryableErrorEvent() throws Exception {
    DraftingServer server = start(config(), slowBackend(3_000), store("drafts"));
    ServiceClient client = new ServiceClient(server.baseUri(), TOKEN);

    SseEvents sse =
        SseEvents.parse(
            client
                .send(client.post(ServiceClient.LUNG_NODULE, "X-Request-Deadline-Ms", "500"))
                .body());

    assertThat(sse.last().name()).isEqualTo("error");
    JsonNode error = json(sse.last().data());
    assertThat(error.get("code").asText()).isEqualTo("deadline_exceeded");
    assertThat(error.get("retryable").asBoolean()).isTrue();
  }

  // ------------------------------------------------------------------ auth, limits, problems

  @Test
  void healthAndReadinessNeedNoTokenButReadinessDetailsAndDraftsDo() throws Exception {
    ServiceClient client = rulesServer();
    ServiceClient anonymous = client.withToken(null);

    assertThat(anonymous.get("/health").statusCode()).isEqualTo(200);
    HttpResponse<String> ready = anonymous.get("/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(json(ready.body()).get("status").asText()).isEqualTo("ready");
    // what runs and how busy it is stays with the service's clients
    assertThat(json(ready.body()).has("backend")).isFalse();
    assertThat(json(ready.body()).has("running_drafts")).isFalse();
    JsonNode detailed = json(client.get("/ready").body());
    assertThat(detailed.get("backend").asText()).isNotBlank();
    assertThat(detailed.get("running_drafts").asInt()).isZero();

    HttpResponse<String> missing = anonymous.send(anonymous.post(ServiceClient.LUNG_NODULE));
    assertProblem(missing, 401, "unauthorized");
    assertThat(missing.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    assertProblem(
        client.withToken("wrong").send(client.withToken("wrong").post(ServiceClient.LUNG_NODULE)),
        401,
        "invalid-token");
    assertProblem(anonymous.get("/v1/drafts/d-1"), 401, "unauthorized");
  }

  @Test
  void aClientOverItsRateLimitGets429WithRetryAfterWhileOthersGoOn() throws Exception {
    ServiceConfig limited =
        config().withTokens(List.of(TOKEN, "other-token")).withRateLimit(1.0 / 60, 2);
    ServiceClient client =
        new ServiceClient(start(limited, RulesBackend.create(), store("drafts")).baseUri(), TOKEN);

    assertThat(client.send(client.post(ServiceClient.LUNG_NODULE)).statusCode()).isEqualTo(200);
    assertThat(client.send(client.post(ServiceClient.LUNG_NODULE)).statusCode()).isEqualTo(200);
    HttpResponse<String> third = client.send(client.post(ServiceClient.LUNG_NODULE));

    assertProblem(third, 429, "rate-limited");
    assertThat(third.headers().firstValue("Retry-After"))
        .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
    ServiceClient other = client.withToken("other-token");
    assertThat(other.send(other.post(ServiceClient.LUNG_NODULE)).statusCode()).isEqualTo(200);
  }

  @Test
  void badRequestsGetAProblemAndLeaveNoStateBehind() throws Exception {
    ServiceClient client =
        new ServiceClient(
            start(config().withLimits(8_192, 2_000), RulesBackend.create(), store("drafts"))
                .baseUri(),
            TOKEN);
    String k = key();
    String dictation =
        "\"dictation\":[{\"seq\":1,\"final\":true,\"text\":\"findings: new eight point two mm solid nodule rul series three image forty five. impression: new solid nodule.\"}]";
    record Case(String what, java.net.http.HttpRequest.Builder request, int status, String slug) {}
    List<Case> cases =
        List.of(
            new Case(
                "wrong content type",
                client
                    .post(ServiceClient.LUNG_NODULE, "Idempotency-Key", k)
                    .setHeader("Content-Type", "text/plain"),
                415,
                "unsupported-media-type"),
            new Case(
                "malformed JSON",
                client.post("{\"session\": ", "Idempotency-Key", k),
                400,
                "malformed-json"),
            new Case(
                "huge body",
                client.post(
                    ServiceClient.LUNG_NODULE.replace("annual lung", "x".repeat(10_000)),
                    "Idempotency-Key",
                    k),
                413,
                "body-too-large"),
            new Case(
                "huge dictation",
                client.post(
                    ServiceClient.LUNG_NODULE.replace(
                        "findings: new", "findings: " + "new ".repeat(600)),
                    "Idempotency-Key",
                    k),
                413,
                "dictation-too-long"),
            new Case(
                "binary dictation",
                client.post(
                    ServiceClient.LUNG_NODULE.replace(
                        dictation,
                        "\"dictation\":[{\"seq\":1,\"text\":\"\\u0000\\u0007\\u0002PK\\u0003\\u0004\"}]"),
                    "Idempotency-Key",
                    k),
                422,
                "binary-dictation"),
            new Case(
                "empty dictation",
                client.post(
                    ServiceClient.LUNG_NODULE.replace(dictation, "\"dictation\":[]"),
                    "Idempotency-Key",
                    k),
                422,
                "empty-dictation"),
            new Case(
                "unknown template",
                client.post(
                    ServiceClient.LUNG_NODULE.replace("radassist:default", "mrrt:no-such"),
                    "Idempotency-Key",
                    k),
                422,
                "unknown-template"),
            new Case(
                "not the contract",
                client.post("{\"session\":\"s\"}", "Idempotency-Key", k),
                422,
                "invalid-request"),
            new Case(
                "unanswerable Accept",
                client.post(ServiceClient.LUNG_NODULE, "Idempotency-Key", k, "Accept", "text/html"),
                406,
                "not-acceptable"),
            new Case(
                "bad Idempotency-Key",
                client.post(ServiceClient.LUNG_NODULE, "Idempotency-Key", "has space"),
                400,
                "invalid-idempotency-key"),
            new Case(
                "bad Last-Event-ID",
                client.post(ServiceClient.LUNG_NODULE, "Last-Event-ID", "abc"),
                400,
                "invalid-last-event-id"),
            new Case("unknown path", client.request("/v2/other").GET(), 404, "not-found"),
            new Case(
                "wrong method", client.request("/v1/drafts").DELETE(), 405, "method-not-allowed"),
            new Case(
                "unknown draft",
                client.request("/v1/drafts/d-nope").GET(),
                404,
                "draft-not-found"));

    for (Case c : cases) {
      HttpResponse<String> r = client.send(c.request());
      assertProblem(r, c.status(), c.slug());
    }
    byte[] latin1 =
        ServiceClient.LUNG_NODULE
            .replace("annual", "ann\u00e9e")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    HttpResponse<String> notUtf8 =
        client.send(
            client
                .request("/v1/drafts")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", k)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(latin1)));
    assertProblem(notUtf8, 400, "not-utf8");

    // none of the refused requests claimed the key: a new body with it is a first request
    HttpResponse<String> fresh =
        client.send(
            client.post(
                ServiceClient.LUNG_NODULE.replace("sess-1", "sess-9"), "Idempotency-Key", k));
    assertThat(fresh.statusCode()).isEqualTo(200);
    assertThat(fresh.headers().firstValue("Idempotent-Replayed")).isEmpty();
  }

  // ------------------------------------------------------------------ helpers

  static void assertProblem(HttpResponse<String> r, int status, String slug) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode p = json(r.body());
    assertThat(p.get("type").asText()).isEqualTo("urn:radassist:problem:" + slug);
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(p.get("detail").asText()).isNotBlank();
  }

  static void awaitRunning(DraftingServer server) throws InterruptedException {
    long until = System.nanoTime() + 5_000_000_000L;
    while (server.coordinator().runningCount() == 0) {
      if (System.nanoTime() > until) {
        throw new AssertionError("no draft started within 5 s");
      }
      Thread.sleep(10);
    }
  }
}
