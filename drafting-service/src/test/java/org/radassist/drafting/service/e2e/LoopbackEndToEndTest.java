package org.radassist.drafting.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.remote.RemoteConfig;
import org.radassist.speech.hook.LoopbackEndpoint;
import org.radassist.speech.testing.Studies;

/**
 * Issue 5, done-when 1 (loopback half): a speech engine pushes a final segment to the loopback
 * intake (real Jetty on 127.0.0.1, per-install token) of a speech hook built by its public factory,
 * over HTTP or over its WebSocket; the hook hands it to the study's dictation session (outbox on
 * disk first, PHI minimised), which drafts through the real remote client against the real drafting
 * service (DraftingServer, rules backend, H2 store); the streamed events come back into the viewer
 * panel's DraftReview.
 */
class LoopbackEndToEndTest {
  static final String DICTATION =
      "Findings: new 8 mm solid nodule in the right upper lobe. No pleural effusion."
          + " Impression: solid pulmonary nodule.";
  static final String FINDING = "8 mm solid nodule";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private InProcessService service;
  private Hook hook;
  private LoopbackEndpoint intake;
  private String token;
  private final OkHttpClient engine = new OkHttpClient();

  @BeforeEach
  void start() throws Exception {
    service = new InProcessService(dir.resolve("service"));
    hook =
        new Hook(
            Studies.CHEST_CT,
            RemoteConfig.defaults(service.baseUri(), InProcessService.TOKEN),
            dir.resolve("outbox"),
            UnaryOperator.identity(),
            b -> b.loopbackIntake(0, dir.resolve("loopback.token")));
    hook.open();
    intake = hook.speech.loopback().orElseThrow();
    token = Files.readString(intake.tokenFile()).strip();
  }

  @AfterEach
  void stop() {
    hook.close(); // the loopback intake with it
    service.close();
    engine.dispatcher().executorService().shutdown();
    engine.connectionPool().evictAll();
  }

  static String segment(long seq, String text) throws Exception {
    return JSON.writeValueAsString(
        java.util.Map.of(
            "study_instance_uid",
            Studies.CHEST_CT.studyInstanceUid(),
            "seq",
            seq,
            "final",
            true,
            "text",
            text));
  }

  @Test
  void aFinalSegmentPostedToTheIntakeComesBackAsAStreamedDraftInThePanel() throws Exception {
    Request post =
        new Request.Builder()
            .url(intake.http().toString())
            .header("Authorization", "Bearer " + token)
            .post(RequestBody.create(segment(1, DICTATION), MediaType.get("application/json")))
            .build();
    try (Response r = engine.newCall(post).execute()) {
      assertThat(r.code()).isEqualTo(202);
      assertThat(JSON.readTree(r.body().string()).path("accepted").asBoolean()).isTrue();
    }

    DraftAssertions.assertStreamedLungNoduleDraft(hook, FINDING);
    DraftAssertions.assertOneDraftOnTheServerForTheKey(hook, service.rows);
  }

  @Test
  void aFinalSegmentSentOverTheIntakeWebSocketComesBackAsAStreamedDraftInThePanel()
      throws Exception {
    BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    WebSocket ws =
        engine.newWebSocket(
            new Request.Builder()
                .url(intake.webSocket().toString())
                .header("Authorization", "Bearer " + token)
                .build(),
            new WebSocketListener() {
              @Override
              public void onMessage(WebSocket webSocket, String text) {
                answers.add(text);
              }

              @Override
              public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                answers.add("failure: " + t);
              }
            });
    try {
      assertThat(ws.send(segment(1, DICTATION))).isTrue();
      String ack = answers.poll(10, TimeUnit.SECONDS);
      assertThat(ack).as("the intake's answer").isNotNull();
      assertThat(JSON.readTree(ack).path("accepted").asBoolean()).as(ack).isTrue();
      assertThat(JSON.readTree(ack).path("seq").asLong()).isEqualTo(1);

      DraftAssertions.assertStreamedLungNoduleDraft(hook, FINDING);
      DraftAssertions.assertOneDraftOnTheServerForTheKey(hook, service.rows);
    } finally {
      ws.close(1000, "done");
    }
  }
}
