package org.radassist.panel.internal.swing;

import org.radassist.speech.SessionStatus;

/** The status line under the dictation box for the speech hook's session of the study. */
final class DictationStatusText {
  private DictationStatusText() {}

  /**
   * E.g. "Dictation: drafting service unavailable — … · 1 dictation item kept, will be sent again".
   */
  static String display(SessionStatus status) {
    StringBuilder b = new StringBuilder("Dictation: ").append(describe(status.state()));
    String message = status.message() == null ? "" : status.message();
    if (!message.isBlank()) {
      b.append(" \u2014 ").append(message);
    }
    int unsent = status.unsentItems();
    if (unsent > 0) {
      b.append(" \u00b7 ")
          .append(unsent)
          .append(unsent == 1 ? " dictation item kept" : " dictation items kept")
          .append(", will be sent again");
    }
    return b.toString();
  }

  /** True when the session says drafting is not possible now (the dictation is kept). */
  static boolean isProblem(SessionStatus status) {
    return status.state() == SessionStatus.State.UNAVAILABLE
        || status.state() == SessionStatus.State.NOT_DURABLE;
  }

  private static String describe(SessionStatus.State state) {
    if (state == null) {
      return "nothing dictated yet";
    }
    return switch (state) {
      case IDLE -> "nothing dictated yet";
      case WAITING -> "listening";
      case DRAFTING -> "drafting";
      case STREAMING -> "draft arriving";
      case READY -> "draft ready";
      case UNAVAILABLE -> "drafting service unavailable";
      case NOT_DURABLE -> "not stored durably (kept in memory only)";
    };
  }
}
