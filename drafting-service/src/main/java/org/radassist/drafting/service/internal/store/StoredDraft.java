package org.radassist.drafting.service.internal.store;

import java.time.Instant;
import java.util.List;
import org.radassist.model.DraftStatus;

/**
 * A finished draft as the store keeps it: the events exactly as streamed (so that a replay or a
 * resume sends the same bytes) and the final object of a non-streaming response.
 */
public record StoredDraft(
    String draftId,
    String client,
    DraftStatus status,
    List<StoredEvent> events,
    String reportJson,
    Instant createdAt) {
  public StoredDraft {
    events = List.copyOf(events);
  }
}
