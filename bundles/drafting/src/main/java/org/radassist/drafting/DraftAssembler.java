package org.radassist.drafting;

import java.time.Clock;
import org.radassist.drafting.internal.assembly.FoldingDraftAssembler;
import org.radassist.model.DraftReport;
import org.radassist.model.DraftStatus;

/**
 * Folds a draft's events into a {@link DraftReport}, so that a client, a panel and the service all
 * agree on what a stream means. Not thread-safe: feed it from one thread.
 */
public interface DraftAssembler {

  /**
   * A new assembler for one draft.
   *
   * @param studyToken the study token the report carries ({@code null} when the caller has none)
   * @param clock stamps each snapshot
   */
  static DraftAssembler create(String studyToken, Clock clock) {
    return new FoldingDraftAssembler(studyToken, clock);
  }

  /** Applies one event; events after a terminal event are refused. */
  void accept(DraftEvent event);

  /** STREAMING until a Completed or Failed event. */
  DraftStatus status();

  /** The failure event, if the draft failed. */
  DraftEvent.Failed failure();

  /** The draft as far as it has streamed; sections in report order. */
  DraftReport snapshot();
}
