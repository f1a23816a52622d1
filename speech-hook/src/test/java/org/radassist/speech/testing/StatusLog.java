package org.radassist.speech.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.radassist.speech.SessionStatus;

/** Records every status a session reports, as the panel model would, and waits for one. */
public final class StatusLog implements Consumer<SessionStatus> {
  private final List<SessionStatus> seen = new ArrayList<>();

  @Override
  public synchronized void accept(SessionStatus status) {
    seen.add(status);
    notifyAll();
  }

  public synchronized List<SessionStatus> all() {
    return List.copyOf(seen);
  }

  public synchronized List<SessionStatus.State> states() {
    return seen.stream().map(SessionStatus::state).toList();
  }

  public synchronized SessionStatus last() {
    return seen.get(seen.size() - 1);
  }

  /** Waits until a status matching the condition has been reported (at any time so far). */
  public synchronized SessionStatus await(Predicate<SessionStatus> condition, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (SessionStatus s : seen) {
        if (condition.test(s)) {
          return s;
        }
      }
      long left = end - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "no status matching the condition within " + timeout + ": " + seen);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /** Waits until {@code count} statuses in {@code state} have been reported. */
  public SessionStatus await(SessionStatus.State state, int count, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (true) {
        List<SessionStatus> matching = seen.stream().filter(s -> s.state() == state).toList();
        if (matching.size() >= count) {
          return matching.get(count - 1);
        }
        long left = end - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              count + " x " + state + " not reported within " + timeout + ": " + states());
        }
        wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  public SessionStatus await(SessionStatus.State state, Duration timeout)
      throws InterruptedException {
    return await(state, 1, timeout);
  }
}
