package org.radassist.panel.model;

/**
 * Where the speech hook's dictation session for the study stands (plain data, so the panel model
 * does not depend on the speech bundle).
 *
 * @param state the session's state name: IDLE, WAITING, DRAFTING, STREAMING, READY, UNAVAILABLE,
 *     NOT_DURABLE
 * @param message the session's own words, may be empty
 * @param unsentItems dictation items kept in the outbox that will be sent again
 */
public record DictationStatus(String state, String message, int unsentItems) {
  public DictationStatus {
    state = state == null || state.isBlank() ? "IDLE" : state;
    message = message == null ? "" : message;
    unsentItems = Math.max(0, unsentItems);
  }

  /** The status line shown under the dictation box. */
  public String display() {
    StringBuilder b = new StringBuilder("Dictation: ").append(describe(state));
    if (!message.isBlank()) {
      b.append(" \u2014 ").append(message);
    }
    if (unsentItems > 0) {
      b.append(" \u00b7 ")
          .append(unsentItems)
          .append(unsentItems == 1 ? " dictation item kept" : " dictation items kept")
          .append(", will be sent again");
    }
    return b.toString();
  }

  /** True when the session says drafting is not possible now (the dictation is kept). */
  public boolean isProblem() {
    return state.equals("UNAVAILABLE") || state.equals("NOT_DURABLE");
  }

  private static String describe(String state) {
    return switch (state) {
      case "IDLE" -> "nothing dictated yet";
      case "WAITING" -> "listening";
      case "DRAFTING" -> "drafting";
      case "STREAMING" -> "draft arriving";
      case "READY" -> "draft ready";
      case "UNAVAILABLE" -> "drafting service unavailable";
      case "NOT_DURABLE" -> "not stored durably (kept in memory only)";
      default -> state.toLowerCase(java.util.Locale.ROOT);
    };
  }
}
