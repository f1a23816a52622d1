package org.radassist.speech.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.DictationChunk;
import org.radassist.drafting.DraftCall;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftListener;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftingService;
import org.radassist.drafting.internal.engine.EmbeddedDraftingService;
import org.radassist.drafting.internal.engine.RulesEngine;
import org.radassist.drafting.request.DraftRequestFactory;
import org.radassist.drafting.wire.DraftWire;
import org.radassist.model.DraftReport;
import org.radassist.model.ModelInfo;
import org.radassist.model.SectionKind;
import org.radassist.speech.DictationSegment;
import org.radassist.speech.Outbox;
import org.radassist.speech.OutboxItem;
import org.radassist.speech.SessionStatus;
import org.radassist.speech.SessionStatus.State;
import org.radassist.speech.testing.PanelModel;
import org.radassist.speech.testing.RecordingDraftingService;
import org.radassist.speech.testing.StatusLog;
import org.radassist.speech.testing.Studies;

/**
 * A dictation session against the real embedded rules engine; faults injected only where needed.
 */
class DictationSessionTest {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final String UID = Studies.CHEST_CT.studyInstanceUid();

  @TempDir Path dir;
  private ExecutorService engineThreads;
  private ScheduledExecutorService scheduler;
  private DraftingService engine;
  private final List<DictationSession> sessions = new ArrayList<>();

  @BeforeEach
  void start() {
    engineThreads = Executors.newFixedThreadPool(2);
    scheduler = Executors.newSingleThreadScheduledExecutor();
    engine =
        new EmbeddedDraftingService(RulesEngine.withDefaults(), engineThreads, Clock.systemUTC());
  }

  @AfterEach
  void stop() throws InterruptedException {
    sessions.forEach(DictationSession::close);
    scheduler.shutdownNow();
    engineThreads.shutdownNow();
    engineThreads.awaitTermination(5, TimeUnit.SECONDS);
  }

  DictationSession session(
      DraftingService drafting, Outbox outbox, Duration debounce, StatusLog log, PanelModel panel) {
    return session(
        drafting, outbox, debounce, log, panel, DraftRequestFactory.newSession(new SecureRandom()));
  }

  DictationSession session(
      DraftingService drafting,
      Outbox outbox,
      Duration debounce,
      StatusLog log,
      PanelModel panel,
      DraftRequestFactory phi) {
    DictationSession s =
        new DictationSession(
            Studies.CHEST_CT,
            drafting,
            phi,
            outbox,
            scheduler,
            new DictationSession.Timing(debounce, Duration.ofMillis(20), Duration.ofMillis(200)),
            log,
            panel,
            () -> "annual lung cancer screening, 30 pack-years",
            List::of);
    sessions.add(s);
    return s;
  }

  static DictationSegment fin(long seq, String text) {
    return new DictationSegment("test", UID, seq, true, text);
  }

  static DictationSegment partial(long seq, String text) {
    return new DictationSegment("test", UID, seq, false, text);
  }

  @Test
  void finalSegmentsComeBackAsAStreamedDraftAndLeaveTheOutboxEmpty() throws Exception {
    FileOutbox outbox = new FileOutbox(dir, Clock.systemUTC());
    StatusLog log = new StatusLog();
    PanelModel panel = new PanelModel();
    // what the outbox held when the request went out (not timed: a loaded machine may send first)
    java.util.concurrent.atomic.AtomicInteger pendingAtSend =
        new java.util.concurrent.atomic.AtomicInteger(-1);
    DraftingService watching =
        new DraftingService() {
          @Override
          public ModelInfo model() {
            return engine.model();
          }

          @Override
          public DraftCall draft(DraftRequest request, String key, DraftListener listener) {
            try {
              pendingAtSend.compareAndSet(-1, outbox.pending().size());
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
            return engine.draft(request, key, listener);
          }
        };
    DictationSession s = session(watching, outbox, Duration.ofMillis(50), log, panel);

    s.onSegment(fin(1, "new eight point two mm solid nodule in the right upper lobe"));

    DraftReport draft = panel.awaitCompleted(WAIT.toMillis());
    log.await(st -> st.state() == State.READY && st.unsentItems() == 0, WAIT);

    assertThat(pendingAtSend.get()).isEqualTo(1); // durable before anything is sent
    assertThat(draft.section(SectionKind.FINDINGS).orElseThrow().text())
        .containsIgnoringCase("nodule");
    assertThat(panel.events()).first().isInstanceOf(DraftEvent.Started.class);
    assertThat(panel.events()).filteredOn(e -> e instanceof DraftEvent.SectionDelta).isNotEmpty();
    assertThat(outbox.pending()).isEmpty();
    assertThat(log.states())
        .containsSubsequence(State.IDLE, State.DRAFTING, State.STREAMING, State.READY);
  }

  @Test
  void partialsAreDebouncedIntoOneRequestAndAFinalCommitsThem() throws Exception {
    FileOutbox outbox = new FileOutbox(dir, Clock.systemUTC());
    RecordingDraftingService counting = new RecordingDraftingService(engine);
    StatusLog log = new StatusLog();
    PanelModel panel = new PanelModel();
    DictationSession s = session(counting, outbox, Duration.ofMillis(300), log, panel);

    String[] words = {
      "new", "new eight", "new eight mm", "new eight mm solid", "new eight mm solid nodule"
    };
    for (String w : words) {
      s.onSegment(partial(1, w));
    }
    log.await(State.READY, WAIT);
    assertThat(counting.count()).isEqualTo(1);
    assertThat(counting.sent().get(0).request().dictationText())
        .isEqualTo("new eight mm solid nodule");
    assertThat(outbox.pending()).isEmpty(); // partials are not committed dictation

    s.onSegment(fin(1, "new eight mm solid nodule right upper lobe"));
    log.await(State.READY, 2, WAIT);
    assertThat(counting.count()).isEqualTo(2);
    assertThat(counting.sent().get(1).request().dictation())
        .singleElement()
        .matches(c -> c.isFinal());
  }

  @Test
  void closingTheSessionCancelsTheDraftInFlightAndKeepsTheDictation() throws Exception {
    FileOutbox outbox = new FileOutbox(dir, Clock.systemUTC());
    CountDownLatch firstEvent = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // holds the real engine's stream after its first event, so that the draft is in flight
    DraftingService held =
        new Decorator(engine) {
          @Override
          public DraftCall draft(DraftRequest r, String key, DraftListener l) {
            return engine.draft(
                r,
                key,
                e -> {
                  l.onEvent(e);
                  firstEvent.countDown();
                  await(release);
                });
          }
        };
    RecordingDraftingService recording = new RecordingDraftingService(held);
    StatusLog log = new StatusLog();
    PanelModel panel = new PanelModel();
    DictationSession s = session(recording, outbox, Duration.ofMillis(50), log, panel);

    s.onSegment(fin(1, "small left pleural effusion"));
    assertThat(firstEvent.await(20, TimeUnit.SECONDS)).isTrue();
    s.close();
    release.countDown();

    while (recording.sent().get(0).call() == null) {
      Thread.sleep(5); // draft() has not returned yet
    }
    DraftCall call = recording.sent().get(0).call();
    assertThat(call.result().toCompletableFuture())
        .failsWithin(WAIT)
        .withThrowableThat()
        .isInstanceOf(CancellationException.class);
    assertThat(panel.events()).hasSize(1); // nothing after the close reached the panel
    assertThat(panel.lastCompleted()).isNull();
    assertThat(outbox.pending()).hasSize(1); // replayed when the study is opened again
  }

  @Test
  void aRetryableFailureKeepsTheDictationReportsUnavailableAndRetriesWithTheSameKey()
      throws Exception {
    FileOutbox outbox = new FileOutbox(dir, Clock.systemUTC());
    AtomicInteger failuresLeft = new AtomicInteger(2);
    List<Integer> pendingAtFailure = new ArrayList<>();
    // the real engine cannot be made to fail: the first two calls answer 503 as a service would
    DraftingService flaky =
        new Decorator(engine) {
          @Override
          public DraftCall draft(DraftRequest r, String key, DraftListener l) {
            if (failuresLeft.getAndDecrement() > 0) {
              try {
                pendingAtFailure.add(outbox.pending().size());
              } catch (IOException e) {
                throw new AssertionError(e);
              }
              return engine.draft(
                  r,
                  key,
                  e -> {
                    if (e instanceof DraftEvent.Started) {
                      l.onEvent(e);
                      l.onEvent(new DraftEvent.Failed("unavailable", true, "HTTP 503"));
                    }
                  });
            }
            return engine.draft(r, key, l);
          }
        };
    RecordingDraftingService recording = new RecordingDraftingService(flaky);
    StatusLog log = new StatusLog();
    PanelModel panel = new PanelModel();
    DictationSession s = session(recording, outbox, Duration.ofMillis(50), log, panel);

    s.onSegment(fin(1, "new eight point two mm solid nodule in the right upper lobe"));

    SessionStatus unavailable = log.await(State.UNAVAILABLE, WAIT);
    assertThat(unavailable.message()).contains("HTTP 503").contains("kept");
    assertThat(unavailable.unsentItems()).isEqualTo(1);
    panel.awaitCompleted(WAIT.toMillis());
    log.await(st -> st.state() == State.READY && st.unsentItems() == 0, WAIT);

    assertThat(recording.count()).isEqualTo(3);
    System.out.printf(
        "fault 503 x2: sent=%d acknowledged=%d replayed(retries)=%d lost=%d%n",
        recording.count(),
        1 - outbox.pending().size(),
        recording.count() - 1,
        outbox.pending().size());
    assertThat(recording.sent())
        .extracting(RecordingDraftingService.Sent::idempotencyKey)
        .containsOnly(recording.sent().get(0).idempotencyKey());
    assertThat(pendingAtFailure).containsExactly(1, 1);
    assertThat(log.states()).containsSubsequence(State.UNAVAILABLE, State.UNAVAILABLE, State.READY);
    assertThat(outbox.pending()).isEmpty();
  }

  @Test
  void aRestartReplaysTheOutboxWithTheSameKeyAndTheSameRequest() throws Exception {
    DraftWire wire = DraftWire.create();
    // before the restart: the service never answers (killed mid-stream), the process dies
    RecordingDraftingService dead =
        new RecordingDraftingService(
            new Decorator(engine) {
              @Override
              public DraftCall draft(DraftRequest r, String key, DraftListener l) {
                return engine.draft(r, key, e -> {});
              }
            });
    StatusLog before = new StatusLog();
    DictationSession first =
        session(
            dead,
            new FileOutbox(dir, Clock.systemUTC()),
            Duration.ofMillis(50),
            before,
            new PanelModel());
    first.onSegment(fin(1, "new eight point two mm solid nodule in the right upper lobe"));
    first.onSegment(fin(2, "no pleural effusion"));
    awaitCount(dead, r -> r.dictation().size() == 2);
    first.close();

    // after the restart: a new outbox over the same folder, a new minimiser, a new session
    FileOutbox reopened = new FileOutbox(dir, Clock.systemUTC());
    assertThat(reopened.pending()).hasSize(2);
    RecordingDraftingService live = new RecordingDraftingService(engine);
    StatusLog after = new StatusLog();
    PanelModel panel = new PanelModel();
    DictationSession second = session(live, reopened, Duration.ofMillis(50), after, panel);

    assertThat(second.resume()).isEqualTo(2);
    DraftReport draft = panel.awaitCompleted(WAIT.toMillis());
    after.await(st -> st.state() == State.READY && st.unsentItems() == 0, WAIT);

    RecordingDraftingService.Sent lastBefore = dead.sent().get(dead.count() - 1);
    RecordingDraftingService.Sent replay = live.sent().get(0);
    assertThat(live.count()).isEqualTo(1);
    System.out.printf(
        "fault restart between send and ack: sent=%d acknowledged=%d replayed=%d duplicated drafts=%d%n",
        dead.count(), 2 - reopened.pending().size(), 2, live.count() - 1);
    assertThat(replay.idempotencyKey()).isEqualTo(lastBefore.idempotencyKey());
    assertThat(wire.writeRequest(replay.request()))
        .isEqualTo(wire.writeRequest(lastBefore.request()));
    // same key, same request: the engine gives the same draft, so the effect is one draft
    assertThat(draft.draftId())
        .isEqualTo("emb-" + sha256(lastBefore.idempotencyKey()).substring(0, 16));
    assertThat(reopened.pending()).isEmpty();
    assertThat(new FileOutbox(dir, Clock.systemUTC()).pending()).isEmpty();
  }

  @Test
  void twoSourcesWithTheSameSeqAreTwoPiecesAndTheirReplayIsTheSameRequest() throws Exception {
    DraftWire wire = DraftWire.create();
    RecordingDraftingService dead =
        new RecordingDraftingService(
            new Decorator(engine) {
              @Override
              public DraftCall draft(DraftRequest r, String key, DraftListener l) {
                return engine.draft(r, key, e -> {});
              }
            });
    DictationSession first =
        session(
            dead,
            new FileOutbox(dir, Clock.systemUTC()),
            Duration.ofMillis(50),
            new StatusLog(),
            new PanelModel());
    first.onSegment(new DictationSegment("panel", UID, 0, true, "no pleural effusion"));
    first.onSegment(new DictationSegment("loopback", UID, 0, true, "new nodule in the lung"));
    // a corrected final of the panel's piece: stored later, still drafted in its first place
    first.onSegment(new DictationSegment("panel", UID, 0, true, "small left pleural effusion"));
    awaitCount(
        dead,
        r ->
            r.dictationText().contains("small left pleural effusion")
                && r.dictationText().contains("nodule"));
    RecordingDraftingService.Sent lastBefore = dead.sent().get(dead.count() - 1);
    assertThat(lastBefore.request().dictation())
        .extracting(DictationChunk::seq, DictationChunk::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0L, "small left pleural effusion"),
            org.assertj.core.groups.Tuple.tuple(1L, "new nodule in the lung"));
    first.close();

    FileOutbox reopened = new FileOutbox(dir, Clock.systemUTC());
    assertThat(reopened.pending()).hasSize(2);
    RecordingDraftingService live = new RecordingDraftingService(engine);
    PanelModel panel = new PanelModel();
    DictationSession second =
        session(live, reopened, Duration.ofMillis(50), new StatusLog(), panel);
    assertThat(second.resume()).isEqualTo(2);
    panel.awaitCompleted(WAIT.toMillis());

    RecordingDraftingService.Sent replay = live.sent().get(0);
    assertThat(replay.idempotencyKey()).isEqualTo(lastBefore.idempotencyKey());
    assertThat(wire.writeRequest(replay.request()))
        .isEqualTo(wire.writeRequest(lastBefore.request()));
  }

  @Test
  void aFullDiskIsReportedAsNotDurableAndTheDictationIsStillDrafted() throws Exception {
    // a real disk cannot be filled safely in a test: this outbox fails as a full one does
    Outbox full =
        new Outbox() {
          @Override
          public OutboxItem put(String kind, String key, byte[] payload) throws IOException {
            throw new IOException("No space left on device");
          }

          @Override
          public List<OutboxItem> pending() {
            return List.of();
          }

          @Override
          public void acknowledge(String id) {}
        };
    StatusLog log = new StatusLog();
    PanelModel panel = new PanelModel();
    DictationSession s = session(engine, full, Duration.ofMillis(50), log, panel);

    s.onSegment(fin(1, "new eight point two mm solid nodule in the right upper lobe"));

    SessionStatus notDurable = log.await(State.NOT_DURABLE, WAIT);
    assertThat(notDurable.message()).contains("No space left on device").contains("memory");
    assertThat(notDurable.unsentItems()).isEqualTo(1);
    DraftReport draft = panel.awaitCompleted(WAIT.toMillis());
    assertThat(draft.section(SectionKind.FINDINGS).orElseThrow().text())
        .containsIgnoringCase("nodule");
    log.await(st -> st.state() == State.READY && st.unsentItems() == 0, WAIT);
  }

  // ------------------------------------------------------------------ helpers

  static void awaitCount(RecordingDraftingService s, java.util.function.Predicate<DraftRequest> p)
      throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    while (s.sent().stream().noneMatch(x -> p.test(x.request()))) {
      if (System.nanoTime() > end) {
        throw new AssertionError("no matching request within " + WAIT + ": " + s.sent());
      }
      Thread.sleep(10);
    }
  }

  static void await(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String sha256(String s) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** A DraftingService decorator base for fault injection around the real engine. */
  abstract static class Decorator implements DraftingService {
    final DraftingService engine;

    Decorator(DraftingService engine) {
      this.engine = engine;
    }

    @Override
    public ModelInfo model() {
      return engine.model();
    }
  }
}
