package org.radassist.speech.internal.loopback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
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
import org.radassist.drafting.internal.engine.EmbeddedDraftingService;
import org.radassist.drafting.internal.engine.RulesEngine;
import org.radassist.drafting.request.DraftRequestFactory;
import org.radassist.model.DraftReport;
import org.radassist.model.SectionKind;
import org.radassist.speech.DictationSegment;
import org.radassist.speech.internal.DictationRouter;
import org.radassist.speech.internal.DictationSession;
import org.radassist.speech.internal.FileOutbox;
import org.radassist.speech.testing.PanelModel;
import org.radassist.speech.testing.StatusLog;
import org.radassist.speech.testing.Studies;

/** The loopback intake over real HTTP and WebSocket connections (OkHttp) on 127.0.0.1. */
class LoopbackIntakeTest {
  static final MediaType JSON_TYPE = MediaType.get("application/json");
  static final String UID = Studies.CHEST_CT.studyInstanceUid();
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final OkHttpClient http =
      new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(20)).build();
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

  LoopbackIntake start(int maxBodyBytes) throws IOException {
    LoopbackIntake intake =
        new LoopbackIntake(
            new LoopbackConfig(0, dir.resolve("conf/loopback.token"), maxBodyBytes, 2000),
            new SecureRandom());
    intake.start(received::add);
    open.add(intake);
    return intake;
  }

  static String segment(long seq, boolean fin, String text) {
    return JSON.createObjectNode()
        .put("study_instance_uid", UID)
        .put("seq", seq)
        .put("final", fin)
        .put("text", text)
        .toString();
  }

  Response post(LoopbackIntake intake, String token, String body, String type) throws IOException {
    Request.Builder b =
        new Request.Builder()
            .url(intake.httpUri().toString())
            .post(RequestBody.create(body, MediaType.get(type)));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.newCall(b.build()).execute();
  }

  static JsonNode problem(Response r) throws IOException {
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    JsonNode p = JSON.readTree(r.body().string());
    assertThat(p.get("status").asInt()).isEqualTo(r.code());
    assertThat(p.get("type").asText()).startsWith("urn:radassist:problem:");
    return p;
  }

  @Test
  void theTokenIsMadeOnceReadableOnlyByTheOwnerAndReused() throws Exception {
    LoopbackIntake first = start(4096);
    Path file = dir.resolve("conf/loopback.token");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .as("the directory made for it")
        .isEqualTo("rwx------");
    assertThat(first.token()).hasSizeGreaterThanOrEqualTo(43);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    InstallToken again = InstallToken.loadOrCreate(file, new SecureRandom());

    assertThat(again.value()).isEqualTo(first.token());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void itListensOnTheLoopbackAddressOnly() throws Exception {
    LoopbackIntake intake = start(4096);
    InetSocketAddress bound = intake.boundAddress();
    assertThat(bound.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    for (InetAddress other : nonLoopbackAddresses()) {
      assertThatThrownBy(
              () -> {
                try (Socket s = new Socket()) {
                  s.connect(new InetSocketAddress(other, intake.port()), 2000);
                }
              })
          .as("connecting via %s", other)
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void aPostedSegmentReachesTheSink() throws Exception {
    LoopbackIntake intake = start(4096);

    try (Response r =
        post(intake, intake.token(), segment(3, true, "small left effusion"), "application/json")) {
      assertThat(r.code()).isEqualTo(202);
      assertThat(JSON.readTree(r.body().string()).get("seq").asLong()).isEqualTo(3);
    }

    assertThat(received)
        .containsExactly(new DictationSegment("loopback", UID, 3, true, "small left effusion"));
  }

  @Test
  void requestsWithoutTheTokenAreRefusedWithAProblem() throws Exception {
    LoopbackIntake intake = start(4096);
    String body = segment(1, true, "x");

    try (Response none = post(intake, null, body, "application/json");
        Response wrong = post(intake, intake.token() + "x", body, "application/json")) {
      assertThat(none.code()).isEqualTo(401);
      assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
      assertThat(problem(none).get("type").asText())
          .isEqualTo("urn:radassist:problem:unauthorized");
      assertThat(wrong.code()).isEqualTo(401);
    }
    assertThat(received).isEmpty();
  }

  @Test
  void badRequestsGetClearProblems() throws Exception {
    LoopbackIntake intake = start(1024);
    String t = intake.token();

    try (Response big = post(intake, t, segment(1, true, "a".repeat(1500)), "application/json")) {
      assertThat(big.code()).isEqualTo(413);
      assertThat(problem(big).get("detail").asText()).contains("1024");
    }
    try (Response badJson = post(intake, t, "{\"seq\":", "application/json")) {
      assertThat(badJson.code()).isEqualTo(400);
      assertThat(problem(badJson).get("detail").asText()).contains("not JSON");
    }
    try (Response badField = post(intake, t, segment(-1, true, "x"), "application/json")) {
      assertThat(badField.code()).isEqualTo(400);
      assertThat(problem(badField).get("detail").asText()).contains("seq");
    }
    String badUid = segment(1, true, "x").replace(UID, "Oakley^Annie");
    try (Response r = post(intake, t, badUid, "application/json")) {
      assertThat(problem(r).get("detail").asText()).contains("study_instance_uid");
    }
    try (Response type = post(intake, t, segment(1, true, "x"), "text/plain")) {
      assertThat(type.code()).isEqualTo(415);
      problem(type);
    }
    Request get =
        new Request.Builder()
            .url(intake.httpUri().toString())
            .header("Authorization", "Bearer " + t)
            .build();
    try (Response method = http.newCall(get).execute()) {
      assertThat(method.code()).isEqualTo(405);
      assertThat(method.header("Allow")).isEqualTo("POST");
      problem(method);
    }
    Request other =
        new Request.Builder()
            .url(intake.httpUri().resolve("/v2/other").toString())
            .header("Authorization", "Bearer " + t)
            .build();
    try (Response notFound = http.newCall(other).execute()) {
      assertThat(notFound.code()).isEqualTo(404);
      problem(notFound);
    }
    assertThat(received).isEmpty();
  }

  @Test
  void aWebSocketCarriesPartialAndFinalSegmentsEachAcknowledged() throws Exception {
    LoopbackIntake intake = start(1024);
    Messages messages = new Messages();
    WebSocket ws = connect(intake, intake.token(), messages);

    ws.send(segment(1, false, "new eight"));
    ws.send(segment(1, true, "new eight mm nodule"));
    ws.send("{\"seq\":2}");

    assertThat(JSON.readTree(messages.next()).get("seq").asLong()).isEqualTo(1);
    assertThat(JSON.readTree(messages.next()).get("accepted").asBoolean()).isTrue();
    JsonNode refused = JSON.readTree(messages.next());
    assertThat(refused.get("status").asInt()).isEqualTo(400);
    assertThat(received)
        .extracting(DictationSegment::isFinal, DictationSegment::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(false, "new eight"),
            org.assertj.core.groups.Tuple.tuple(true, "new eight mm nodule"));

    ws.send(segment(2, true, "b".repeat(1500))); // larger than the 1024-byte limit
    assertThat(messages.closed.get(20, TimeUnit.SECONDS)).isEqualTo(1009);
  }

  @Test
  void aTextMessageInContinuationFramesIsOneSegmentAndABinaryOneIsAnsweredWithAProblem()
      throws Exception {
    LoopbackIntake intake = start(1024);
    BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    java.net.http.WebSocket ws =
        java.net.http.HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .header("Authorization", "Bearer " + intake.token())
            .buildAsync(
                intake.webSocketUri(),
                new java.net.http.WebSocket.Listener() {
                  private final StringBuilder text = new StringBuilder();

                  @Override
                  public java.util.concurrent.CompletionStage<?> onText(
                      java.net.http.WebSocket webSocket, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                      answers.add(text.toString());
                      text.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                  }
                })
            .get(20, TimeUnit.SECONDS);
    String whole = segment(4, true, "no pleural effusion");
    int cut = whole.length() / 2;
    // three frames: TEXT (fin=false), CONTINUATION (fin=false), CONTINUATION (fin=true)
    ws.sendText(whole.substring(0, cut), false).get(20, TimeUnit.SECONDS);
    ws.sendText(whole.substring(cut, cut + 3), false).get(20, TimeUnit.SECONDS);
    ws.sendText(whole.substring(cut + 3), true).get(20, TimeUnit.SECONDS);
    assertThat(JSON.readTree(answers.poll(20, TimeUnit.SECONDS)).get("seq").asLong()).isEqualTo(4);
    assertThat(received)
        .extracting(DictationSegment::seq, DictationSegment::text)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "no pleural effusion"));

    ws.sendBinary(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}), true).get(20, TimeUnit.SECONDS);
    JsonNode problem = JSON.readTree(answers.poll(20, TimeUnit.SECONDS));
    assertThat(problem.get("status").asInt()).isEqualTo(415);
    assertThat(received).hasSize(1);
    ws.abort();
  }

  @Test
  void aWebSocketWithoutTheTokenIsNotUpgraded() throws Exception {
    LoopbackIntake intake = start(1024);
    Messages messages = new Messages();
    connect(intake, "wrong", messages);

    assertThat(messages.failedWith.get(20, TimeUnit.SECONDS)).isEqualTo(401);
  }

  @Test
  void dictationPushedToTheIntakeComesBackAsAStreamedDraft() throws Exception {
    ExecutorService engineThreads = Executors.newFixedThreadPool(2);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    open.add(engineThreads::shutdownNow);
    open.add(scheduler::shutdownNow);
    StatusLog log = new StatusLog();
    PanelModel panel = new PanelModel();
    DictationRouter router = new DictationRouter();
    router.open(
        new DictationSession(
            Studies.CHEST_CT,
            new EmbeddedDraftingService(
                RulesEngine.withDefaults(), engineThreads, Clock.systemUTC()),
            DraftRequestFactory.newSession(new SecureRandom()),
            new FileOutbox(dir.resolve("outbox"), Clock.systemUTC()),
            scheduler,
            Duration.ofMillis(100),
            log,
            panel,
            () -> "",
            List::of));
    LoopbackIntake intake =
        new LoopbackIntake(
            new LoopbackConfig(0, dir.resolve("t/token"), 4096, 2000), new SecureRandom());
    intake.start(router);
    open.add(intake);

    try (Response r =
        post(
            intake,
            intake.token(),
            segment(1, true, "new eight point two mm solid nodule in the right upper lobe"),
            "application/json")) {
      assertThat(r.code()).isEqualTo(202);
    }
    String otherStudy = segment(1, true, "x").replace(UID, "1.2.3.4");
    try (Response r = post(intake, intake.token(), otherStudy, "application/json")) {
      assertThat(r.code()).isEqualTo(409);
      assertThat(problem(r).get("detail").asText()).contains("no open study");
    }

    DraftReport draft = panel.awaitCompleted(20_000);
    assertThat(draft.section(SectionKind.FINDINGS).orElseThrow().text())
        .containsIgnoringCase("nodule");
  }

  // ------------------------------------------------------------------ helpers

  WebSocket connect(LoopbackIntake intake, String token, Messages messages) {
    Request r =
        new Request.Builder()
            .url(intake.webSocketUri().toString().replace("ws://", "http://"))
            .header("Authorization", "Bearer " + token)
            .build();
    return http.newWebSocket(r, messages);
  }

  static final class Messages extends WebSocketListener {
    final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    final CompletableFuture<Integer> failedWith = new CompletableFuture<>();
    volatile Throwable failure;

    @Override
    public void onMessage(WebSocket ws, String text) {
      texts.add(text);
    }

    @Override
    public void onClosing(WebSocket ws, int code, String reason) {
      closed.complete(code);
      ws.close(1000, null);
    }

    @Override
    public void onFailure(WebSocket ws, Throwable t, Response response) {
      failure = t;
      failedWith.complete(response == null ? -1 : response.code());
      closed.complete(-1);
    }

    String next() throws InterruptedException {
      String s = texts.poll(20, TimeUnit.SECONDS);
      assertThat(s).as("a message within 20 s (failure: %s)", failure).isNotNull();
      return s;
    }
  }

  static List<InetAddress> nonLoopbackAddresses() throws IOException {
    List<InetAddress> out = new ArrayList<>();
    for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!ni.isUp() || ni.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(ni.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
          out.add(a);
        }
      }
    }
    return out;
  }
}
