package org.radassist.panel.internal.swing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.radassist.speech.SessionStatus;
import org.radassist.speech.SessionStatus.State;

class DictationStatusTextTest {

  @Test
  void theSessionStatusReadsAsASentence() {
    assertThat(DictationStatusText.display(new SessionStatus(State.DRAFTING, "", 0)))
        .isEqualTo("Dictation: drafting");
    assertThat(DictationStatusText.display(new SessionStatus(State.NOT_DURABLE, "disk full", 1)))
        .isEqualTo(
            "Dictation: not stored durably (kept in memory only) \u2014 disk full \u00b7 1"
                + " dictation item kept, will be sent again");
    assertThat(DictationStatusText.display(new SessionStatus(State.UNAVAILABLE, "down", 2)))
        .endsWith("2 dictation items kept, will be sent again");
  }

  @Test
  void onlyAnUnavailableServiceOrANonDurableDictationIsAProblem() {
    for (State s : State.values()) {
      assertThat(DictationStatusText.isProblem(new SessionStatus(s, "", 0)))
          .as("%s", s)
          .isEqualTo(s == State.UNAVAILABLE || s == State.NOT_DURABLE);
    }
  }
}
