package org.radassist.drafting.service.internal.http;

import java.time.Duration;

/**
 * Bounds on what one client's sockets may hold (see {@link ConnectionGuard}).
 *
 * @param headerTimeout time to send a whole request head (request line and headers)
 * @param bodyTimeout time to send a whole request body after its head
 * @param maxPerAddress open sockets one client address may hold
 */
public record ConnectionLimits(Duration headerTimeout, Duration bodyTimeout, int maxPerAddress) {
  public ConnectionLimits {
    if (headerTimeout.isNegative()
        || headerTimeout.isZero()
        || bodyTimeout.isNegative()
        || bodyTimeout.isZero()) {
      throw new IllegalArgumentException("header and body timeouts must be positive");
    }
    if (maxPerAddress < 1) {
      throw new IllegalArgumentException("maxPerAddress must be at least 1, was " + maxPerAddress);
    }
  }

  /** 10 s for a head, 30 s for a body, 64 sockets per client address. */
  public static ConnectionLimits defaults() {
    return new ConnectionLimits(Duration.ofSeconds(10), Duration.ofSeconds(30), 64);
  }
}
