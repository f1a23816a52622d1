package org.radassist.governance;

import java.time.Instant;

/**
 * The state of one critical result's communication.
 *
 * @param communication the text for the report's Communication section (who, when, how), empty
 *     until the result was acknowledged or escalated
 */
public record CriticalResultTracking(
    CriticalResultNotice notice,
    State state,
    int attempts,
    Instant confirmedAt,
    Instant resolvedAt,
    String lastError,
    String communication) {

  /** Where a critical result's communication stands. */
  public enum State {
    SENDING,
    ACKNOWLEDGED,
    ESCALATED,
    ESCALATION_FAILED
  }
}
