package org.radassist.drafting.service.internal.store;

/** One SSE event of a draft as sent: its {@code id:} sequence number, name and JSON data. */
public record StoredEvent(long seq, String name, String data) {
  public StoredEvent {
    if (seq < 1) {
      throw new IllegalArgumentException("seq starts at 1, was " + seq);
    }
  }
}
