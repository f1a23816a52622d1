package org.radassist.speech;

/** What the dictation session is doing, for the panel to show. */
public record SessionStatus(State state, String message, int unsentItems) {

  /** The session's states. */
  public enum State {
    /** Nothing dictated yet. */
    IDLE,
    /** Partial dictation arrived; a draft is asked for when the speaker pauses. */
    WAITING,
    /** A draft was asked for; no event yet. */
    DRAFTING,
    /** Draft events are arriving. */
    STREAMING,
    /** The draft for everything dictated so far is complete. */
    READY,
    /** The drafting service failed; the dictation is kept and will be sent again. */
    UNAVAILABLE,
    /** The dictation could not be stored durably (e.g. disk full): it is kept in memory only. */
    NOT_DURABLE
  }
}
