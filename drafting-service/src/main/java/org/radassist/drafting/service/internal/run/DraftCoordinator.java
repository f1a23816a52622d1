package org.radassist.drafting.service.internal.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.radassist.drafting.DraftCall;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftingService;
import org.radassist.drafting.service.internal.http.Problem;
import org.radassist.drafting.service.internal.store.DraftStore;
import org.radassist.drafting.service.internal.store.KeyClaim;
import org.radassist.drafting.service.internal.store.StoreException;
import org.radassist.drafting.service.internal.store.StoredDraft;
import org.radassist.drafting.wire.DraftWire;

/**
 * Starts drafts and applies Idempotency-Key semantics (draft-ietf-httpapi-idempotency-key-header):
 * a key is scoped to its client; the same key with the same request replays the stored draft or
 * attaches to the running one; the same key with another request is refused (422); a key whose
 * draft runs on another replica answers 409 with Retry-After. A request's identity is the SHA-256
 * of its canonical wire form, so whitespace or key order do not make a "different" request.
 */
public final class DraftCoordinator {
  private static final System.Logger LOG = System.getLogger(DraftCoordinator.class.getName());

  private final DraftingService backend;
  private final DraftStore store;
  private final DraftWire wire;
  private final Clock clock;
  private final String replicaId;
  private final ScheduledExecutorService scheduler;
  private final Duration abandonGrace;
  private final Map<String, DraftRun> running = new ConcurrentHashMap<>();

  public DraftCoordinator(
      DraftingService backend,
      DraftStore store,
      DraftWire wire,
      Clock clock,
      String replicaId,
      ScheduledExecutorService scheduler,
      Duration abandonGrace) {
    this.backend = backend;
    this.store = store;
    this.wire = wire;
    this.clock = clock;
    this.replicaId = replicaId;
    this.scheduler = scheduler;
    this.abandonGrace = abandonGrace;
  }

  public DraftingService backend() {
    return backend;
  }

  /**
   * Admits a draft request.
   *
   * @param idempotencyKey the client's key, or null for a request that is not to be deduplicated
   * @param deadline how long the draft may run before it fails with {@code deadline_exceeded}
   * @throws org.radassist.drafting.service.internal.http.ProblemException 422 or 409 as above
   */
  public Admission admit(
      String client, String idempotencyKey, DraftRequest request, Duration deadline) {
    String draftId = newDraftId();
    if (idempotencyKey == null) {
      return new Admission(start(draftId, client, null, request, deadline), false);
    }
    String scopedKey = client + " " + idempotencyKey;
    String hash = requestHash(request);
    // The lease outlives any draft (the deadline ends it): a key held past it belongs to a dead
    // replica and may be taken over.
    Duration lease = deadline.plusSeconds(30);
    KeyClaim claim = store.claim(scopedKey, hash, draftId, replicaId, clock.instant(), lease);
    if (claim.claimed()) {
      return new Admission(start(claim.draftId(), client, scopedKey, request, deadline), false);
    }
    if (!claim.requestHash().equals(hash)) {
      throw Problem.of(
              "idempotency-key-reused",
              422,
              "Idempotency-Key reused",
              "this Idempotency-Key was used for a different request; use a new key per request")
          .exception();
    }
    DraftRun live = running.get(claim.draftId());
    if (live != null) {
      return new Admission(live, true);
    }
    Optional<StoredDraft> stored = store.find(claim.draftId());
    if (stored.isPresent()) {
      return new Admission(new StoredSource(stored.get(), wire), true);
    }
    throw Problem.of(
            "request-in-flight",
            409,
            "Request in flight",
            "a request with this Idempotency-Key is still running on another replica; retry"
                + " after a moment, or resume with GET /v1/drafts/"
                + claim.draftId())
        .with("draft_id", claim.draftId())
        .withHeader("Retry-After", "1")
        .exception();
  }

  /** The draft with this id if it belongs to {@code client}: running here or in the store. */
  public Optional<DraftSource> find(String client, String draftId) {
    DraftRun live = running.get(draftId);
    if (live != null) {
      return live.client().equals(client) ? Optional.of(live) : Optional.empty();
    }
    return store
        .find(draftId)
        .filter(d -> d.client().equals(client))
        .map(d -> new StoredSource(d, wire));
  }

  /** Drafts running on this replica (for /ready and tests). */
  public int runningCount() {
    return running.size();
  }

  private DraftRun start(
      String draftId, String client, String scopedKey, DraftRequest request, Duration deadline) {
    DraftRun run =
        new DraftRun(
            draftId, client, scopedKey, request.study().token(), wire, clock, this::finished);
    running.put(draftId, run);
    run.onAbandoned(() -> scheduleAbandonCheck(run));
    DraftCall call;
    try {
      call = backend.draft(request, scopedKey == null ? draftId : scopedKey, run::accept);
    } catch (RuntimeException e) {
      running.remove(draftId);
      if (scopedKey != null) {
        releaseQuietly(scopedKey, draftId);
      }
      LOG.log(System.Logger.Level.ERROR, "backend refused draft " + draftId, e);
      throw Problem.of(
              "backend-unavailable",
              503,
              "Drafting backend unavailable",
              "the drafting backend could not start the draft: " + e.getMessage())
          .withHeader("Retry-After", "1")
          .exception();
    }
    run.bind(call);
    if (!run.finished()) {
      scheduler.schedule(
          () ->
              run.abort(
                  "deadline_exceeded",
                  true,
                  "the draft did not finish within " + deadline.toMillis() + " ms"),
          deadline.toMillis(),
          TimeUnit.MILLISECONDS);
    }
    return run;
  }

  /**
   * A draft nobody reads any more is cancelled after a grace period: long enough for a client to
   * reconnect with Last-Event-ID, short enough not to burn model time on a study the radiologist
   * has left.
   */
  private void scheduleAbandonCheck(DraftRun run) {
    scheduler.schedule(
        () -> {
          if (run.readers() == 0) {
            run.abort("cancelled", true, "no client read the draft for " + abandonGrace);
          }
        },
        abandonGrace.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void finished(DraftRun run) {
    try {
      store.save(run.toStored());
      DraftSource.FailureInfo f = run.failure();
      if (f != null && f.retryable() && run.idempotencyKey() != null) {
        // A retryable failure must not be replayed forever: the same key may try again.
        store.release(run.idempotencyKey(), run.draftId());
      }
      running.remove(run.draftId());
    } catch (StoreException e) {
      // Keep serving it from memory a while; the client still has its stream.
      LOG.log(System.Logger.Level.ERROR, "could not store draft " + run.draftId(), e);
      scheduler.schedule(() -> running.remove(run.draftId()), 10, TimeUnit.MINUTES);
    }
  }

  private void releaseQuietly(String scopedKey, String draftId) {
    try {
      store.release(scopedKey, draftId);
    } catch (StoreException e) {
      LOG.log(System.Logger.Level.WARNING, "could not release key of " + draftId, e);
    }
  }

  private String requestHash(DraftRequest request) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(wire.writeRequest(request).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  private static String newDraftId() {
    return "d-" + UUID.randomUUID();
  }
}
