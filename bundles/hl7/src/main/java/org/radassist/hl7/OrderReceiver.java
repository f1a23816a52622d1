package org.radassist.hl7;

import java.util.Optional;

/** What an {@link OrderListener} does with each order it receives. */
@FunctionalInterface
public interface OrderReceiver {
  /**
   * Takes one order (called on the listener's connection thread).
   *
   * @return empty to acknowledge it with AA, else the reason sent back in an AE
   */
  Optional<String> receive(ScheduledOrder order);
}
