package org.radassist.speech.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.radassist.speech.DictationSegment;

class PanelDictationSourceTest {
  @Test
  void typedTextReachesTheRouterOnlyWhileStartedAndForAnOpenStudy() {
    List<DictationSegment> got = new CopyOnWriteArrayList<>();
    PanelDictationSource panel = new PanelDictationSource();
    assertThatThrownBy(() -> panel.typed("1.2.3", 1, false, "x"))
        .isInstanceOf(IllegalStateException.class);

    panel.start(got::add);
    panel.typed("1.2.3", 1, false, "no eff");
    panel.typed("1.2.3", 1, true, "no effusion");
    panel.close();

    assertThat(got)
        .containsExactly(
            new DictationSegment("panel", "1.2.3", 1, false, "no eff"),
            new DictationSegment("panel", "1.2.3", 1, true, "no effusion"));
    assertThatThrownBy(() -> panel.typed("1.2.3", 2, true, "x"))
        .isInstanceOf(IllegalStateException.class);
    DictationRouter router = new DictationRouter();
    panel.start(router);
    assertThatThrownBy(() -> panel.typed("1.2.3", 2, true, "x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no open study");
  }
}
