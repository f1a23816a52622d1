package org.radassist.speech.internal.loopback;

import java.time.Duration;
import java.util.Set;

/**
 * What one local client may hold of the loopback intake.
 *
 * @param headerTimeout time to send a whole request head (request line and headers)
 * @param bodyTimeout time to send a whole request body after its head
 * @param maxConnections open sockets (every client is 127.0.0.1: this bounds them all)
 * @param segmentsPerSecond sustained segments per second, HTTP and WebSocket together
 * @param segmentBurst segments that may come at once
 * @param allowedOrigins {@code Origin} values accepted on a request or WebSocket upgrade; a request
 *     without {@code Origin} (a native speech engine) is not a browser's and is accepted
 */
public record IntakeLimits(
    Duration headerTimeout,
    Duration bodyTimeout,
    int maxConnections,
    double segmentsPerSecond,
    int segmentBurst,
    Set<String> allowedOrigins) {
  public IntakeLimits {
    if (headerTimeout.isNegative()
        || headerTimeout.isZero()
        || bodyTimeout.isNegative()
        || bodyTimeout.isZero()) {
      throw new IllegalArgumentException("header and body timeouts must be positive");
    }
    if (maxConnections < 1 || segmentsPerSecond <= 0 || segmentBurst < 1) {
      throw new IllegalArgumentException(
          "maxConnections, segmentsPerSecond and segmentBurst must be positive");
    }
    allowedOrigins = Set.copyOf(allowedOrigins);
  }

  /**
   * 5 s for a head, 10 s for a body, 32 sockets, 50 segments/s with bursts of 100 (a speech engine
   * sends a few partials a second), no browser origin.
   */
  public static IntakeLimits defaults() {
    return new IntakeLimits(Duration.ofSeconds(5), Duration.ofSeconds(10), 32, 50, 100, Set.of());
  }
}
