package org.radassist.drafting.service.internal.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Drafts and idempotency keys, shared by every replica that uses the same store. Keys are claimed
 * atomically (a primary-key insert), so two replicas receiving the same key at once start one draft
 * between them.
 */
public interface DraftStore extends AutoCloseable {

  /**
   * Claims {@code key} for a new draft, or returns who holds it. A holder whose lease has run out
   * (its replica died mid-draft) is taken over, so a key is never stuck.
   */
  KeyClaim claim(
      String key, String requestHash, String draftId, String owner, Instant now, Duration lease);

  /** Lets the key go (e.g. after a retryable failure), so the same key may run again. */
  void release(String key, String draftId);

  /**
   * Lets go of every key {@code owner} holds for a draft that was never stored, and returns how
   * many. Called when a replica starts, before it serves: such keys belong to drafts its previous
   * run was killed in the middle of (nothing runs yet), so their clients' retries may run them
   * again at once instead of getting 409 until the lease runs out. Needs a replica id that stays
   * the same across restarts and is unique among the replicas sharing the store.
   */
  int releaseOrphans(String owner);

  /** Keeps a finished draft; later saves of the same id are ignored. */
  void save(StoredDraft draft);

  Optional<StoredDraft> find(String draftId);

  /** Forgets keys and drafts created before {@code cutoff}; returns how many rows went. */
  int purgeBefore(Instant cutoff);

  /** True when the store answers (for /ready). */
  boolean isReady();

  @Override
  void close();
}
