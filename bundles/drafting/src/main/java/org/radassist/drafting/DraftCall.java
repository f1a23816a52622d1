package org.radassist.drafting;

import java.util.concurrent.CompletionStage;
import org.radassist.model.DraftReport;

/** A draft in flight. */
public interface DraftCall {

  /** The key that makes retries of this user request idempotent. */
  String idempotencyKey();

  /**
   * Completes with the assembled draft after the terminal event; completes exceptionally with a
   * {@link DraftingException} on failure and with a {@link
   * java.util.concurrent.CancellationException} after {@link #cancel()}.
   */
  CompletionStage<DraftReport> result();

  /**
   * Stops the draft (e.g. the radiologist moved to another study); no more events are delivered.
   */
  void cancel();
}
