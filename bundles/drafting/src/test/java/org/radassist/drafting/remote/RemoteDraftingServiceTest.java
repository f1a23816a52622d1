package org.radassist.drafting.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.radassist.drafting.DictationChunk;
import org.radassist.drafting.DraftCall;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftingException;
import org.radassist.drafting.StudyInfo;
import org.radassist.drafting.internal.remote.SseDraftingService;
import org.radassist.drafting.wire.DraftWire;
import org.radassist.model.DraftReport;
import org.radassist.model.DraftStatus;
import org.radassist.model.ModelInfo;
import org.radassist.model.SectionKind;

/**
 * The remote client against a scripted drafting service on a real HTTP server (the JDK's) on
 * 127.0.0.1: each request gets the next scripted behaviour, so faults come in a known order.
 */
class RemoteDraftingServiceTest {
  static final DraftWire WIRE = DraftWire.create();
  static final DraftRequest REQUEST =
      new DraftRequest(
          null,
          "se-1",
          new StudyInfo("st-1", "CT", "CHEST", null, null, null),
          null,
          "",
          List.of(new DictationChunk(1, true, "new eight mm nodule right upper lobe")),
          null,
          null,
          null,
          null,
          null);
  static final List<DraftEvent> EVENTS =
      List.of(
          new DraftEvent.Started("d-1", new ModelInfo("m", "1", "test")),
          new DraftEvent.SectionDelta(SectionKind.FINDINGS, "New 8 mm nodule. "),
          new DraftEvent.SectionDelta(SectionKind.FINDINGS, "Right upper lobe."),
          new DraftEvent.SectionDone(
              SectionKind.FINDINGS, "New 8 mm nodule. Right upper lobe.", "ab"),
          new DraftEvent.Completed("d-1", 1, 2, 3, 4, "cd"));

  /** One request as the server saw it. */
  record Seen(long atNanos, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  @FunctionalInterface
  interface Behaviour {
    void answer(HttpExchange exchange) throws IOException, InterruptedException;
  }

  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final List<Behaviour> script = new ArrayList<>();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final OkHttpClient http = new OkHttpClient();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
    scheduler.shutdownNow();
    http.dispatcher().executorService().shutdownNow();
  }

  URI start(Behaviour... behaviours) throws IOException {
    script.addAll(List.of(behaviours));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/v1/drafts",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int n = seen.size();
          seen.add(new Seen(System.nanoTime(), Map.copyOf(ex.getRequestHeaders()), body));
          try {
            script.get(Math.min(n, script.size() - 1)).answer(ex);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (IOException clientGone) {
            // the client closed the stream (cancel)
          } finally {
            ex.close();
          }
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  RemoteDraftingService client(URI base, Duration firstEvent, Duration overall) {
    return RemoteDraftingService.create(
        RemoteConfig.defaults(base, "token-1")
            .withTimeouts(Duration.ofSeconds(3), firstEvent, Duration.ofSeconds(5), overall)
            .withRetries(2, Duration.ofMillis(50), Duration.ofMillis(200)),
        http,
        scheduler,
        RandomGenerator.getDefault(),
        Clock.systemUTC());
  }

  RemoteDraftingService client(URI base) {
    return client(base, Duration.ofSeconds(5), Duration.ofSeconds(20));
  }

  /** Streams events {@code from..to} (1-based ids) and ends the response. */
  static Behaviour stream(int from, int to) {
    return ex -> {
      ex.getResponseHeaders().add("Content-Type", "text/event-stream");
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      for (int i = from; i <= to; i++) {
        out.write(WIRE.encode(EVENTS.get(i - 1)).toSse(i).getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    };
  }

  static Behaviour status(int code, String retryAfter) {
    return ex -> {
      if (retryAfter != null) {
        ex.getResponseHeaders().add("Retry-After", retryAfter);
      }
      byte[] b = ("{\"status\":" + code + "}").getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/problem+json");
      ex.sendResponseHeaders(code, b.length);
      ex.getResponseBody().write(b);
    };
  }

  static Behaviour problem(int code, String type, String retryAfter) {
    return ex -> {
      if (retryAfter != null) {
        ex.getResponseHeaders().add("Retry-After", retryAfter);
      }
      byte[] b =
          ("{\"type\":\"urn:radassist:problem:" + type + "\",\"status\":" + code + "}")
              .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/problem+json");
      ex.sendResponseHeaders(code, b.length);
      ex.getResponseBody().write(b);
    };
  }

  static Behaviour stall(long millis) {
    return ex -> Thread.sleep(millis);
  }

  @Test
  void aDraftStreamsWithTheContractsHeadersAndBody() throws Exception {
    URI base = start(stream(1, 5));
    List<DraftEvent> got = new CopyOnWriteArrayList<>();

    DraftCall call = client(base).draft(REQUEST, "key-1", got::add);
    DraftReport report = call.result().toCompletableFuture().get(20, TimeUnit.SECONDS);

    assertThat(got).containsExactlyElementsOf(EVENTS);
    assertThat(report.status()).isEqualTo(DraftStatus.COMPLETE);
    assertThat(report.section(SectionKind.FINDINGS).orElseThrow().text())
        .isEqualTo("New 8 mm nodule. Right upper lobe.");
    Seen s = seen.get(0);
    assertThat(s.header("Idempotency-Key")).isEqualTo("key-1");
    assertThat(s.header("Authorization")).isEqualTo("Bearer token-1");
    assertThat(s.header("Accept")).isEqualTo("text/event-stream");
    assertThat(s.header("X-Request-Deadline-Ms")).isEqualTo("20000");
    assertThat(WIRE.readRequest(s.body())).isEqualTo(REQUEST);
  }

  @Test
  void unavailableAndTooManyRequestsAreRetriedWithTheSameKeyHonouringRetryAfter() throws Exception {
    URI base = start(status(503, null), status(429, "1"), stream(1, 5));
    List<DraftEvent> got = new CopyOnWriteArrayList<>();

    client(base)
        .draft(REQUEST, "key-2", got::add)
        .result()
        .toCompletableFuture()
        .get(20, TimeUnit.SECONDS);

    assertThat(seen).hasSize(3).extracting(x -> x.header("Idempotency-Key")).containsOnly("key-2");
    assertThat(Duration.ofNanos(seen.get(2).atNanos() - seen.get(1).atNanos()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    assertThat(got)
        .containsExactlyElementsOf(EVENTS); // the failures before the stream are not events
  }

  @Test
  void otherClientErrorsAreNeverRetried() throws Exception {
    URI base = start(status(422, null), stream(1, 5));
    List<DraftEvent> got = new CopyOnWriteArrayList<>();

    DraftCall call = client(base).draft(REQUEST, "key-3", got::add);

    assertThat(call.result().toCompletableFuture())
        .failsWithin(Duration.ofSeconds(20))
        .withThrowableThat()
        .havingCause()
        .isInstanceOf(DraftingException.class)
        .withMessageContaining("HTTP 422");
    assertThat(seen).hasSize(1);
    assertThat(got)
        .singleElement()
        .isInstanceOfSatisfying(DraftEvent.Failed.class, f -> assertThat(f.retryable()).isFalse());
  }

  @Test
  void aKeyStillInFlightIsAskedAgainButAnyOtherConflictIsFinal() throws Exception {
    URI base = start(problem(409, "request-in-flight", "0"), stream(1, 5));
    List<DraftEvent> got = new CopyOnWriteArrayList<>();
    client(base)
        .draft(REQUEST, "key-409", got::add)
        .result()
        .toCompletableFuture()
        .get(20, TimeUnit.SECONDS);
    assertThat(seen)
        .hasSize(2)
        .extracting(x -> x.header("Idempotency-Key"))
        .containsOnly("key-409");
    assertThat(got).containsExactlyElementsOf(EVENTS);

    assertThat(SseDraftingService.inFlight(409, "{\"type\":\"urn:x:key-reused\"}")).isFalse();
    assertThat(SseDraftingService.inFlight(422, "request-in-flight")).isFalse();
  }

  @Test
  void aStreamCutAfterContentIsResumedWithLastEventIdWithoutRepeatingEvents() throws Exception {
    URI base = start(stream(1, 2), stream(3, 5));
    List<DraftEvent> got = new CopyOnWriteArrayList<>();

    client(base)
        .draft(REQUEST, "key-4", got::add)
        .result()
        .toCompletableFuture()
        .get(20, TimeUnit.SECONDS);

    assertThat(seen).hasSize(2);
    assertThat(seen.get(0).header("Last-Event-ID")).isNull();
    assertThat(seen.get(1).header("Last-Event-ID")).isEqualTo("2");
    assertThat(seen.get(1).header("Idempotency-Key")).isEqualTo("key-4");
    assertThat(got).containsExactlyElementsOf(EVENTS);
  }

  @Test
  void aServiceThatSendsNothingIsAbandonedAfterTheFirstEventTimeoutAndAskedAgain()
      throws Exception {
    URI base = start(stall(3000), stream(1, 5));
    List<DraftEvent> got = new CopyOnWriteArrayList<>();

    client(base, Duration.ofMillis(300), Duration.ofSeconds(20))
        .draft(REQUEST, "key-5", got::add)
        .result()
        .toCompletableFuture()
        .get(20, TimeUnit.SECONDS);

    assertThat(seen).hasSize(2);
    assertThat(got).containsExactlyElementsOf(EVENTS);
  }

  @Test
  void theOverallDeadlineEndsADraftThatNeverCompletes() throws Exception {
    Behaviour startedThenSilent =
        ex -> {
          stream(1, 1).answer(ex);
          Thread.sleep(4000);
        };
    URI base = start(startedThenSilent);
    List<DraftEvent> got = new CopyOnWriteArrayList<>();

    DraftCall call =
        client(base, Duration.ofSeconds(5), Duration.ofMillis(700))
            .draft(REQUEST, "key-6", got::add);

    assertThat(call.result().toCompletableFuture()).failsWithin(Duration.ofSeconds(20));
    assertThat(got)
        .last()
        .isInstanceOfSatisfying(
            DraftEvent.Failed.class, f -> assertThat(f.code()).isEqualTo("deadline_exceeded"));
  }

  @Test
  void cancellingStopsTheStreamAndDeliversNothingMore() throws Exception {
    Behaviour slow =
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "text/event-stream");
          ex.sendResponseHeaders(200, 0);
          OutputStream out = ex.getResponseBody();
          for (int i = 1; i <= 5; i++) {
            out.write(WIRE.encode(EVENTS.get(i - 1)).toSse(i).getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(400);
          }
        };
    URI base = start(slow);
    List<DraftEvent> got = new CopyOnWriteArrayList<>();
    DraftCall call = client(base).draft(REQUEST, "key-7", got::add);
    long end = System.currentTimeMillis() + 20_000;
    while (got.isEmpty() && System.currentTimeMillis() < end) {
      Thread.sleep(10);
    }

    call.cancel();
    int atCancel = got.size();
    Thread.sleep(1200);

    assertThat(call.result().toCompletableFuture())
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableThat()
        .isInstanceOf(CancellationException.class);
    assertThat(got).hasSize(atCancel);
    assertThat(seen).hasSize(1);
  }

  @Test
  void backoffUsesFullJitterUnderTheCapOrRetryAfter() throws Exception {
    SseDraftingService c = (SseDraftingService) client(URI.create("http://127.0.0.1:9"));
    for (int attempt = 1; attempt <= 6; attempt++) {
      assertThat(c.backoff(attempt, null))
          .isBetween(Duration.ZERO, Duration.ofMillis(Math.min(200, 50L << (attempt - 1))));
    }
    assertThat(c.backoff(1, "3")).isEqualTo(Duration.ofSeconds(3));
  }
}
