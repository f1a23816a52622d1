package org.radassist.hl7;

import java.time.Duration;
import java.util.Objects;

/**
 * Where an MLLP receiver listens and how long to wait for it.
 *
 * @param host name or address
 * @param port 1..65535
 * @param connectTimeout how long opening the connection may take
 * @param ackTimeout how long after sending the receiver has to answer with its ACK
 */
public record MllpEndpoint(String host, int port, Duration connectTimeout, Duration ackTimeout) {
  /** Connect timeout when none is given. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** ACK timeout when none is given (HAPI's own default). */
  public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(10);

  public MllpEndpoint {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("MLLP host is empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("MLLP port must be 1..65535, was " + port);
    }
    connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connect");
    ackTimeout = positive(ackTimeout, DEFAULT_ACK_TIMEOUT, "ACK");
  }

  /** An endpoint with the default timeouts. */
  public MllpEndpoint(String host, int port) {
    this(host, port, null, null);
  }

  private static Duration positive(Duration d, Duration fallback, String what) {
    if (d == null) {
      return fallback;
    }
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("MLLP " + what + " timeout must be positive, was " + d);
    }
    return d;
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
