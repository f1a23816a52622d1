package org.radassist.drafting.internal.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.radassist.drafting.DraftAssembler;
import org.radassist.drafting.DraftCall;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftListener;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftingException;
import org.radassist.drafting.DraftingService;
import org.radassist.model.DraftReport;
import org.radassist.model.ModelInfo;
import org.radassist.model.SectionKind;

/**
 * The rules engine as an in-process {@link DraftingService}: each draft runs on the given executor
 * and streams draft.started, section.delta per sentence, section.done, suggestions,
 * structured_fields, codes, flags and draft.completed (or one error event). Cancelling stops the
 * stream between two events. The engine is deterministic, so a retry with the same idempotency key
 * and request yields the same draft (same draft id, same response hash).
 */
public final class EmbeddedDraftingService implements DraftingService {
  public static final ModelInfo MODEL = new ModelInfo("radassist-rules", "0.1.0", "embedded");

  private final RulesEngine engine;
  private final Executor executor;
  private final Clock clock;

  public EmbeddedDraftingService(RulesEngine engine, Executor executor, Clock clock) {
    this.engine = engine;
    this.executor = executor;
    this.clock = clock;
  }

  @Override
  public ModelInfo model() {
    return MODEL;
  }

  @Override
  public DraftCall draft(DraftRequest request, String idempotencyKey, DraftListener listener) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw new IllegalArgumentException("idempotencyKey must not be blank");
    }
    Call call = new Call(idempotencyKey);
    try {
      executor.execute(() -> run(call, request, listener));
    } catch (RejectedExecutionException e) {
      call.result.completeExceptionally(
          new DraftingException("unavailable", true, "the drafting engine is shutting down", e));
    }
    return call;
  }

  private void run(Call call, DraftRequest request, DraftListener listener) {
    long started = System.nanoTime();
    DraftAssembler assembler = DraftAssembler.create(request.study().token(), clock);
    String draftId = "emb-" + sha256(call.key).substring(0, 16);
    long[] firstContent = {-1};
    Emitter emit =
        event -> {
          if (call.cancelled.get()) {
            throw new CancellationException("draft cancelled");
          }
          if (firstContent[0] < 0 && !(event instanceof DraftEvent.Started)) {
            firstContent[0] = System.nanoTime();
          }
          assembler.accept(event);
          try {
            listener.onEvent(event);
          } catch (RuntimeException e) {
            // a failing listener must not break the draft for the caller waiting on result()
          }
        };
    try {
      emit.send(new DraftEvent.Started(draftId, MODEL));
      DraftOutcome outcome;
      try {
        outcome = engine.draft(request);
      } catch (DraftingException e) {
        emit.send(new DraftEvent.Failed(e.code(), e.retryable(), e.getMessage()));
        call.result.completeExceptionally(e);
        return;
      }
      StringBuilder canonical = new StringBuilder();
      for (Map.Entry<SectionKind, String> e : outcome.sections().entrySet()) {
        String text = e.getValue();
        List<Sentences.Span> spans = Sentences.split(text);
        int from = 0;
        for (int i = 0; i < spans.size(); i++) {
          int to = i + 1 < spans.size() ? spans.get(i + 1).start() : text.length();
          emit.send(new DraftEvent.SectionDelta(e.getKey(), text.substring(from, to)));
          from = to;
        }
        String sha = sha256(text);
        emit.send(new DraftEvent.SectionDone(e.getKey(), text, sha));
        canonical.append(e.getKey().jsonName()).append(':').append(sha).append('\n');
      }
      emit.send(new DraftEvent.Suggestions(outcome.impressions(), outcome.differentials()));
      emit.send(new DraftEvent.StructuredFields(outcome.structuredFields()));
      emit.send(new DraftEvent.Codes(outcome.codes()));
      emit.send(new DraftEvent.Flags(outcome.flags()));
      canonical.append(outcome.impressions()).append(outcome.differentials());
      canonical.append(outcome.structuredFields()).append(outcome.codes()).append(outcome.flags());
      long now = System.nanoTime();
      emit.send(
          new DraftEvent.Completed(
              draftId,
              0,
              0,
              (Math.max(firstContent[0], started) - started) / 1_000_000,
              (now - started) / 1_000_000,
              sha256(canonical.toString())));
      call.result.complete(assembler.snapshot());
    } catch (CancellationException e) {
      call.result.completeExceptionally(e);
    } catch (RuntimeException e) {
      DraftEvent.Failed failed =
          new DraftEvent.Failed("internal_error", false, "the rules engine failed: " + e);
      if (!call.cancelled.get()
          && assembler.status() == org.radassist.model.DraftStatus.STREAMING) {
        try {
          listener.onEvent(failed);
        } catch (RuntimeException ignored) {
          // see above
        }
      }
      call.result.completeExceptionally(
          new DraftingException(failed.code(), failed.retryable(), failed.message(), e));
    }
  }

  @FunctionalInterface
  private interface Emitter {
    void send(DraftEvent event);
  }

  private static final class Call implements DraftCall {
    final String key;
    final CompletableFuture<DraftReport> result = new CompletableFuture<>();
    final AtomicBoolean cancelled = new AtomicBoolean();

    Call(String key) {
      this.key = key;
    }

    @Override
    public String idempotencyKey() {
      return key;
    }

    @Override
    public CompletionStage<DraftReport> result() {
      return result;
    }

    @Override
    public void cancel() {
      cancelled.set(true);
      result.completeExceptionally(new CancellationException("draft cancelled"));
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
