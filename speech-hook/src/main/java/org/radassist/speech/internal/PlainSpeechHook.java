package org.radassist.speech.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;
import org.radassist.drafting.DraftingService;
import org.radassist.model.Finding;
import org.radassist.model.StudyContext;
import org.radassist.speech.DictationSink;
import org.radassist.speech.DictationSource;
import org.radassist.speech.ResultSender;
import org.radassist.speech.StudyDictation;
import org.radassist.speech.StudyDictationListener;
import org.radassist.speech.hook.HostedSpeechHook;
import org.radassist.speech.hook.LoopbackEndpoint;
import org.radassist.speech.internal.fhircast.FhircastConfig;
import org.radassist.speech.internal.fhircast.FhircastListener;
import org.radassist.speech.internal.fhircast.FhircastSubscriber;
import org.radassist.speech.internal.loopback.LoopbackConfig;
import org.radassist.speech.internal.loopback.LoopbackIntake;

/**
 * The speech hook a plain host owns ({@code SpeechHooks}): a {@link DefaultSpeechHook} with its own
 * timer thread, its file outbox and, when asked, the loopback intake, all released by {@link
 * #close}.
 */
public final class PlainSpeechHook implements HostedSpeechHook {
  /**
   * What {@code SpeechHooks.Builder} collected; loopbackPort null: no loopback intake; fhircastHub
   * null: no FHIRcast subscription.
   */
  public record Settings(
      DraftingService drafting,
      Path outbox,
      Clock clock,
      Duration debounce,
      Duration firstRetry,
      Duration maxRetry,
      Integer loopbackPort,
      Path loopbackTokenFile,
      URI fhircastHub,
      String fhircastTopic,
      String fhircastToken,
      List<DictationSource> sources,
      List<ResultSender> resultSenders) {}

  /** Same limits as the OSGi component's defaults. */
  private static final int MAX_BODY_BYTES = 65536;

  private static final int MAX_TEXT_CHARS = 20000;

  private final ScheduledExecutorService scheduler;
  private final FileOutbox outbox;
  private final DefaultSpeechHook hook;
  private final LoopbackIntake intake;
  private final Path tokenFile;
  private final Path outboxDir;

  private PlainSpeechHook(
      ScheduledExecutorService scheduler,
      FileOutbox outbox,
      DefaultSpeechHook hook,
      LoopbackIntake intake,
      Path tokenFile,
      Path outboxDir) {
    this.outboxDir = outboxDir;
    this.scheduler = scheduler;
    this.outbox = outbox;
    this.hook = hook;
    this.intake = intake;
    this.tokenFile = tokenFile;
  }

  /** Starts everything, or nothing: a part that fails stops the parts started before it. */
  public static PlainSpeechHook start(Settings s) throws IOException {
    DictationSession.Timing timing =
        new DictationSession.Timing(s.debounce(), s.firstRetry(), s.maxRetry());
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "radassist-speech");
              t.setDaemon(true);
              return t;
            });
    FileOutbox outbox = null;
    DefaultSpeechHook hook = null;
    try {
      outbox = new FileOutbox(s.outbox(), s.clock());
      hook = new DefaultSpeechHook(outbox, scheduler, timing);
      hook.setDraftingService(s.drafting());
      s.resultSenders().forEach(hook::addResultSender);
      LoopbackIntake intake = null;
      if (s.loopbackPort() != null) {
        intake =
            new LoopbackIntake(
                new LoopbackConfig(
                    s.loopbackPort(), s.loopbackTokenFile(), MAX_BODY_BYTES, MAX_TEXT_CHARS),
                new SecureRandom());
        hook.startSource(intake);
      }
      if (s.fhircastHub() != null) {
        hook.startSource(
            new BackgroundFhircast(
                new FhircastConfig(
                    s.fhircastHub(),
                    s.fhircastTopic(),
                    s.fhircastToken(),
                    "RadAssist",
                    7200,
                    0.8,
                    Duration.ofSeconds(10))));
      }
      for (DictationSource source : s.sources()) {
        hook.startSource(source);
      }
      return new PlainSpeechHook(
          scheduler, outbox, hook, intake, s.loopbackTokenFile(), s.outbox());
    } catch (IOException | RuntimeException e) {
      if (hook != null) {
        hook.close();
      }
      scheduler.shutdownNow();
      if (outbox != null) {
        try {
          outbox.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  @Override
  public StudyDictation open(
      StudyContext study, Supplier<List<Finding>> findings, StudyDictationListener listener) {
    return hook.open(study, findings, listener);
  }

  @Override
  public List<String> sources() {
    return hook.sources();
  }

  @Override
  public void rememberIndication(String studyInstanceUid, String indication) {
    hook.rememberIndication(studyInstanceUid, indication);
  }

  @Override
  public void rememberOrder(String studyInstanceUid, String placerOrderNumber) {
    hook.rememberOrder(studyInstanceUid, placerOrderNumber);
  }

  @Override
  public Optional<LoopbackEndpoint> loopback() {
    return intake == null
        ? Optional.empty()
        : Optional.of(new LoopbackEndpoint(intake.httpUri(), intake.webSocketUri(), tokenFile));
  }

  @Override
  public int unsentItems() throws IOException {
    return (int)
        outbox.pending().stream().filter(i -> i.kind().equals(DictationSession.KIND)).count();
  }

  @Override
  public void close() {
    hook.close(); // stops the sources, the loopback intake among them
    scheduler.shutdownNow();
    try {
      outbox.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing the speech hook's outbox " + outboxDir, e);
    }
  }

  /**
   * The FHIRcast subscriber as the hook's source, with its own timer thread and HTTP client:
   * subscribes in the background (a hub that is down at start is tried again with backoff), and its
   * subscription's states are logged, as the OSGi component does.
   */
  private static final class BackgroundFhircast implements DictationSource {
    private static final Logger LOG = Logger.getLogger(BackgroundFhircast.class.getName());
    private final ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "radassist-fhircast");
              t.setDaemon(true);
              return t;
            });
    private final OkHttpClient http = new OkHttpClient();
    private final FhircastSubscriber subscriber;

    BackgroundFhircast(FhircastConfig config) {
      this.subscriber =
          new FhircastSubscriber(
              config,
              http,
              new FhircastListener() {
                @Override
                public void syncError(String message) {
                  LOG.log(Level.WARNING, "FHIRcast SyncError: {0}", message);
                }

                @Override
                public void subscription(String state, String detail) {
                  LOG.log(
                      state.equals("subscribed") || state.equals("resubscribed")
                          ? Level.INFO
                          : Level.WARNING,
                      "FHIRcast subscription {0} {1}",
                      new Object[] {state, detail});
                }
              },
              timer);
    }

    @Override
    public String name() {
      return subscriber.name();
    }

    @Override
    public void start(DictationSink sink) {
      subscriber.startInBackground(sink);
    }

    @Override
    public void close() {
      subscriber.close();
      timer.shutdownNow();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
