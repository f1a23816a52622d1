package org.radassist.speech;

import java.time.Instant;
import java.util.Arrays;

/**
 * Something bound for a remote system (a dictation, an accept / edit / reject decision), kept
 * durably until the receiver acknowledges it. The idempotency key makes a replay after a restart
 * have the effect of one delivery.
 */
public record OutboxItem(
    String id, String kind, String idempotencyKey, Instant createdAt, byte[] payload) {
  public OutboxItem {
    if (id == null || id.isBlank() || kind == null || kind.isBlank()) {
      throw new IllegalArgumentException("id and kind must not be blank");
    }
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw new IllegalArgumentException("idempotencyKey must not be blank");
    }
    payload = payload.clone();
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutboxItem other
        && id.equals(other.id)
        && kind.equals(other.kind)
        && idempotencyKey.equals(other.idempotencyKey)
        && createdAt.equals(other.createdAt)
        && Arrays.equals(payload, other.payload);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }
}
