package org.radassist.drafting.wire;

import java.util.Objects;

/**
 * One SSE event of the drafting contract: its {@code event:} name and its {@code data:} JSON (a
 * single line: the codec never writes line breaks into data).
 */
public record WireEvent(String name, String data) {
  public WireEvent {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(data, "data");
    if (name.isBlank() || name.contains("\n") || name.contains("\r")) {
      throw new IllegalArgumentException("event name must be one non-blank line");
    }
  }

  /**
   * The event as an SSE frame with the given {@code id:} (the sequence number a reconnecting client
   * sends back as Last-Event-ID), ending with the blank line that dispatches it.
   */
  public String toSse(long id) {
    StringBuilder b = new StringBuilder(data.length() + name.length() + 32);
    b.append("id: ").append(id).append('\n').append("event: ").append(name).append('\n');
    for (String line : data.split("\r\n|\r|\n", -1)) {
      b.append("data: ").append(line).append('\n');
    }
    return b.append('\n').toString();
  }
}
