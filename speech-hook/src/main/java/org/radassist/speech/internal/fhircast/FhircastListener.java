package org.radassist.speech.internal.fhircast;

/**
 * What the FHIRcast subscription tells the rest of RadAssist: which study and report the
 * radiologist has open, and the state of the subscription. Called on the WebSocket's thread;
 * implementations return quickly.
 */
public interface FhircastListener {
  default void studyOpened(String studyInstanceUid) {}

  default void studyClosed(String studyInstanceUid) {}

  default void reportOpened(String reportId, String studyInstanceUid) {}

  default void reportClosed(String reportId, String studyInstanceUid) {}

  /** The hub (or another subscriber) could not follow a context change. */
  default void syncError(String message) {}

  /**
   * The subscription changed: "subscribed", "resubscribed", "denied", "resynced" (a gap in the
   * context.versionId chain was repaired from the hub's current context), "disconnected".
   */
  default void subscription(String state, String detail) {}
}
