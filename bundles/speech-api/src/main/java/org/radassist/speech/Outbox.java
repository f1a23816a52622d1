package org.radassist.speech;

import java.io.IOException;
import java.util.List;

/**
 * A durable queue of items bound for remote systems: written before sending, removed on
 * acknowledgement.
 */
public interface Outbox {

  /**
   * Stores the item durably (on disk and synced) before returning.
   *
   * @throws IOException when it could not be made durable (e.g. the disk is full); the caller must
   *     then not send it and must tell the user it is not safe yet
   */
  OutboxItem put(String kind, String idempotencyKey, byte[] payload) throws IOException;

  /** Items not yet acknowledged, oldest first: after a restart, these are replayed. */
  List<OutboxItem> pending() throws IOException;

  /**
   * The receiver acknowledged the item: it is removed. Unknown ids are ignored (acknowledged
   * twice).
   */
  void acknowledge(String id) throws IOException;
}
