package org.radassist.drafting.service.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;
import org.radassist.drafting.DraftingService;
import org.radassist.drafting.remote.RemoteConfig;
import org.radassist.drafting.remote.RemoteDraftingService;
import org.radassist.drafting.request.DraftRequestFactory;
import org.radassist.model.StudyContext;
import org.radassist.speech.DictationSession;
import org.radassist.speech.internal.FileOutbox;
import org.radassist.speech.testing.StatusLog;

/**
 * The workstation side as it runs in RadAssist: a {@link DictationSession} with its durable outbox
 * in a folder and the PHI minimiser, drafting through the real {@link RemoteDraftingService}
 * (OkHttp) against a drafting service, its events folded into the panel's model ({@link PanelFeed})
 * and its states recorded as the panel shows them ({@link StatusLog}).
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

  /** Session backoff after a failed call: 250 ms doubling up to 1 s. */
  static final DictationSession.Timing TIMING =
      new DictationSession.Timing(
          Duration.ofMillis(50), Duration.ofMillis(250), Duration.ofSeconds(1));

  final HttpLog http = new HttpLog();
  final StatusLog status = new StatusLog();
  final PanelFeed panel = new PanelFeed();
  final ScheduledExecutorService scheduler;

  /** The OkHttp client the remote service derives its own from (they share pool and threads). */
  final OkHttpClient base;

  final RemoteDraftingService remote;
  final FileOutbox outbox;
  final DictationSession session;

  Hook(StudyContext study, RemoteConfig config, Path outboxDir) throws IOException {
    this(study, config, outboxDir, UnaryOperator.identity());
  }

  /**
   * @param wrap decorates the remote service (only to inject a fault no real peer can produce)
   */
  Hook(StudyContext study, RemoteConfig config, Path outboxDir, UnaryOperator<DraftingService> wrap)
      throws IOException {
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
    outbox = new FileOutbox(outboxDir, Clock.systemUTC());
    session =
        new DictationSession(
            study,
            wrap.apply(remote),
            DraftRequestFactory.newSession(new SecureRandom()),
            outbox,
            scheduler,
            TIMING,
            status,
            panel,
            () -> INDICATION,
            List::of);
  }

  int pending() throws IOException {
    return outbox.pending().size();
  }

  @Override
  public void close() {
    session.close();
    scheduler.shutdownNow();
    base.dispatcher().cancelAll();
    base.connectionPool().evictAll(); // idle keep-alive connections would hold up the server's stop
  }
}
