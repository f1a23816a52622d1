package org.radassist.weasis.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radassist.weasis.bridge.internal.WeasisPanelDockTest.onEdt;

import java.util.ArrayList;
import java.util.List;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.weasis.core.api.gui.Insertable;
import org.weasis.core.ui.editor.SeriesViewerEvent;
import org.weasis.core.ui.editor.SeriesViewerListener;
import org.weasis.dicom.viewer2d.EventManager;

/** Runs against the Weasis declarations' EventManager, which keeps listeners like Weasis' does. */
class WeasisPanelDockFactoryTest {
  private final List<SeriesViewerEvent> heard = new ArrayList<>();
  private final SeriesViewerListener selection = heard::add;
  private final WeasisPanelDockFactory factory =
      new WeasisPanelDockFactory(new FakeHost(), selection);
  private final SeriesViewerEvent event =
      new SeriesViewerEvent(() -> "viewer", null, null, SeriesViewerEvent.EVENT.SELECT);

  @AfterEach
  void unsubscribe() {
    EventManager.getInstance().removeSeriesViewerListener(selection);
  }

  @Test
  void createsOneToolWithNullPropertiesOnTheEventThread() throws Exception {
    Insertable tool = onEdt(() -> factory.createInstance(null));
    assertThat(tool).isInstanceOf(WeasisPanelDock.class);
    assertThat(tool.getType()).isEqualTo(Insertable.Type.TOOL);
    assertThat(factory.getType()).isEqualTo(Insertable.Type.TOOL);
    assertThat(factory.isComponentCreatedByThisFactory(tool)).isTrue();
    assertThat(onEdt(() -> factory.createInstance(null))).isSameAs(tool);
  }

  @Test
  void expandingTheToolSaysWhyItCannotBeforeWeasisCreatedItOrWithoutADockable() throws Exception {
    assertThat(onEdt(factory::expandTool)).startsWith("tool: not created yet");
    onEdt(() -> factory.createInstance(null));
    // the stand-in builds no DockingFrames dockable (Weasis does; scripts/weasis-e2e expands it)
    assertThat(onEdt(factory::expandTool))
        .isEqualTo("tool: this Weasis gives the tool no dockable");
  }

  @Test
  void theToolFollowsSeriesSelectionUntilItIsDisposed() throws Exception {
    EventManager.getInstance().fireSeriesViewerListeners(event);
    assertThat(heard).isEmpty();

    Insertable tool = onEdt(() -> factory.createInstance(null));
    EventManager.getInstance().fireSeriesViewerListeners(event);
    assertThat(heard).containsExactly(event);

    onEdt(
        () -> {
          factory.dispose(tool);
          return null;
        });
    EventManager.getInstance().fireSeriesViewerListeners(event);
    assertThat(heard).hasSize(1);
    assertThat(factory.isComponentCreatedByThisFactory(tool)).isFalse();
  }

  @Test
  void panelsThatComeAndGoFollowTheLiveTool() throws Exception {
    RecordingPanel early = new RecordingPanel("early", 1);
    factory.addPanel(early);
    WeasisPanelDock tool = (WeasisPanelDock) onEdt(() -> factory.createInstance(null));
    assertThat(onEdt(tool::tabTitles)).containsExactly("T-early");

    RecordingPanel late = new RecordingPanel("late", 2);
    factory.addPanel(late); // from an SCR thread, not the EDT
    assertThat(onEdt(tool::tabTitles)).containsExactly("T-early", "T-late");

    factory.removePanel(early);
    assertThat(onEdt(tool::tabTitles)).containsExactly("T-late");
    assertThat(early.calls).containsExactly("create", "dispose early");
  }

  @Test
  void deactivationUnsubscribesAndReleasesThePanels() throws Exception {
    RecordingPanel panel = new RecordingPanel("p", 1);
    factory.addPanel(panel);
    onEdt(() -> factory.createInstance(null));

    factory.deactivate(); // SCR thread
    SwingUtilities.invokeAndWait(() -> {}); // let the queued disposal run
    EventManager.getInstance().fireSeriesViewerListeners(event);
    assertThat(heard).isEmpty();
    assertThat(panel.calls).containsExactly("create", "dispose p");
  }

  @Test
  void ignoresComponentsItDidNotCreate() throws Exception {
    Insertable tool = onEdt(() -> factory.createInstance(null));
    Insertable other = onEdt(() -> new WeasisPanelDock(new FakeHost()));
    factory.dispose(other);
    assertThat(factory.isComponentCreatedByThisFactory(tool)).isTrue();
    assertThat(factory.isComponentCreatedByThisFactory(other)).isFalse();
  }
}
