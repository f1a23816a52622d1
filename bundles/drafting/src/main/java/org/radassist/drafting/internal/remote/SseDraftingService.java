package org.radassist.drafting.internal.remote;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.radassist.drafting.DraftAssembler;
import org.radassist.drafting.DraftCall;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftListener;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftingException;
import org.radassist.drafting.internal.net.EndpointPolicy;
import org.radassist.drafting.remote.RemoteConfig;
import org.radassist.drafting.remote.RemoteDraftingService;
import org.radassist.drafting.wire.DraftWire;
import org.radassist.drafting.wire.WireFormatException;
import org.radassist.model.DraftReport;
import org.radassist.model.ModelInfo;

/** The implementation of {@link RemoteDraftingService} (OkHttp + okhttp-sse). */
public final class SseDraftingService implements RemoteDraftingService {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final Set<Integer> RETRYABLE = Set.of(408, 429, 500, 502, 503, 504, 529);

  private final RemoteConfig config;
  private final OkHttpClient http;
  private final EventSource.Factory sse;
  private final ScheduledExecutorService scheduler;
  private final RandomGenerator random;
  private final Clock clock;
  private final DraftWire wire = DraftWire.create();

  /** Parsed once: parsing the URL was a fifth of the time draft() took on the caller's thread. */
  private final HttpUrl draftsUrl;

  /** False for plain http to another machine (a lab's explicit choice): no token in clear. */
  private final boolean sendToken;

  /**
   * A client for an {@code https://} endpoint, or {@code http://} on loopback.
   *
   * @throws IllegalArgumentException for plain {@code http://} to another machine
   */
  public SseDraftingService(
      RemoteConfig config,
      OkHttpClient base,
      ScheduledExecutorService scheduler,
      RandomGenerator random,
      Clock clock) {
    this(config, base, scheduler, random, clock, false);
  }

  /**
   * As the other constructor; {@code allowPlainHttp} lets a lab use plain {@code http://} to
   * another machine (logged as a warning; the bearer token is then never sent).
   *
   * @since 1.1
   */
  public SseDraftingService(
      RemoteConfig config,
      OkHttpClient base,
      ScheduledExecutorService scheduler,
      RandomGenerator random,
      Clock clock,
      boolean allowPlainHttp) {
    this.sendToken = EndpointPolicy.sendToken(config.baseUri(), allowPlainHttp);
    this.config = config;
    this.http =
        base.newBuilder()
            .connectTimeout(config.connectTimeout())
            .readTimeout(config.idleTimeout())
            .retryOnConnectionFailure(false) // retries are this class's decision
            .build();
    this.sse = EventSources.createFactory(http);
    // null for a URI OkHttp cannot use: each attempt then fails as it did before (a bad URL)
    this.draftsUrl = HttpUrl.parse(config.baseUri().resolve("/v1/drafts").toString());
    this.scheduler = scheduler;
    this.random = random;
    this.clock = clock;
  }

  @Override
  public ModelInfo model() {
    return new ModelInfo("drafting-service", "", config.baseUri().toString());
  }

  @Override
  public DraftCall draft(DraftRequest request, String idempotencyKey, DraftListener listener) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw new IllegalArgumentException("idempotencyKey must not be blank");
    }
    Call call = new Call(request, idempotencyKey, listener);
    call.start();
    return call;
  }

  /** The delay before retry {@code attempt} (1-based): Retry-After if given, else full jitter. */
  /**
   * A 409 whose problem type is {@code request-in-flight}: the same key is still being drafted (by
   * this replica or one that died holding it), so asking again later is the right thing; any other
   * 409 is final.
   */
  public static boolean inFlight(int code, String problemBody) {
    return code == 409 && problemBody != null && problemBody.contains("request-in-flight");
  }

  public Duration backoff(int attempt, String retryAfter) {
    if (retryAfter != null && !retryAfter.isBlank()) {
      try {
        return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.trim())));
      } catch (NumberFormatException notSeconds) {
        try {
          Duration d =
              Duration.between(
                  clock.instant(),
                  ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                      .toInstant());
          return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException notADate) {
          // fall through to the computed backoff
        }
      }
    }
    long cap =
        Math.min(
            config.backoffCap().toMillis(),
            config.backoffBase().toMillis() << Math.min(20, attempt - 1));
    return Duration.ofMillis(cap <= 0 ? 0 : random.nextLong(cap + 1));
  }

  private final class Call implements DraftCall {
    private final DraftRequest request;
    private final String key;
    private final DraftListener listener;
    private final byte[] body;
    private final CompletableFuture<DraftReport> result = new CompletableFuture<>();
    private final DraftAssembler assembler;
    private final Object lock = new Object();
    private EventSource source;
    private ScheduledFuture<?> firstEventTimer;
    private ScheduledFuture<?> deadlineTimer;
    private ScheduledFuture<?> retryTimer;
    private String lastEventId;
    private boolean eventSeenThisAttempt;
    private int retries;
    private long attempts;
    private long active; // the attempt whose events count; 0 while waiting to retry
    private boolean done;

    Call(DraftRequest request, String key, DraftListener listener) {
      this.request = request;
      this.key = key;
      this.listener = listener;
      this.body = wire.writeRequest(request).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      this.assembler = DraftAssembler.create(request.study().token(), clock);
    }

    void start() {
      synchronized (lock) {
        deadlineTimer =
            scheduler.schedule(
                () ->
                    fail(
                        new DraftEvent.Failed(
                            "deadline_exceeded",
                            true,
                            "no complete draft within " + config.overallDeadline()),
                        null),
                config.overallDeadline().toMillis(),
                TimeUnit.MILLISECONDS);
      }
      connect();
    }

    private void connect() {
      synchronized (lock) {
        if (done) {
          return;
        }
        long thisAttempt = ++attempts;
        active = thisAttempt;
        eventSeenThisAttempt = false;
        Request.Builder b = new Request.Builder();
        if (draftsUrl != null) {
          b.url(draftsUrl);
        } else {
          b.url(config.baseUri().resolve("/v1/drafts").toString()); // throws: not a usable URL
        }
        b.post(RequestBody.create(body, JSON))
            .header("Idempotency-Key", key)
            .header("Accept", "text/event-stream")
            .header("X-Request-Deadline-Ms", Long.toString(config.overallDeadline().toMillis()));
        if (config.bearerToken() != null && sendToken) {
          b.header("Authorization", "Bearer " + config.bearerToken());
        }
        if (lastEventId != null) {
          b.header("Last-Event-ID", lastEventId);
        }
        source = sse.newEventSource(b.build(), new Stream(thisAttempt));
        firstEventTimer =
            scheduler.schedule(
                () -> {
                  synchronized (lock) {
                    if (thisAttempt != active || eventSeenThisAttempt || done) {
                      return;
                    }
                    source.cancel();
                  }
                  failedAttempt(
                      thisAttempt,
                      new DraftEvent.Failed(
                          "timeout", true, "no event within " + config.firstEventTimeout()),
                      null);
                },
                config.firstEventTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
      }
    }

    /** One attempt's stream; events of a superseded attempt are ignored. */
    private final class Stream extends EventSourceListener {
      private final long attemptNo;

      Stream(long attemptNo) {
        this.attemptNo = attemptNo;
      }

      @Override
      public void onEvent(EventSource es, String id, String type, String data) {
        DraftEvent event;
        synchronized (lock) {
          if (done || attemptNo != active) {
            return;
          }
          eventSeenThisAttempt = true;
          firstEventTimer.cancel(false);
          try {
            event = wire.decode(type == null ? "message" : type, data);
          } catch (WireFormatException e) {
            es.cancel();
            finish(new DraftEvent.Failed("bad_response", false, e.getMessage()), e);
            return;
          }
          if (id != null) {
            lastEventId = id;
          }
          assembler.accept(event);
        }
        try {
          listener.onEvent(event);
        } catch (RuntimeException e) {
          // a failing listener must not break the stream for the caller waiting on result()
        }
        if (event instanceof DraftEvent.Failed f) {
          synchronized (lock) {
            done = true;
            cancelTimers();
          }
          result.completeExceptionally(new DraftingException(f.code(), f.retryable(), f.message()));
        } else if (event.isTerminal()) {
          synchronized (lock) {
            done = true;
            cancelTimers();
          }
          result.complete(assembler.snapshot());
        }
      }

      @Override
      public void onClosed(EventSource es) {
        synchronized (lock) {
          if (done || attemptNo != active) {
            return;
          }
        }
        failedAttempt(
            attemptNo,
            new DraftEvent.Failed("stream_ended", true, "the stream ended before the draft did"),
            null);
      }

      @Override
      public void onFailure(EventSource es, Throwable t, Response response) {
        DraftEvent.Failed failed;
        String retryAfter = null;
        if (response != null && response.code() >= 300) {
          int code = response.code();
          retryAfter = response.header("Retry-After");
          String detail = "";
          try {
            if (response.body() != null) {
              detail = response.body().string();
            }
          } catch (java.io.IOException | IllegalStateException ignored) {
            // the status says enough
          }
          failed =
              new DraftEvent.Failed(
                  "http_" + code,
                  RETRYABLE.contains(code) || inFlight(code, detail),
                  "drafting service answered HTTP "
                      + code
                      + (detail.isBlank() ? "" : ": " + detail));
        } else {
          failed =
              new DraftEvent.Failed(
                  "unavailable",
                  true,
                  "drafting service unreachable: " + (t == null ? "stream failed" : t));
        }
        failedAttempt(attemptNo, failed, retryAfter);
      }
    }

    private void failedAttempt(long attemptNo, DraftEvent.Failed failed, String retryAfter) {
      synchronized (lock) {
        if (done || attemptNo != active) {
          return;
        }
        firstEventTimer.cancel(false);
        if (failed.retryable() && retries < config.maxRetries()) {
          retries++;
          Duration delay = backoff(retries, retryAfter);
          active = 0; // nothing of the failed attempt counts any more
          retryTimer = scheduler.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
          return;
        }
      }
      fail(failed, null);
    }

    /** Ends the call with an error event delivered to the listener. */
    private void fail(DraftEvent.Failed failed, Throwable cause) {
      synchronized (lock) {
        if (done) {
          return;
        }
        if (source != null) {
          source.cancel();
        }
        finish(failed, cause);
      }
    }

    private void finish(DraftEvent.Failed failed, Throwable cause) {
      done = true;
      cancelTimers();
      try {
        listener.onEvent(failed);
      } catch (RuntimeException ignored) {
        // see onEvent
      }
      result.completeExceptionally(
          new DraftingException(failed.code(), failed.retryable(), failed.message(), cause));
    }

    private void cancelTimers() {
      for (ScheduledFuture<?> f :
          new ScheduledFuture<?>[] {firstEventTimer, deadlineTimer, retryTimer}) {
        if (f != null) {
          f.cancel(false);
        }
      }
    }

    @Override
    public String idempotencyKey() {
      return key;
    }

    @Override
    public CompletionStage<DraftReport> result() {
      return result;
    }

    @Override
    public void cancel() {
      synchronized (lock) {
        if (done) {
          return;
        }
        done = true;
        cancelTimers();
        if (source != null) {
          source.cancel();
        }
      }
      result.completeExceptionally(new CancellationException("draft cancelled"));
    }

    /** The request sent (for tests and the audit trail). */
    DraftRequest request() {
      return request;
    }
  }
}
