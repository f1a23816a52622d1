package org.radassist.drafting.service.internal.run;

import java.util.List;
import org.radassist.drafting.service.internal.store.StoredEvent;
import org.radassist.model.DraftStatus;

/**
 * A draft a response can be written from: one running on this replica, or one finished and kept in
 * the store. Streams, replays and resumes all read events through this one view.
 */
public interface DraftSource {

  String draftId();

  /**
   * The events after sequence number {@code afterSeq}, waiting up to {@code waitMillis} for the
   * first one; empty when none came in time or the draft has ended.
   */
  List<StoredEvent> eventsAfter(long afterSeq, long waitMillis) throws InterruptedException;

  /** True once the terminal event is among the events. */
  boolean finished();

  /** Waits up to {@code waitMillis} for the terminal event; true when it came. */
  boolean awaitFinished(long waitMillis) throws InterruptedException;

  DraftStatus status();

  /** The code and retryability of a failed draft's error event, or null. */
  FailureInfo failure();

  /** The draft as far as it has come, as the contract's final object (JSON). */
  String reportJson();

  /** A response is reading this draft (a running draft is not abandoned while someone reads). */
  default void attach() {}

  /** The reader has gone. */
  default void detach() {}

  /** What a failed draft said. */
  record FailureInfo(String code, boolean retryable, String message) {}
}
