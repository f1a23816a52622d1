package org.radassist.speech.internal.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.speech.DictationSegment;
import org.radassist.speech.testing.SlowClients;

/**
 * Cheap denial of service against the loopback intake (issue 15): slow requests from local clients,
 * even ones holding the token, a flood of segments, and web pages opening a WebSocket to 127.0.0.1.
 * A valid speech engine must still be served within its deadline meanwhile.
 */
class LoopbackAttackTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String UID = "1.2.826.0.1.3680043.8.498.1";

  /** The valid engine's deadline for one segment while an attack runs. */
  static final Duration DEADLINE = Duration.ofSeconds(2);

  @TempDir Path dir;
  private final OkHttpClient http =
      new OkHttpClient.Builder().callTimeout(DEADLINE).retryOnConnectionFailure(false).build();
  private final List<AutoCloseable> open = new ArrayList<>();
  private final List<DictationSegment> received = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    http.dispatcher().executorService().shutdownNow();
    http.connectionPool().evictAll();
  }

  LoopbackIntake start(IntakeLimits limits) throws IOException {
    LoopbackIntake intake =
        new LoopbackIntake(
            new LoopbackConfig(0, dir.resolve("loopback.token"), 65536, 20000, limits),
            new SecureRandom());
    intake.start(received::add);
    open.add(intake);
    return intake;
  }

  static IntakeLimits limits(double perSecond, int burst, Set<String> origins) {
    return new IntakeLimits(
        Duration.ofSeconds(1), Duration.ofSeconds(2), 64, perSecond, burst, origins);
  }

  static String segment(long seq, String text) {
    return JSON.createObjectNode()
        .put("study_instance_uid", UID)
        .put("seq", seq)
        .put("final", true)
        .put("text", text)
        .toString();
  }

  Response post(LoopbackIntake intake, String body, String... headers) throws IOException {
    Request.Builder b =
        new Request.Builder()
            .url(intake.httpUri().toString())
            .header("Authorization", "Bearer " + intake.token())
            .post(RequestBody.create(body, MediaType.get("application/json")));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.newCall(b.build()).execute();
  }

  /** A valid engine posts one segment; the time it took, in ms (fails past DEADLINE). */
  long validSegmentMillis(LoopbackIntake intake, long seq) throws IOException {
    long t0 = System.nanoTime();
    try (Response r = post(intake, segment(seq, "right upper lobe nodule"))) {
      assertThat(r.code()).as("valid segment: %s", r.body().string()).isEqualTo(202);
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  @Test
  void slowBodiesFromATokenHolderHoldNoThreadAndAreCutAtTheBodyDeadline() throws Exception {
    LoopbackIntake intake = start(limits(1000, 1000, Set.of()));
    validSegmentMillis(intake, 1); // warm-up
    int slow = 20;
    SlowClients attack =
        new SlowClients(
            new InetSocketAddress("127.0.0.1", intake.port()),
            1,
            slow,
            1,
            "POST /v1/dictation HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer "
                + intake.token()
                + "\r\nContent-Length: 60000\r\n\r\n{",
            " ",
            Duration.ofMillis(500));
    open.add(attack);
    Thread.sleep(200);

    long served = validSegmentMillis(intake, 2);
    int held = attack.stillOpen();
    boolean cut = attack.awaitAllClosed(Duration.ofSeconds(6));

    System.out.printf(
        "loopback intake: valid segment accepted in %d ms while %d slow authenticated bodies held"
            + " it (%d open then); all cut by the 2 s body deadline: %s, slowest after %d ms%n",
        served, slow, held, cut, attack.slowestCloseMillis());
    assertThat(held).isEqualTo(slow);
    assertThat(cut).as("%d slow bodies still open", attack.stillOpen()).isTrue();
  }

  @Test
  void headersTrickledLineByLineAreCutAtTheHeaderDeadline() throws Exception {
    LoopbackIntake intake = start(limits(1000, 1000, Set.of()));
    SlowClients attack =
        new SlowClients(
            new InetSocketAddress("127.0.0.1", intake.port()),
            1,
            30,
            1,
            "POST /v1/dictation HTTP/1.1\r\nHost: 127.0.0.1\r\n",
            "X-Trickle: 1\r\n",
            Duration.ofMillis(500));
    open.add(attack);

    long served = validSegmentMillis(intake, 1);
    boolean cut = attack.awaitAllClosed(Duration.ofSeconds(5));

    System.out.printf(
        "loopback intake: valid segment accepted in %d ms while 30 sockets trickled a header line"
            + " every 0.5 s; all cut by the 1 s header deadline: %s, slowest after %d ms%n",
        served, cut, attack.slowestCloseMillis());
    assertThat(cut).as("%d trickling sockets still open", attack.stillOpen()).isTrue();
  }

  @Test
  void aFloodOfWebSocketMessagesIsRateLimited() throws Exception {
    LoopbackIntake intake = start(limits(50, 100, Set.of()));
    Answers answers = new Answers();
    WebSocket ws =
        http.newWebSocket(
            new Request.Builder()
                .url(intake.webSocketUri().toString().replace("ws://", "http://"))
                .header("Authorization", "Bearer " + intake.token())
                .build(),
            answers);
    int sent = 5000;
    long t0 = System.nanoTime();
    for (int i = 1; i <= sent; i++) {
      ws.send(segment(i, "partial " + i));
    }
    int accepted = 0;
    int limited = 0;
    for (int i = 0; i < sent; i++) {
      String a = answers.texts.poll(20, TimeUnit.SECONDS);
      assertThat(a).as("answer %d of %d", i + 1, sent).isNotNull();
      JsonNode n = JSON.readTree(a);
      if (n.path("accepted").asBoolean()) {
        accepted++;
      } else {
        assertThat(n.get("type").asText()).isEqualTo("urn:radassist:problem:rate-limited");
        assertThat(n.get("status").asInt()).isEqualTo(429);
        limited++;
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    ws.close(1000, null);

    System.out.printf(
        "loopback intake: %d WebSocket messages in %.2f s: %d accepted, %d answered 429%n",
        sent, seconds, accepted, limited);
    // the burst plus what the rate refills over the run (and a second of slack)
    assertThat(accepted).isBetween(100, (int) (100 + 50 * (seconds + 1)));
    assertThat(received).hasSize(accepted);
  }

  @Test
  void postsOverTheRateAreAnswered429WithRetryAfter() throws Exception {
    LoopbackIntake intake = start(limits(0.5, 3, Set.of()));
    for (int i = 1; i <= 3; i++) {
      try (Response r = post(intake, segment(i, "text " + i))) {
        assertThat(r.code()).isEqualTo(202);
      }
    }
    try (Response r = post(intake, segment(4, "text 4"))) {
      assertThat(r.code()).isEqualTo(429);
      assertThat(r.header("Retry-After")).isNotNull();
      assertThat(JSON.readTree(r.body().string()).get("type").asText())
          .isEqualTo("urn:radassist:problem:rate-limited");
    }
    assertThat(received).hasSize(3);
  }

  @Test
  void aWebPageOriginIsRefusedOnUpgradeAndPostUnlessConfigured() throws Exception {
    LoopbackIntake intake = start(limits(1000, 1000, Set.of("http://localhost:3000")));
    String wsUrl = intake.webSocketUri().toString().replace("ws://", "http://");

    Answers evil = new Answers();
    http.newWebSocket(
        new Request.Builder()
            .url(wsUrl)
            .header("Authorization", "Bearer " + intake.token())
            .header("Origin", "https://evil.example")
            .build(),
        evil);
    assertThat(evil.failedWith.get(10, TimeUnit.SECONDS)).isEqualTo(403);

    Answers allowed = new Answers();
    WebSocket ok =
        http.newWebSocket(
            new Request.Builder()
                .url(wsUrl)
                .header("Authorization", "Bearer " + intake.token())
                .header("Origin", "http://localhost:3000")
                .build(),
            allowed);
    ok.send(segment(1, "allowed origin"));
    assertThat(allowed.texts.poll(10, TimeUnit.SECONDS)).contains("\"accepted\":true");
    ok.close(1000, null);

    try (Response r = post(intake, segment(2, "from a page"), "Origin", "https://evil.example")) {
      assertThat(r.code()).isEqualTo(403);
      assertThat(JSON.readTree(r.body().string()).get("type").asText())
          .isEqualTo("urn:radassist:problem:origin-not-allowed");
    }
    assertThat(received).extracting(DictationSegment::text).containsExactly("allowed origin");
  }

  static final class Answers extends WebSocketListener {
    final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> failedWith = new CompletableFuture<>();

    @Override
    public void onMessage(WebSocket ws, String text) {
      texts.add(text);
    }

    @Override
    public void onFailure(WebSocket ws, Throwable t, Response response) {
      failedWith.complete(response == null ? -1 : response.code());
    }
  }
}
