package org.radassist.speech.internal.loopback;

import java.util.function.LongSupplier;

/**
 * A token bucket over every segment the intake receives (HTTP and WebSocket together): the intake
 * has one legitimate client, the speech engine holding the token, so one bucket bounds it.
 */
final class SegmentRate {
  private final double perNano;
  private final double burst;
  private final LongSupplier nanos;
  private double tokens;
  private long last;

  SegmentRate(double perSecond, int burst, LongSupplier nanos) {
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.nanos = nanos;
    this.tokens = burst;
    this.last = nanos.getAsLong();
  }

  /** 0 when a segment may pass now, else the whole seconds until one may (at least 1). */
  synchronized long acquire() {
    long now = nanos.getAsLong();
    tokens = Math.min(burst, tokens + (now - last) * perNano);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
  }
}
