package org.radassist.drafting.service.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftingService;
import org.radassist.drafting.remote.RemoteConfig;
import org.radassist.drafting.remote.RemoteDraftingService;
import org.radassist.model.StudyContext;
import org.radassist.speech.DictationSegment;
import org.radassist.speech.DictationSink;
import org.radassist.speech.DictationSource;
import org.radassist.speech.SessionStatus;
import org.radassist.speech.StudyDictation;
import org.radassist.speech.StudyDictationListener;
import org.radassist.speech.hook.HostedSpeechHook;
import org.radassist.speech.hook.SpeechHooks;
import org.radassist.speech.testing.StatusLog;

/**
 * The workstation side as a host without OSGi runs it, through the speech hook's public factory
 * ({@link SpeechHooks}: durable outbox in a folder, PHI minimised by the one request factory),
 * drafting through the real {@link RemoteDraftingService} (OkHttp) against a drafting service, the
 * study's streamed events folded into the panel's model ({@link PanelFeed}) and its states recorded
 * as the panel shows them ({@link StatusLog}). A speech engine ({@link #engine}) delivers segments
 * as a dictation source of the hook.
 */
final class Hook implements AutoCloseable {
  static final String INDICATION = "annual lung cancer screening, 30 pack-years";

  /** Short timeouts so a fault suite stays fast; the defaults are in {@link RemoteConfig}. */
  static RemoteConfig fastConfig(URI base, String token) {
    return RemoteConfig.defaults(base, token)
        .withTimeouts(
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(3),
            Duration.ofSeconds(20))
        .withRetries(2, Duration.ofMillis(100), Duration.ofMillis(400));
  }

  /** Debounce 50 ms; session backoff after a failed call: 250 ms doubling up to 1 s. */
  static SpeechHooks.Builder timing(SpeechHooks.Builder b) {
    return b.timing(Duration.ofMillis(50), Duration.ofMillis(250), Duration.ofSeconds(1));
  }

  final HttpLog http = new HttpLog();
  final StatusLog status = new StatusLog();
  final PanelFeed panel = new PanelFeed();
  final Engine engine = new Engine();
  final ScheduledExecutorService scheduler;

  /** The OkHttp client the remote service derives its own from (they share pool and threads). */
  final OkHttpClient base;

  final RemoteDraftingService remote;
  final HostedSpeechHook speech;
  private final StudyContext study;
  private StudyDictation dictation;

  /** How many dictation items the outbox held when the study was opened (replayed then). */
  int replayedFromOutbox;

  Hook(StudyContext study, RemoteConfig config, Path outboxDir) throws IOException {
    this(study, config, outboxDir, UnaryOperator.identity(), UnaryOperator.identity());
  }

  /**
   * @param wrap decorates the remote service (only to inject a fault no real peer can produce)
   * @param more adds to the hook's settings (e.g. the loopback intake, a FHIRcast subscriber)
   */
  Hook(
      StudyContext study,
      RemoteConfig config,
      Path outboxDir,
      UnaryOperator<DraftingService> wrap,
      UnaryOperator<SpeechHooks.Builder> more)
      throws IOException {
    this.study = study;
    scheduler =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "e2e-hook");
              t.setDaemon(true);
              return t;
            });
    base = http.client();
    remote =
        RemoteDraftingService.create(config, base, scheduler, new Random(7), Clock.systemUTC());
    speech =
        more.apply(timing(SpeechHooks.builder(wrap.apply(remote)).outbox(outboxDir)).source(engine))
            .build();
    speech.rememberIndication(study.studyInstanceUid(), INDICATION);
  }

  /**
   * Opens the study's dictation, as the panel does for the study on screen: what the outbox still
   * holds for it (a restart) is replayed now.
   */
  Hook open() throws IOException {
    replayedFromOutbox = speech.unsentItems();
    dictation =
        speech.open(
            study,
            List::of,
            new StudyDictationListener() {
              @Override
              public void onSegment(DictationSegment segment) {}

              @Override
              public void onDraftEvent(DraftEvent event) {
                panel.onEvent(event);
              }

              @Override
              public void onStatus(SessionStatus s) {
                status.accept(s);
              }
            });
    return this;
  }

  int pending() throws IOException {
    return speech.unsentItems();
  }

  @Override
  public void close() {
    if (dictation != null) {
      dictation.close();
    }
    speech.close();
    scheduler.shutdownNow();
    base.dispatcher().cancelAll();
    base.connectionPool().evictAll(); // idle keep-alive connections would hold up the server's stop
  }

  /** A speech engine on the workstation: what the test dictates reaches the hook as segments. */
  static final class Engine implements DictationSource {
    private volatile DictationSink sink;

    @Override
    public String name() {
      return "engine";
    }

    @Override
    public void start(DictationSink sink) {
      this.sink = sink;
    }

    void dictate(DictationSegment segment) {
      sink.onSegment(segment);
    }

    @Override
    public void close() {
      sink = null;
    }
  }
}
