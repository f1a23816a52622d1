package org.radassist.drafting.service.internal.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Per-client token buckets: each client may burst {@code capacity} requests and then {@code
 * perSecond} a second. A rate of 0 turns limiting off.
 */
public final class RateLimiter {
  /**
   * Beyond this many tracked clients, full (idle) buckets are dropped; they would refill anyway.
   */
  private static final int MAX_TRACKED_CLIENTS = 10_000;

  private final double perSecond;
  private final double capacity;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(double perSecond, double capacity, LongSupplier nanoTime) {
    if (perSecond < 0 || (perSecond > 0 && capacity < 1)) {
      throw new IllegalArgumentException(
          "rate must be >= 0 and burst >= 1, was " + perSecond + "/" + capacity);
    }
    this.perSecond = perSecond;
    this.capacity = capacity;
    this.nanoTime = nanoTime;
  }

  public boolean enabled() {
    return perSecond > 0;
  }

  /**
   * Takes one token for {@code client}.
   *
   * @return 0 when the request may go ahead, else the whole seconds until a token is free
   */
  public long acquire(String client) {
    if (!enabled()) {
      return 0;
    }
    if (buckets.size() > MAX_TRACKED_CLIENTS) {
      long now = nanoTime.getAsLong();
      buckets.values().removeIf(b -> b.isFull(now));
    }
    return buckets.computeIfAbsent(client, k -> new Bucket(nanoTime.getAsLong())).take();
  }

  private final class Bucket {
    private double tokens = capacity;
    private long last;

    Bucket(long now) {
      this.last = now;
    }

    synchronized long take() {
      long now = nanoTime.getAsLong();
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      double secondsToNext = (1 - tokens) / perSecond;
      return Math.max(1, (long) Math.ceil(secondsToNext));
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return tokens >= capacity;
    }

    private void refill(long now) {
      double elapsed = (now - last) / (double) TimeUnit.SECONDS.toNanos(1);
      tokens = Math.min(capacity, tokens + elapsed * perSecond);
      last = now;
    }
  }
}
