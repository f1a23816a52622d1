package org.radassist.drafting.service.internal.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.radassist.model.DraftStatus;

/**
 * Child process of {@link JdbcDraftStoreTest}: claims a key, saves a draft and dies at once, as a
 * {@code kill -9} right after the client saw {@code draft.completed} would (no shutdown hook, no
 * close).
 */
public final class SaveThenHalt {
  public static void main(String[] args) throws Exception {
    JdbcDraftStore store = new JdbcDraftStore(args[0], 2);
    Instant now = Instant.now();
    store.claim("c crash-key", "hashA", "d-crash", "r1", now, Duration.ofSeconds(90));
    store.save(
        new StoredDraft(
            "d-crash",
            "c",
            DraftStatus.COMPLETE,
            List.of(new StoredEvent(1, "draft.completed", "{\"draft_id\":\"d-crash\"}")),
            "{\"draft_id\":\"d-crash\"}",
            now));
    Runtime.getRuntime().halt(3);
  }

  private SaveThenHalt() {}
}
