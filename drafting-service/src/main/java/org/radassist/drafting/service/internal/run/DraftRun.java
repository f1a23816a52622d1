package org.radassist.drafting.service.internal.run;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.radassist.drafting.DraftAssembler;
import org.radassist.drafting.DraftCall;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.service.internal.store.StoredDraft;
import org.radassist.drafting.service.internal.store.StoredEvent;
import org.radassist.drafting.wire.DraftWire;
import org.radassist.drafting.wire.WireEvent;
import org.radassist.model.DraftStatus;

/**
 * A draft running on this replica: the events so far, numbered from 1 as they are sent, for any
 * number of readers (the first request, attached retries, resumes). The server owns the draft id:
 * the backend's {@code draft.started} and {@code draft.completed} carry it whatever id the backend
 * made up. Thread-safe.
 */
public final class DraftRun implements DraftSource {
  private final String draftId;
  private final String client;
  private final String idempotencyKey;
  private final Instant createdAt;
  private final DraftWire wire;
  private final DraftAssembler assembler;
  private final Consumer<DraftRun> onFinish;
  private final List<StoredEvent> events = new ArrayList<>();
  private DraftCall call;
  private FailureInfo failure;
  private boolean finished;
  private boolean ending;
  private StoredEvent pendingTerminal;
  private String finalReport;
  private int readers;
  private Runnable onAbandoned = () -> {};

  public DraftRun(
      String draftId,
      String client,
      String idempotencyKey,
      String studyToken,
      DraftWire wire,
      Clock clock,
      Consumer<DraftRun> onFinish) {
    this.draftId = draftId;
    this.client = client;
    this.idempotencyKey = idempotencyKey;
    this.createdAt = clock.instant();
    this.wire = wire;
    this.assembler = DraftAssembler.create(studyToken, clock);
    this.onFinish = onFinish;
  }

  @Override
  public String draftId() {
    return draftId;
  }

  public String client() {
    return client;
  }

  /** The scoped idempotency key this draft holds, or null. */
  public String idempotencyKey() {
    return idempotencyKey;
  }

  synchronized void bind(DraftCall call) {
    this.call = call;
  }

  synchronized void onAbandoned(Runnable action) {
    this.onAbandoned = action;
  }

  /**
   * Takes one event from the backend; events after the terminal one are dropped. The terminal event
   * is stored (through {@code onFinish}) before any reader sees it, so a client that saw {@code
   * draft.completed} finds the draft on every replica.
   */
  public void accept(DraftEvent event) {
    DraftEvent e = ownId(event);
    StoredEvent terminal;
    synchronized (this) {
      if (ending) {
        return;
      }
      WireEvent w = wire.encode(e);
      StoredEvent stored = new StoredEvent(events.size() + 1L, w.name(), w.data());
      assembler.accept(e);
      if (!e.isTerminal()) {
        events.add(stored);
        notifyAll();
        return;
      }
      if (e instanceof DraftEvent.Failed f) {
        failure = new FailureInfo(f.code(), f.retryable(), f.message());
      }
      ending = true;
      terminal = stored;
      pendingTerminal = stored;
      // frozen once: a replay and a GET must answer the very same object (same created_at)
      finalReport = wire.writeReport(assembler.snapshot());
    }
    try {
      onFinish.accept(this);
    } finally {
      synchronized (this) {
        events.add(terminal);
        pendingTerminal = null;
        finished = true;
        notifyAll();
      }
    }
  }

  /**
   * Ends the draft with an error event of our own (deadline, abandoned stream) and stops the
   * backend; nothing happens when the draft has already ended.
   */
  public void abort(String code, boolean retryable, String message) {
    DraftCall c;
    synchronized (this) {
      if (ending) {
        return;
      }
      c = call;
    }
    if (c != null) {
      c.cancel();
    }
    accept(new DraftEvent.Failed(code, retryable, message));
  }

  private DraftEvent ownId(DraftEvent e) {
    if (e instanceof DraftEvent.Started s) {
      return new DraftEvent.Started(draftId, s.model());
    }
    if (e instanceof DraftEvent.Completed c) {
      return new DraftEvent.Completed(
          draftId,
          c.inputTokens(),
          c.outputTokens(),
          c.ttftMillis(),
          c.totalMillis(),
          c.responseSha256());
    }
    return e;
  }

  @Override
  public synchronized List<StoredEvent> eventsAfter(long afterSeq, long waitMillis)
      throws InterruptedException {
    long deadline = System.nanoTime() + waitMillis * 1_000_000L;
    while (events.size() <= afterSeq && !finished) {
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        return List.of();
      }
      wait(left);
    }
    int from = (int) Math.max(0, Math.min(afterSeq, events.size()));
    return List.copyOf(events.subList(from, events.size()));
  }

  @Override
  public synchronized boolean finished() {
    return finished;
  }

  @Override
  public synchronized boolean awaitFinished(long waitMillis) throws InterruptedException {
    long deadline = System.nanoTime() + waitMillis * 1_000_000L;
    while (!finished) {
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }

  @Override
  public synchronized DraftStatus status() {
    return assembler.status();
  }

  @Override
  public synchronized FailureInfo failure() {
    return failure;
  }

  @Override
  public synchronized String reportJson() {
    return finalReport != null ? finalReport : wire.writeReport(assembler.snapshot());
  }

  @Override
  public synchronized void attach() {
    readers++;
  }

  @Override
  public void detach() {
    Runnable abandoned = null;
    synchronized (this) {
      readers--;
      if (readers == 0 && !finished) {
        abandoned = onAbandoned;
      }
    }
    if (abandoned != null) {
      abandoned.run();
    }
  }

  synchronized int readers() {
    return readers;
  }

  /** The finished draft as the store keeps it. */
  public synchronized StoredDraft toStored() {
    List<StoredEvent> all = new ArrayList<>(events);
    if (pendingTerminal != null) {
      all.add(pendingTerminal);
    }
    return new StoredDraft(draftId, client, assembler.status(), all, reportJson(), createdAt);
  }
}
