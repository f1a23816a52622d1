package org.radassist.drafting;

import org.radassist.model.ModelInfo;

/**
 * Makes draft reports from dictation. Implementations: the embedded rules engine (the default,
 * in-process) and the remote client of the drafting service. Both stream the same events.
 */
public interface DraftingService {

  /** The engine or model behind this service, for display and the audit trail. */
  ModelInfo model();

  /**
   * Starts a draft and returns at once; events reach the listener in order on a background thread.
   *
   * @param idempotencyKey one key per user request: a retry with the same key and request has the
   *     effect of one request
   */
  DraftCall draft(DraftRequest request, String idempotencyKey, DraftListener listener);
}
