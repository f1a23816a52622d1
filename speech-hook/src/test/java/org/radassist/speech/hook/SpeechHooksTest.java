package org.radassist.speech.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.DraftCall;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftListener;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftingException;
import org.radassist.drafting.DraftingService;
import org.radassist.drafting.internal.engine.EmbeddedDraftingService;
import org.radassist.drafting.internal.engine.RulesEngine;
import org.radassist.model.DraftReport;
import org.radassist.model.ModelInfo;
import org.radassist.model.SectionKind;
import org.radassist.speech.DictationSegment;
import org.radassist.speech.DictationSink;
import org.radassist.speech.DictationSource;
import org.radassist.speech.SessionStatus;
import org.radassist.speech.SessionStatus.State;
import org.radassist.speech.StudyDictation;
import org.radassist.speech.StudyDictationListener;
import org.radassist.speech.testing.FhircastTestHub;
import org.radassist.speech.testing.PanelModel;
import org.radassist.speech.testing.RecordingDraftingService;
import org.radassist.speech.testing.StatusLog;
import org.radassist.speech.testing.Studies;

/**
 * The speech hook as a host without OSGi builds it, through the public factory only: the real
 * embedded rules engine drafts, the outbox is a real directory, the loopback intake a real Jetty on
 * 127.0.0.1 reached with the JDK's HTTP client.
 */
class SpeechHooksTest {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final String UID = Studies.CHEST_CT.studyInstanceUid();
  static final String NODULE = "new eight point two mm solid nodule in the right upper lobe";

  @TempDir Path dir;
  private ExecutorService engineThreads;
  private DraftingService engine;

  @BeforeEach
  void start() {
    engineThreads = Executors.newFixedThreadPool(2);
    engine =
        new EmbeddedDraftingService(RulesEngine.withDefaults(), engineThreads, Clock.systemUTC());
  }

  @AfterEach
  void stop() throws Exception {
    engineThreads.shutdownNow();
    engineThreads.awaitTermination(5, TimeUnit.SECONDS);
  }

  /** What the panel is told. */
  static final class Panel implements StudyDictationListener {
    final List<DictationSegment> segments = new CopyOnWriteArrayList<>();
    final PanelModel drafts = new PanelModel();
    final StatusLog status = new StatusLog();

    @Override
    public void onSegment(DictationSegment segment) {
      segments.add(segment);
    }

    @Override
    public void onDraftEvent(DraftEvent event) {
      drafts.onEvent(event);
    }

    @Override
    public void onStatus(SessionStatus s) {
      status.accept(s);
    }
  }

  SpeechHooks.Builder fast(DraftingService drafting) {
    return SpeechHooks.builder(drafting)
        .outbox(dir.resolve("outbox"))
        .timing(Duration.ofMillis(50), Duration.ofMillis(20), Duration.ofMillis(200));
  }

  @Test
  void aSegmentASpeechEnginePostsToTheLoopbackIntakeIsDraftedAndLeavesNothingInTheOutbox()
      throws Exception {
    RecordingDraftingService recording = new RecordingDraftingService(engine);
    try (HostedSpeechHook hook =
        fast(recording).loopbackIntake(0, dir.resolve("loopback.token")).build()) {
      assertThat(hook.sources()).containsExactly("loopback", "panel");
      LoopbackEndpoint endpoint = hook.loopback().orElseThrow();
      assertThat(endpoint.http().getHost()).isEqualTo("127.0.0.1");
      assertThat(endpoint.webSocket().getScheme()).isEqualTo("ws");
      String token = Files.readString(endpoint.tokenFile()).strip();
      hook.rememberIndication(UID, "smoker, cough for six weeks");
      Panel panel = new Panel();
      try (StudyDictation study = hook.open(Studies.CHEST_CT, List::of, panel)) {
        HttpResponse<String> answer =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(endpoint.http())
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "{\"study_instance_uid\":\""
                                    + UID
                                    + "\",\"seq\":1,\"final\":true,\"text\":\""
                                    + NODULE
                                    + "\"}"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);

        DraftReport draft = panel.drafts.awaitCompleted(WAIT.toMillis());
        assertThat(draft.section(SectionKind.FINDINGS).orElseThrow().text()).contains("nodule");
        panel.status.await(State.READY, WAIT);
        assertThat(panel.segments).extracting(DictationSegment::source).contains("loopback");
        assertThat(recording.sent())
            .anySatisfy(s -> assertThat(s.request().indication()).contains("cough"));
        assertThat(hook.unsentItems()).as("outbox items after the complete draft").isZero();
      }
    }
  }

  @Test
  void dictationSharedInTheReportingAppsOpenReportOverFhircastIsDrafted() throws Exception {
    try (FhircastTestHub hub = new FhircastTestHub();
        HostedSpeechHook hook =
            fast(engine).fhircast(hub.hubUrl(), "topic-1", FhircastTestHub.TOKEN).build()) {
      assertThat(hook.sources()).containsExactly("fhircast", "panel");
      assertThat(hub.awaitSubscriber(10_000)).as("subscribed in the background").isTrue();
      Panel panel = new Panel();
      try (StudyDictation study = hook.open(Studies.CHEST_CT, List::of, panel)) {
        String open =
            hub.publish(
                "DiagnosticReport-open",
                FhircastTestHub.context(
                    "report", FhircastTestHub.resource("DiagnosticReport", "dr-1"),
                    "study", FhircastTestHub.imagingStudy("is-1", UID, "ACC1"),
                    "patient", FhircastTestHub.resource("Patient", "p-1")));
        assertThat(hub.awaitAck(open, 10_000)).containsExactly("200");
        String update =
            hub.publish(
                "DiagnosticReport-update", FhircastTestHub.update("dr-1", Map.of("obs-1", NODULE)));
        assertThat(hub.awaitAck(update, 10_000)).containsExactly("200");

        DraftReport draft = panel.drafts.awaitCompleted(WAIT.toMillis());
        assertThat(draft.section(SectionKind.FINDINGS).orElseThrow().text()).contains("nodule");
        assertThat(panel.segments).extracting(DictationSegment::source).contains("fhircast");
      }
    }
  }

  @Test
  void dictationKeptByAHookThatCouldNotDraftIsReplayedByTheNextHookOnTheSameOutbox()
      throws Exception {
    EngineSource speech = new EngineSource();
    HostedSpeechHook first = fast(new Unavailable()).source(speech).build();
    Panel before = new Panel();
    first.open(Studies.CHEST_CT, List::of, before);
    speech.push(3, NODULE);
    SessionStatus kept = before.status.await(State.UNAVAILABLE, WAIT);
    assertThat(kept.unsentItems()).isEqualTo(1);
    first.close(); // the workstation shuts down with the dictation undrafted
    assertThat(speech.closed).as("the host's source is stopped with the hook").isTrue();
    assertThat(first.unsentItems()).as("kept on disk after close").isEqualTo(1);

    RecordingDraftingService recording = new RecordingDraftingService(engine);
    try (HostedSpeechHook second = fast(recording).build()) {
      assertThat(second.unsentItems()).isEqualTo(1);
      Panel after = new Panel();
      second.open(Studies.CHEST_CT, List::of, after);
      DraftReport draft = after.drafts.awaitCompleted(WAIT.toMillis());
      assertThat(draft.section(SectionKind.FINDINGS).orElseThrow().text()).contains("nodule");
      after.status.await(State.READY, WAIT);
      assertThat(second.unsentItems()).isZero();
    }
  }

  @Test
  void aHookWithoutAnOutboxDirectoryIsRefusedSayingHowToGiveOne() {
    assertThatThrownBy(() -> SpeechHooks.builder(engine).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("outbox(dir)");
    assertThatThrownBy(
            () ->
                fast(engine)
                    .timing(Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ofSeconds(1))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRetry");
    assertThatThrownBy(() -> SpeechHooks.builder(engine).loopbackIntake(70000, dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("70000");
  }

  @Test
  void aTakenLoopbackPortFailsTheBuildAndLeavesNothingRunning() throws Exception {
    EngineSource speech = new EngineSource();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThatThrownBy(
              () ->
                  fast(engine)
                      .loopbackIntake(taken.getLocalPort(), dir.resolve("loopback.token"))
                      .source(speech)
                      .build())
          .isInstanceOf(IOException.class)
          .hasMessageContaining("loopback");
    }
    assertThat(speech.sink).as("later sources never started").isNull();
    // the outbox was released: its owner lock file is gone, a new hook opens it
    try (var files = Files.list(dir.resolve("outbox"))) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".lock"));
    }
    try (HostedSpeechHook hook = fast(engine).build()) {
      assertThat(hook.loopback()).isEmpty();
      assertThat(hook.sources()).containsExactly("panel");
    }
  }

  /** A host's own speech engine: what the test pushes goes to the hook's sink. */
  static final class EngineSource implements DictationSource {
    volatile DictationSink sink;
    volatile boolean closed;

    @Override
    public String name() {
      return "engine";
    }

    @Override
    public void start(DictationSink sink) {
      this.sink = sink;
    }

    void push(long seq, String text) {
      sink.onSegment(new DictationSegment("engine", UID, seq, true, text));
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** A drafting service that is down (the fault the replay test needs). */
  static final class Unavailable implements DraftingService {
    @Override
    public ModelInfo model() {
      return new ModelInfo("down", "0", "unavailable");
    }

    @Override
    public DraftCall draft(DraftRequest request, String idempotencyKey, DraftListener listener) {
      throw new DraftingException("unavailable", true, "the drafting service is down");
    }
  }
}
