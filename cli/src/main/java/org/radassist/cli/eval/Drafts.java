package org.radassist.cli.eval;

import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftingException;
import org.radassist.drafting.DraftingService;
import org.radassist.model.DraftReport;

/** Drafting one request to the end, for the evaluations (which score whole drafts). */
public final class Drafts {
  private Drafts() {}

  /** One whole draft; a failed or interrupted one is a DraftingException naming why. */
  public static DraftReport draft(DraftingService backend, DraftRequest request) {
    try {
      return backend
          .draft(request, UUID.randomUUID().toString(), e -> {})
          .result()
          .toCompletableFuture()
          .get(5, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw cause instanceof DraftingException d
          ? d
          : new DraftingException("draft_failed", true, "drafting failed: " + cause, cause);
    } catch (TimeoutException e) {
      throw new DraftingException("draft_timeout", true, "no draft within 5 minutes", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DraftingException("cancelled", true, "interrupted", e);
    }
  }
}
