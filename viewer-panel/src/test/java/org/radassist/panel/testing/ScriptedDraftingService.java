package org.radassist.panel.testing;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.radassist.drafting.DraftAssembler;
import org.radassist.drafting.DraftCall;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftListener;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftingException;
import org.radassist.drafting.DraftingService;
import org.radassist.model.DraftReport;
import org.radassist.model.ModelInfo;

/**
 * A drafting service that streams a fixed event sequence from its own thread with a pause between
 * events, as the real service's SSE stream arrives; it keeps the requests it was given.
 */
public final class ScriptedDraftingService implements DraftingService {
  public final List<DraftRequest> requests = new CopyOnWriteArrayList<>();
  private final List<DraftEvent> events;
  private final long pauseMillis;

  public ScriptedDraftingService(List<DraftEvent> events, long pauseMillis) {
    this.events = List.copyOf(events);
    this.pauseMillis = pauseMillis;
  }

  @Override
  public ModelInfo model() {
    return new ModelInfo("radassist-rules", "0.1.0", "embedded");
  }

  @Override
  public DraftCall draft(DraftRequest request, String idempotencyKey, DraftListener listener) {
    requests.add(request);
    CompletableFuture<DraftReport> result = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              DraftAssembler assembler = DraftAssembler.create("t", java.time.Clock.systemUTC());
              for (DraftEvent e : events) {
                if (result.isDone()) {
                  return;
                }
                try {
                  Thread.sleep(pauseMillis);
                } catch (InterruptedException ex) {
                  return;
                }
                assembler.accept(e);
                listener.onEvent(e);
                if (e instanceof DraftEvent.Failed f) {
                  result.completeExceptionally(
                      new DraftingException(f.code(), f.retryable(), f.message()));
                  return;
                }
              }
              result.complete(assembler.snapshot());
            },
            "scripted-drafting");
    t.setDaemon(true);
    t.start();
    return new DraftCall() {
      @Override
      public String idempotencyKey() {
        return idempotencyKey;
      }

      @Override
      public CompletionStage<DraftReport> result() {
        return result;
      }

      @Override
      public void cancel() {
        result.completeExceptionally(new CancellationException("cancelled"));
        t.interrupt();
      }
    };
  }
}
