package org.radassist.drafting.remote;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;
import org.radassist.drafting.DraftCall;
import org.radassist.drafting.DraftingService;
import org.radassist.drafting.internal.remote.SseDraftingService;
import org.radassist.drafting.wire.DraftWire;

/**
 * The drafting service as a {@link DraftingService}: {@code POST /v1/drafts} with {@code Accept:
 * text/event-stream}, one Idempotency-Key per user request (the caller's), events decoded with the
 * contract's {@link DraftWire}. Timeouts: connect, first event, idle (between bytes, heartbeats
 * included) and an overall deadline. Retries: on connection errors, timeouts, 408, 429 and 5xx,
 * never on other 4xx; before the first event a retry is a plain repeat, after it the stream is
 * resumed with {@code Last-Event-ID} so no event is delivered twice; delays are exponential with
 * full jitter, or the server's {@code Retry-After}. {@link DraftCall#cancel()} closes the stream,
 * so the server stops generating.
 */
public interface RemoteDraftingService extends DraftingService {

  /**
   * A client of the service at {@code config.baseUri()}: an {@code https://} endpoint, or {@code
   * http://} on loopback.
   *
   * @param base the OkHttp client whose connection pool and dispatcher the calls share
   * @param scheduler runs retry delays and deadlines
   * @param random draws the backoff jitter
   * @param clock stamps the drafts
   * @throws IllegalArgumentException for plain {@code http://} to another machine
   */
  static RemoteDraftingService create(
      RemoteConfig config,
      OkHttpClient base,
      ScheduledExecutorService scheduler,
      RandomGenerator random,
      Clock clock) {
    return new SseDraftingService(config, base, scheduler, random, clock);
  }

  /**
   * As {@link #create(RemoteConfig, OkHttpClient, ScheduledExecutorService, RandomGenerator,
   * Clock)}; {@code allowPlainHttp} lets a lab use plain {@code http://} to another machine (logged
   * as a warning; the bearer token is then never sent).
   */
  static RemoteDraftingService create(
      RemoteConfig config,
      OkHttpClient base,
      ScheduledExecutorService scheduler,
      RandomGenerator random,
      Clock clock,
      boolean allowPlainHttp) {
    return new SseDraftingService(config, base, scheduler, random, clock, allowPlainHttp);
  }
}
