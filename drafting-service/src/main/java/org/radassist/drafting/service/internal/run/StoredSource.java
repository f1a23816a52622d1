package org.radassist.drafting.service.internal.run;

import java.util.List;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.service.internal.store.StoredDraft;
import org.radassist.drafting.service.internal.store.StoredEvent;
import org.radassist.drafting.wire.DraftWire;
import org.radassist.model.DraftStatus;

/** A finished draft read back from the store: replays and late resumes come from here. */
final class StoredSource implements DraftSource {
  private final StoredDraft draft;
  private final FailureInfo failure;

  StoredSource(StoredDraft draft, DraftWire wire) {
    this.draft = draft;
    List<StoredEvent> events = draft.events();
    StoredEvent last = events.isEmpty() ? null : events.get(events.size() - 1);
    FailureInfo f = null;
    if (last != null && "error".equals(last.name())) {
      DraftEvent.Failed e = (DraftEvent.Failed) wire.decode(last.name(), last.data());
      f = new FailureInfo(e.code(), e.retryable(), e.message());
    }
    this.failure = f;
  }

  @Override
  public String draftId() {
    return draft.draftId();
  }

  @Override
  public List<StoredEvent> eventsAfter(long afterSeq, long waitMillis) {
    List<StoredEvent> events = draft.events();
    int from = (int) Math.max(0, Math.min(afterSeq, events.size()));
    return events.subList(from, events.size());
  }

  @Override
  public boolean finished() {
    return true;
  }

  @Override
  public boolean awaitFinished(long waitMillis) {
    return true;
  }

  @Override
  public DraftStatus status() {
    return draft.status();
  }

  @Override
  public FailureInfo failure() {
    return failure;
  }

  @Override
  public String reportJson() {
    return draft.reportJson();
  }
}
