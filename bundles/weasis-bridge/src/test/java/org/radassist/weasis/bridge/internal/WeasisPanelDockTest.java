package org.radassist.weasis.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.radassist.host.ViewerHost;
import org.weasis.core.api.gui.Insertable;

class WeasisPanelDockTest {
  private final ViewerHost host = new FakeHost();

  static <T> T onEdt(java.util.concurrent.Callable<T> work) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          try {
            result.set(work.call());
          } catch (Exception e) {
            failure.set(e);
          }
        });
    if (failure.get() != null) {
      throw failure.get();
    }
    return result.get();
  }

  @Test
  void isAWeasisToolNamedRadAssist() throws Exception {
    WeasisPanelDock tool = onEdt(() -> new WeasisPanelDock(host));
    assertThat(tool.getType()).isEqualTo(Insertable.Type.TOOL);
    assertThat(tool.getComponentName()).isEqualTo("RadAssist");
    assertThat(tool.getToolComponent()).isSameAs(tool);
    assertThat(tool.getDockableWidth()).isPositive();
  }

  @Test
  void aSinglePanelFillsTheToolWithoutATabAndSeveralShareTabs() throws Exception {
    RecordingPanel only = new RecordingPanel("only", 10);
    RecordingPanel second = new RecordingPanel("second", 20);
    WeasisPanelDock tool =
        onEdt(
            () -> {
              WeasisPanelDock t = new WeasisPanelDock(host);
              t.addPanel(only);
              return t;
            });
    assertThat(onEdt(() -> java.util.List.of(tool.getComponents())))
        .singleElement()
        .isNotInstanceOf(javax.swing.JTabbedPane.class);

    onEdt(
        () -> {
          tool.addPanel(second);
          return null;
        });
    assertThat(onEdt(() -> java.util.List.of(tool.getComponents())))
        .singleElement()
        .isInstanceOfSatisfying(
            javax.swing.JTabbedPane.class, tabs -> assertThat(tabs.getTabCount()).isEqualTo(2));

    onEdt(
        () -> {
          tool.removePanel(second);
          return null;
        });
    assertThat(onEdt(() -> java.util.List.of(tool.getComponents())))
        .singleElement()
        .isNotInstanceOf(javax.swing.JTabbedPane.class);
  }

  @Test
  void tabsAreOrderedByPositionThenIdAndBuiltWithTheHost() throws Exception {
    RecordingPanel drafts = new RecordingPanel("drafts", 20);
    RecordingPanel findings = new RecordingPanel("findings", 10);
    RecordingPanel alpha = new RecordingPanel("alpha", 20);
    WeasisPanelDock tool =
        onEdt(
            () -> {
              WeasisPanelDock t = new WeasisPanelDock(host);
              t.addPanel(drafts);
              t.addPanel(findings);
              t.addPanel(alpha);
              t.addPanel(alpha); // twice: still one tab
              return t;
            });
    assertThat(onEdt(tool::tabTitles)).containsExactly("T-findings", "T-alpha", "T-drafts");
    assertThat(alpha.calls).containsExactly("create");
    assertThat(findings.hostSeen).isSameAs(host);
  }

  @Test
  void removingAPanelDisposesItsComponentAndRemovingAllDisposesEveryOne() throws Exception {
    RecordingPanel a = new RecordingPanel("a", 1);
    RecordingPanel b = new RecordingPanel("b", 2);
    WeasisPanelDock tool =
        onEdt(
            () -> {
              WeasisPanelDock t = new WeasisPanelDock(host);
              t.addPanel(a);
              t.addPanel(b);
              t.removePanel(a);
              t.removePanel(a); // unknown now: ignored
              return t;
            });
    assertThat(onEdt(tool::tabTitles)).containsExactly("T-b");
    assertThat(a.calls).containsExactly("create", "dispose a");

    onEdt(
        () -> {
          tool.removeAllPanels();
          return null;
        });
    assertThat(onEdt(tool::tabTitles)).isEmpty();
    assertThat(b.calls).containsExactly("create", "dispose b");

    RecordingPanel late = new RecordingPanel("late", 3); // queued before the disposal ran
    onEdt(
        () -> {
          tool.addPanel(late);
          return null;
        });
    assertThat(onEdt(tool::tabTitles)).isEmpty();
    assertThat(late.calls).isEmpty();
  }

  @Test
  void aPanelThatFailsToBuildIsLeftOutAndTheOthersStay() throws Exception {
    RecordingPanel broken = new RecordingPanel("broken", 1);
    broken.failOnCreate = true;
    RecordingPanel ok = new RecordingPanel("ok", 2);
    WeasisPanelDock tool =
        onEdt(
            () -> {
              WeasisPanelDock t = new WeasisPanelDock(host);
              t.addPanel(broken);
              t.addPanel(ok);
              return t;
            });
    assertThat(onEdt(tool::tabTitles)).containsExactly("T-ok");
  }

  @Test
  void refusesToBeChangedOffTheEventThread() throws Exception {
    WeasisPanelDock tool = onEdt(() -> new WeasisPanelDock(host));
    assertThatThrownBy(() -> tool.addPanel(new RecordingPanel("x", 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("event thread");
  }
}
