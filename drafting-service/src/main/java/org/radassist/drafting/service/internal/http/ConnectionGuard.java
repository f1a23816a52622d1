package org.radassist.drafting.service.internal.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.SelectableChannelEndPoint;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Connection-level limits Jetty's idle timeout cannot give (it restarts with every byte, so a
 * client trickling one header line every 10 s holds a socket forever):
 *
 * <ul>
 *   <li>at most {@code maxPerAddress} open sockets per client address; the next one is closed as
 *       soon as it is accepted;
 *   <li>a request head (request line and headers) must be complete within {@code headerTimeout} of
 *       the connection opening (first request) or of its first byte (later ones);
 *   <li>a request body must be complete within {@code bodyTimeout} of its head.
 * </ul>
 *
 * A connection over a deadline is closed. Registered on the connector as a {@link
 * Connection.Listener}; a sweep every fraction of the shortest deadline looks at each HTTP/1.1
 * parser's state.
 */
public final class ConnectionGuard implements Connection.Listener, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ConnectionGuard.class.getName());

  private final ConnectionLimits limits;
  private final LongSupplier nanos;
  private final Map<Connection, Tracked> tracked = new ConcurrentHashMap<>();
  private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong cut = new AtomicLong();
  private final ScheduledFuture<?> sweeper;

  private enum Phase {
    IDLE,
    HEAD,
    BODY
  }

  private static final class Tracked {
    final String address;
    final boolean counted;
    final long openedNanos;
    Phase phase = Phase.HEAD;
    long sinceNanos;

    Tracked(String address, boolean counted, long openedNanos) {
      this.address = address;
      this.counted = counted;
      this.openedNanos = openedNanos;
      this.sinceNanos = openedNanos;
    }
  }

  public ConnectionGuard(
      ConnectionLimits limits, ScheduledExecutorService scheduler, LongSupplier nanos) {
    this.limits = limits;
    this.nanos = nanos;
    long shortest = Math.min(limits.headerTimeout().toMillis(), limits.bodyTimeout().toMillis());
    long every = Math.max(20, Math.min(1_000, shortest / 4));
    this.sweeper =
        scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onOpened(Connection connection) {
    // a TLS connection is two (TLS below, HTTP above): the socket is counted once, by the one
    // sitting on the network end point; an upgrade closes one and opens the next on the same socket
    boolean network = connection.getEndPoint() instanceof SelectableChannelEndPoint;
    String address = address(connection.getEndPoint().getRemoteSocketAddress());
    tracked.put(connection, new Tracked(address, network, nanos.getAsLong()));
    if (network) {
      int n = perAddress.merge(address, 1, Integer::sum);
      if (n > limits.maxPerAddress()) {
        if (refused.getAndIncrement() % 1000 == 0) {
          LOG.log(
              System.Logger.Level.WARNING,
              "closing connections from {0}: over the limit of {1} per client address",
              address,
              limits.maxPerAddress());
        }
        connection.getEndPoint().close();
      }
    }
  }

  @Override
  public void onClosed(Connection connection) {
    Tracked t = tracked.remove(connection);
    if (t != null && t.counted) {
      perAddress.computeIfPresent(t.address, (a, n) -> n <= 1 ? null : n - 1);
    }
  }

  /** Connections closed at accept for being over the per-address limit. */
  public long refused() {
    return refused.get();
  }

  /** Connections closed for missing a header or body deadline. */
  public long cut() {
    return cut.get();
  }

  void sweep() {
    long now = nanos.getAsLong();
    tracked.forEach(
        (c, t) -> {
          if (!(c instanceof HttpConnection http) || !c.getEndPoint().isOpen()) {
            return; // WebSocket or TLS layer: the HTTP connection above it is the one watched
          }
          Phase phase = phase(http);
          if (phase != t.phase) {
            t.phase = phase;
            t.sinceNanos = now;
          }
          Duration limit =
              switch (phase) {
                case HEAD -> limits.headerTimeout();
                case BODY -> limits.bodyTimeout();
                case IDLE -> null;
              };
          if (limit != null && now - t.sinceNanos > limit.toNanos()) {
            if (cut.getAndIncrement() % 1000 == 0) {
              LOG.log(
                  System.Logger.Level.WARNING,
                  "closing a connection from {0}: request {1} not complete within {2} ms",
                  t.address,
                  phase == Phase.HEAD ? "head" : "body",
                  limit.toMillis());
            }
            c.getEndPoint().close();
          }
        });
  }

  private static Phase phase(HttpConnection http) {
    HttpParser parser = http.getParser();
    if (parser.isStart()) {
      // before the first byte of a request: the first request's head is due from the open,
      // a kept-alive connection between requests is idle (the idle timeout covers it)
      return http.getMessagesIn() == 0 ? Phase.HEAD : Phase.IDLE;
    }
    if (parser.inHeaderState()) {
      return Phase.HEAD;
    }
    if (parser.inContentState()) {
      return Phase.BODY;
    }
    return Phase.IDLE;
  }

  private static String address(SocketAddress a) {
    if (a instanceof InetSocketAddress i && i.getAddress() != null) {
      return i.getAddress().getHostAddress();
    }
    return String.valueOf(a);
  }

  @Override
  public void close() {
    sweeper.cancel(false);
  }
}
