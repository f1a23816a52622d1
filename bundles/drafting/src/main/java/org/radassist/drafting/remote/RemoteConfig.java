package org.radassist.drafting.remote;

import java.net.URI;
import java.time.Duration;

/**
 * Where the drafting service is and how patient the client is with it (defaults from the drafting
 * contract: connect 3 s, first event 10 s, idle 20 s, overall 60 s, 2 retries, backoff 500 ms
 * doubling up to 8 s with full jitter).
 *
 * @param idleTimeout longest silence between two bytes of the stream (heartbeats count)
 * @param maxRetries retries after the first attempt (before the first event, or resumes)
 */
public record RemoteConfig(
    URI baseUri,
    String bearerToken,
    Duration connectTimeout,
    Duration firstEventTimeout,
    Duration idleTimeout,
    Duration overallDeadline,
    int maxRetries,
    Duration backoffBase,
    Duration backoffCap) {

  public RemoteConfig {
    if (baseUri == null) {
      throw new IllegalArgumentException("baseUri must be set");
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative");
    }
  }

  public static RemoteConfig defaults(URI baseUri, String bearerToken) {
    return new RemoteConfig(
        baseUri,
        bearerToken,
        Duration.ofSeconds(3),
        Duration.ofSeconds(10),
        Duration.ofSeconds(20),
        Duration.ofSeconds(60),
        2,
        Duration.ofMillis(500),
        Duration.ofSeconds(8));
  }

  public RemoteConfig withTimeouts(
      Duration connect, Duration firstEvent, Duration idle, Duration overall) {
    return new RemoteConfig(
        baseUri,
        bearerToken,
        connect,
        firstEvent,
        idle,
        overall,
        maxRetries,
        backoffBase,
        backoffCap);
  }

  public RemoteConfig withRetries(int max, Duration base, Duration cap) {
    return new RemoteConfig(
        baseUri,
        bearerToken,
        connectTimeout,
        firstEventTimeout,
        idleTimeout,
        overallDeadline,
        max,
        base,
        cap);
  }
}
