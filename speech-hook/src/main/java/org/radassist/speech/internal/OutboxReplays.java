package org.radassist.speech.internal;

import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends again, on a fixed delay, what a result sender kept in its outbox (the reporting system was
 * down, or the process restarted before the acknowledgement), logging what the peer accepted.
 */
public final class OutboxReplays {
  /** The fewest seconds between replays, whatever is configured. */
  static final long MIN_SECONDS = 5;

  /** One replay: how many stored items the peer accepted. */
  @FunctionalInterface
  public interface Replay {
    int replay() throws IOException;
  }

  private OutboxReplays() {}

  /**
   * Replays now and then every {@code seconds} (configured text; unset or not a number: 60).
   *
   * @param peer names the peer in the log ("HL7 results", "FHIRcast")
   */
  public static void schedule(
      ScheduledExecutorService executor, String seconds, Replay replay, String peer, Logger log) {
    long every;
    try {
      every = seconds == null || seconds.isBlank() ? 60 : Long.parseLong(seconds.trim());
    } catch (NumberFormatException e) {
      every = 60;
    }
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            int sent = replay.replay();
            if (sent > 0) {
              log.log(
                  Level.INFO,
                  "RadAssist {0}: {1} stored items accepted",
                  new Object[] {peer, sent});
            }
          } catch (IOException | RuntimeException e) {
            log.log(
                Level.WARNING,
                "RadAssist {0} replay failed: {1}",
                new Object[] {peer, e.getMessage()});
          }
        },
        0,
        Math.max(MIN_SECONDS, every),
        TimeUnit.SECONDS);
  }
}
