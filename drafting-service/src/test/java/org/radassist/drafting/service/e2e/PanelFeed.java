package org.radassist.drafting.service.e2e;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftListener;
import org.radassist.drafting.TemplateSpec;
import org.radassist.model.SectionKind;
import org.radassist.panel.internal.model.MutableDraftReview;
import org.radassist.panel.model.DraftReview;

/**
 * The panel's side of a dictation session: every streamed event is folded into the viewer panel's
 * own model ({@link DraftReview}, its internal implementation) the way the panel controller does
 * it: a {@code draft.started} starts a fresh review of the default template's sections, every event
 * is applied in order. The review is confined behind this object's monitor (it is not thread-safe;
 * the panel keeps it on its UI thread); the events and the order of completed sections are kept for
 * assertions.
 */
final class PanelFeed implements DraftListener {
  // the panel's own implementation (internal to viewer-panel): the API is read-only
  private final MutableDraftReview review =
      new MutableDraftReview(Clock.systemUTC(), () -> "dr-test", d -> {});
  private final List<DraftEvent> events = new ArrayList<>();
  private final List<SectionKind> sectionsDone = new ArrayList<>();
  private final List<String> startedDraftIds = new ArrayList<>();

  @Override
  public synchronized void onEvent(DraftEvent event) {
    events.add(event);
    if (event instanceof DraftEvent.Started s) {
      review.start(TemplateSpec.DEFAULT.sections());
      sectionsDone.clear();
      startedDraftIds.add(s.draftId());
    } else if (event instanceof DraftEvent.SectionDone d) {
      sectionsDone.add(d.section());
    }
    review.apply(event);
    notifyAll();
  }

  /** Reads the review under the monitor (as the UI thread would). */
  synchronized <T> T read(Function<DraftReview, T> query) {
    return query.apply(review);
  }

  synchronized List<DraftEvent> events() {
    return List.copyOf(events);
  }

  /** The sections whose {@code section.done} arrived in the current draft, in arrival order. */
  synchronized List<SectionKind> sectionsDone() {
    return List.copyOf(sectionsDone);
  }

  /** The draft ids of every {@code draft.started} seen (one per draft streamed to the panel). */
  synchronized List<String> startedDraftIds() {
    return List.copyOf(startedDraftIds);
  }

  synchronized long count(Class<? extends DraftEvent> type) {
    return events.stream().filter(type::isInstance).count();
  }

  /** Waits until the review reaches {@code phase}. */
  DraftReview.Phase awaitPhase(DraftReview.Phase phase, Duration timeout)
      throws InterruptedException {
    return await(r -> r.phase() == phase, timeout) ? phase : null;
  }

  synchronized boolean await(Predicate<DraftReview> condition, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.test(review)) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "the panel's review did not reach the expected state within "
                + timeout
                + "; phase "
                + review.phase()
                + ", events "
                + events);
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
