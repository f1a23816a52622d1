package org.radassist.speech.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A slow-client attack on loopback: {@code count} sockets from the source addresses 127.0.0.(first)
 * .. 127.0.0.(first + addresses - 1) (Linux routes all of 127/8 to lo: from 127.0.0.1 for the
 * loopback intake, whose clients are all local; from 127.0.0.2 on for the drafting service, so that
 * a test's valid client on 127.0.0.1 is another client address), each sending {@code head} at once
 * and then {@code trickle} every {@code interval}. One thread drives every socket (NIO), and
 * records when the server answered (the status line it sent) and when it closed the socket. Used by
 * the speech hook's and the drafting service's attack tests.
 */
public final class SlowClients implements AutoCloseable {
  private final List<Victim> sockets = new ArrayList<>();
  private final Selector selector;
  private final Thread driver;
  private final byte[] trickle;
  private final long intervalNanos;
  private volatile boolean stopped;

  private static final class Victim {
    final SocketChannel channel;
    final long openedNanos;
    final StringBuilder answer = new StringBuilder();
    volatile long closedNanos = -1;
    volatile long answeredNanos = -1;

    Victim(SocketChannel channel, long openedNanos) {
      this.channel = channel;
      this.openedNanos = openedNanos;
    }
  }

  public SlowClients(
      InetSocketAddress server,
      int first,
      int count,
      int addresses,
      String head,
      String trickle,
      Duration interval) {
    this.trickle = trickle.getBytes(StandardCharsets.US_ASCII);
    this.intervalNanos = interval.toNanos();
    try {
      this.selector = Selector.open();
      byte[] h = head.getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < count; i++) {
        SocketChannel c = SocketChannel.open();
        c.bind(
            new InetSocketAddress(InetAddress.getByName("127.0.0." + (first + i % addresses)), 0));
        c.connect(server);
        Victim v = new Victim(c, System.nanoTime());
        sockets.add(v);
        try {
          c.write(ByteBuffer.wrap(h));
        } catch (IOException refused) {
          // closed by the server as soon as it was accepted (a connection cap)
          v.closedNanos = System.nanoTime();
          c.close();
          continue;
        }
        c.configureBlocking(false);
        c.register(selector, SelectionKey.OP_READ, v);
      }
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("could not open the attack's sockets", e);
    }
    this.driver = new Thread(this::drive, "slow-clients");
    driver.setDaemon(true);
    driver.start();
  }

  private void drive() {
    ByteBuffer buf = ByteBuffer.allocate(4096);
    long nextTrickle = System.nanoTime() + intervalNanos;
    try {
      while (!stopped) {
        selector.select(50);
        for (SelectionKey k : selector.selectedKeys()) {
          Victim v = (Victim) k.attachment();
          buf.clear();
          int n;
          try {
            n = v.channel.read(buf);
          } catch (IOException reset) {
            n = -1;
          }
          if (n < 0) {
            v.closedNanos = System.nanoTime();
            k.cancel();
            v.channel.close();
          } else if (v.answer.length() < 64) {
            if (v.answeredNanos < 0) {
              v.answeredNanos = System.nanoTime();
            }
            v.answer.append(new String(buf.array(), 0, n, StandardCharsets.ISO_8859_1));
          }
        }
        selector.selectedKeys().clear();
        if (System.nanoTime() >= nextTrickle) {
          nextTrickle += intervalNanos;
          for (Victim v : sockets) {
            if (v.closedNanos < 0 && v.channel.isOpen()) {
              try {
                v.channel.write(ByteBuffer.wrap(trickle));
              } catch (IOException closed) {
                v.closedNanos = System.nanoTime();
                v.channel.close();
              }
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // the selector was closed: the attack is over
    }
  }

  public int count() {
    return sockets.size();
  }

  /** Sockets the server has not closed. */
  public int stillOpen() {
    return (int) sockets.stream().filter(v -> v.closedNanos < 0).count();
  }

  /** Sockets that received a response whose status line starts with {@code HTTP/1.1 <status>}. */
  public int answered(int status) {
    String line = "HTTP/1.1 " + status;
    return (int) sockets.stream().filter(v -> v.answer.toString().startsWith(line)).count();
  }

  /** The longest a closed socket stayed open, in ms (0 when none was closed). */
  public long slowestCloseMillis() {
    return sockets.stream()
        .filter(v -> v.closedNanos >= 0)
        .mapToLong(v -> TimeUnit.NANOSECONDS.toMillis(v.closedNanos - v.openedNanos))
        .max()
        .orElse(0);
  }

  /** The longest a socket waited for the server's first byte, in ms (0 when none answered). */
  public long slowestAnswerMillis() {
    return sockets.stream()
        .filter(v -> v.answeredNanos >= 0)
        .mapToLong(v -> TimeUnit.NANOSECONDS.toMillis(v.answeredNanos - v.openedNanos))
        .max()
        .orElse(0);
  }

  /** Close times in ms, sorted (for a figure's spread). */
  public long[] closeMillis() {
    return sockets.stream()
        .filter(v -> v.closedNanos >= 0)
        .mapToLong(v -> TimeUnit.NANOSECONDS.toMillis(v.closedNanos - v.openedNanos))
        .sorted()
        .toArray();
  }

  /** Waits until the server has closed every socket or {@code max} has passed. */
  public boolean awaitAllClosed(Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    while (stillOpen() > 0 && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    return stillOpen() == 0;
  }

  @Override
  public void close() {
    stopped = true;
    try {
      if (driver != null) {
        driver.join(2_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Victim v : sockets) {
      try {
        v.channel.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    try {
      if (selector != null) {
        selector.close();
      }
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
