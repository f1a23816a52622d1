package org.radassist.drafting.service.internal.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small fixed pool of JDBC connections: opening a PostgreSQL connection costs milliseconds, far
 * more than a draft's own store writes. A connection that failed is closed, not returned, and a
 * fresh one is opened on demand.
 */
final class ConnectionPool implements AutoCloseable {
  private final String url;
  private final int max;
  private final BlockingQueue<Connection> idle;
  private final AtomicInteger open = new AtomicInteger();
  private volatile boolean closed;

  ConnectionPool(String url, int max) {
    this.url = url;
    this.max = max;
    this.idle = new ArrayBlockingQueue<>(max);
  }

  Connection borrow() throws SQLException {
    if (closed) {
      throw new SQLException("store is closed");
    }
    Connection c = idle.poll();
    if (c != null) {
      return c;
    }
    if (open.incrementAndGet() <= max) {
      try {
        return DriverManager.getConnection(url);
      } catch (SQLException e) {
        open.decrementAndGet();
        throw e;
      }
    }
    open.decrementAndGet();
    try {
      c = idle.poll(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a store connection", e);
    }
    if (c == null) {
      throw new SQLException("no store connection free within 10 s (pool of " + max + ")");
    }
    return c;
  }

  /** Returns a healthy connection to the pool. */
  void giveBack(Connection c) {
    if (closed || !idle.offer(c)) {
      discard(c);
    }
  }

  /** Closes a connection that failed, freeing its place for a new one. */
  void discard(Connection c) {
    open.decrementAndGet();
    try {
      c.close();
    } catch (SQLException ignored) {
      // already broken: nothing more to release
    }
  }

  @Override
  public void close() {
    closed = true;
    Connection c;
    while ((c = idle.poll()) != null) {
      discard(c);
    }
  }
}
