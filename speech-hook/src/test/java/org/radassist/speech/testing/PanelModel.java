package org.radassist.speech.testing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.radassist.drafting.DraftAssembler;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftListener;
import org.radassist.model.DraftReport;
import org.radassist.model.DraftStatus;

/**
 * What the panel does with a session's events: folds each stream into a draft with the same
 * DraftAssembler the panel uses, starting afresh at every draft.started.
 */
public final class PanelModel implements DraftListener {
  private final List<DraftEvent> events = new ArrayList<>();
  private DraftAssembler current;
  private DraftReport lastCompleted;

  @Override
  public synchronized void onEvent(DraftEvent event) {
    events.add(event);
    if (event instanceof DraftEvent.Started || current == null) {
      current = DraftAssembler.create("panel", Clock.systemUTC());
    }
    current.accept(event);
    if (current.status() == DraftStatus.COMPLETE) {
      lastCompleted = current.snapshot();
    }
    notifyAll();
  }

  public synchronized List<DraftEvent> events() {
    return List.copyOf(events);
  }

  public synchronized DraftReport lastCompleted() {
    return lastCompleted;
  }

  /** Waits for a completed draft. */
  public synchronized DraftReport awaitCompleted(long timeoutMillis) throws InterruptedException {
    long end = System.currentTimeMillis() + timeoutMillis;
    while (lastCompleted == null) {
      long left = end - System.currentTimeMillis();
      if (left <= 0) {
        throw new AssertionError("no completed draft within " + timeoutMillis + " ms: " + events);
      }
      wait(left);
    }
    return lastCompleted;
  }
}
