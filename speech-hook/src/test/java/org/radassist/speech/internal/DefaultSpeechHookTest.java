package org.radassist.speech.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.DraftCall;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftListener;
import org.radassist.drafting.DraftRequest;
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
import org.radassist.speech.testing.PanelModel;
import org.radassist.speech.testing.RecordingDraftingService;
import org.radassist.speech.testing.StatusLog;
import org.radassist.speech.testing.Studies;

/** The speech hook in plain Java against the real embedded rules engine and a real outbox. */
class DefaultSpeechHookTest {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final String UID = Studies.CHEST_CT.studyInstanceUid();

  @TempDir Path dir;
  private ExecutorService engineThreads;
  private ScheduledExecutorService scheduler;
  private DraftingService engine;
  private final List<AutoCloseable> open = new ArrayList<>();

  @BeforeEach
  void start() {
    engineThreads = Executors.newFixedThreadPool(2);
    scheduler = Executors.newSingleThreadScheduledExecutor();
    engine =
        new EmbeddedDraftingService(RulesEngine.withDefaults(), engineThreads, Clock.systemUTC());
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    scheduler.shutdownNow();
    engineThreads.shutdownNow();
    engineThreads.awaitTermination(5, TimeUnit.SECONDS);
  }

  DefaultSpeechHook hook() throws java.io.IOException {
    DefaultSpeechHook hook =
        new DefaultSpeechHook(
            new FileOutbox(dir.resolve("outbox"), Clock.systemUTC()),
            scheduler,
            new DictationSession.Timing(
                Duration.ofMillis(50), Duration.ofMillis(20), Duration.ofMillis(200)));
    open.add(hook);
    return hook;
  }

  /** What the panel would be told: segments, draft events, status. */
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

  /** A speech engine as a source: whatever the test pushes goes to the hook's sink. */
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

    void push(long seq, boolean fin, String text) {
      sink.onSegment(new DictationSegment("engine", UID, seq, fin, text));
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void twoSourcesOnOneStudyDoNotOverwriteEachOther() throws Exception {
    DefaultSpeechHook hook = hook();
    RecordingDraftingService recording = new RecordingDraftingService(engine);
    hook.setDraftingService(recording);
    EngineSource speech = new EngineSource();
    hook.addSource(speech);
    assertThat(hook.sources()).containsExactly("engine", "panel");
    Panel panel = new Panel();
    StudyDictation study = hook.open(Studies.CHEST_CT, List::of, panel);

    speech.push(0, true, "new eight point two mm solid nodule in the right upper lobe");
    study.typed(true, "small left pleural effusion");

    long deadline = System.currentTimeMillis() + WAIT.toMillis();
    String findings = "";
    while (!(findings.contains("nodule") && findings.contains("effusion"))
        && System.currentTimeMillis() < deadline) {
      DraftReport draft = panel.drafts.lastCompleted();
      if (draft != null) {
        findings = draft.section(SectionKind.FINDINGS).map(x -> x.text()).orElse("").toLowerCase();
      }
      Thread.sleep(20);
    }
    assertThat(findings).contains("nodule").contains("effusion");
    assertThat(recording.sent())
        .anySatisfy(
            sent ->
                assertThat(sent.request().dictation())
                    .extracting(c -> c.seq())
                    .containsExactly(0L, 1L));
    assertThat(panel.segments)
        .extracting(DictationSegment::source, DictationSegment::seq)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("engine", 0L),
            org.assertj.core.groups.Tuple.tuple("panel", 0L));
  }

  @Test
  void aClosedStudyRefusesSegments() throws Exception {
    DefaultSpeechHook hook = hook();
    hook.setDraftingService(engine);
    EngineSource speech = new EngineSource();
    hook.addSource(speech);
    StudyDictation study = hook.open(Studies.CHEST_CT, List::of, new Panel());
    study.close();

    assertThatThrownBy(() -> speech.push(1, true, "no effusion"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no open study");
    assertThatThrownBy(() -> study.typed(true, "no effusion"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    hook.removeSource(speech);
    assertThat(speech.closed).isTrue();
    assertThat(hook.sources()).containsExactly("panel");
  }

  @Test
  void withoutADraftingServiceTheDictationIsKeptAndDraftedWhenOneArrives() throws Exception {
    DefaultSpeechHook hook = hook();
    Panel panel = new Panel();
    StudyDictation study = hook.open(Studies.CHEST_CT, List::of, panel);

    study.typed(true, "new eight point two mm solid nodule in the right upper lobe");
    SessionStatus unavailable = panel.status.await(State.UNAVAILABLE, WAIT);
    assertThat(unavailable.unsentItems()).isEqualTo(1);
    assertThat(unavailable.message()).contains("kept");

    hook.setDraftingService(engine);
    DraftReport draft = panel.drafts.awaitCompleted(WAIT.toMillis());
    assertThat(draft.section(SectionKind.FINDINGS).orElseThrow().text()).contains("nodule");
    panel.status.await(st -> st.state() == State.READY && st.unsentItems() == 0, WAIT);
  }

  @Test
  void openingAStudyReplaysItsStoredDictationFirst() throws Exception {
    // before a restart: the service takes the request and never answers
    DefaultSpeechHook before = hook();
    RecordingDraftingService dead =
        new RecordingDraftingService(
            new DraftingService() {
              @Override
              public ModelInfo model() {
                return engine.model();
              }

              @Override
              public DraftCall draft(DraftRequest r, String key, DraftListener l) {
                return engine.draft(r, key, e -> {});
              }
            });
    before.setDraftingService(dead);
    before
        .open(Studies.CHEST_CT, List::of, new Panel())
        .typed(true, "new eight point two mm solid nodule in the right upper lobe");
    long deadline = System.currentTimeMillis() + WAIT.toMillis();
    while (dead.count() == 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    before.close();

    // after: a new hook over the same outbox; opening the study drafts without new dictation
    DefaultSpeechHook after = hook();
    RecordingDraftingService live = new RecordingDraftingService(engine);
    after.setDraftingService(live);
    Panel panel = new Panel();
    after.open(Studies.CHEST_CT, List::of, panel);

    panel.drafts.awaitCompleted(WAIT.toMillis());
    panel.status.await(st -> st.state() == State.READY && st.unsentItems() == 0, WAIT);
    assertThat(live.sent().get(0).idempotencyKey())
        .isEqualTo(dead.sent().get(dead.count() - 1).idempotencyKey());
    assertThat(new FileOutbox(dir.resolve("outbox"), Clock.systemUTC()).pending()).isEmpty();
  }

  @Test
  void theIndicationRememberedForAStudyIsSentWithItsDrafts() throws Exception {
    DefaultSpeechHook hook = hook();
    RecordingDraftingService recording = new RecordingDraftingService(engine);
    hook.setDraftingService(recording);
    hook.rememberIndication(UID, "Persistent cough, smoker");
    Panel panel = new Panel();
    hook.open(Studies.CHEST_CT, List::of, panel).typed(true, "no pleural effusion");

    panel.drafts.awaitCompleted(WAIT.toMillis());
    assertThat(recording.sent().get(0).request().indication())
        .isEqualTo("Persistent cough, smoker");
  }

  @Test
  void thePriorsTheHostGivesGoMinimisedWithTheNextRequest() throws Exception {
    DefaultSpeechHook hook = hook();
    RecordingDraftingService recording = new RecordingDraftingService(engine);
    hook.setDraftingService(recording);
    Panel panel = new Panel();
    StudyDictation study = hook.open(Studies.CHEST_CT, List::of, panel);
    study.typed(true, "no pleural effusion");
    panel.drafts.awaitCompleted(WAIT.toMillis());
    assertThat(recording.sent().get(0).request().priors()).isEmpty();

    org.radassist.model.StudyContext prior =
        new org.radassist.model.StudyContext(
            "1.2.826.0.1.3680043.8.498.777",
            "ACC20251120",
            Studies.CHEST_CT.patientId(),
            "HOSP",
            Studies.CHEST_CT.patientName(),
            Studies.CHEST_CT.patientBirthDate(),
            Studies.CHEST_CT.patientSex(),
            List.of("CT"),
            "CHEST",
            java.time.LocalDate.of(2025, 11, 20),
            "CT chest");
    String impression =
        "Solid 6 mm nodule right upper lobe, discussed with Dr. Smith on 2025-11-20. "
            + "Follow-up low-dose CT in 12 months. ".repeat(20);
    study.priors(
        List.of(
            new org.radassist.speech.PriorReport(prior, impression),
            new org.radassist.speech.PriorReport(Studies.CHEST_CT, "the open study itself")));
    study.typed(true, "no pleural effusion. stable nodule");
    long end = System.currentTimeMillis() + WAIT.toMillis();
    while (recording.count() < 2 && System.currentTimeMillis() < end) {
      Thread.sleep(10);
    }
    assertThat(recording.count()).isEqualTo(2);

    DraftRequest second = recording.sent().get(1).request();
    assertThat(second.priors()).hasSize(1);
    org.radassist.drafting.PriorSummary sent = second.priors().get(0);
    assertThat(sent.token()).startsWith("pr-").doesNotContain("777");
    assertThat(sent.relativeDays()).isEqualTo(-365);
    assertThat(sent.modality()).isEqualTo("CT");
    assertThat(sent.findings()).isEmpty();
    assertThat(sent.impression())
        .startsWith("Solid 6 mm nodule right upper lobe, discussed with [NAME] on [day -365].")
        .endsWith("…")
        .hasSizeLessThanOrEqualTo(org.radassist.speech.PriorReport.IMPRESSION_CHARS);
    // as the remote drafting service would receive it (the contract's JSON)
    String wire = org.radassist.drafting.wire.DraftWire.create().writeRequest(second);
    assertThat(wire).contains("\"relative_days\":-365").contains("\"modality\":\"CT\"");
    for (String identifying : Studies.IDENTIFIERS) {
      assertThat(wire).doesNotContain(identifying);
    }
    assertThat(wire).doesNotContain("ACC20251120").doesNotContain("2025-11-20");
    assertThat(recording.sent().get(1).idempotencyKey())
        .isNotEqualTo(recording.sent().get(0).idempotencyKey());
  }
}
