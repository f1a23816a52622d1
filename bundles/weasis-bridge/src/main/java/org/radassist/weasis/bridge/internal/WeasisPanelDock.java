package org.radassist.weasis.bridge.internal;

import bibliothek.gui.dock.common.CLocation;
import java.awt.BorderLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import org.radassist.host.PanelContribution;
import org.radassist.host.ViewerHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.weasis.core.api.gui.Insertable;
import org.weasis.core.ui.docking.PluginTool;

/**
 * The dock for RadAssist's panels: the Weasis side tool (a {@code PluginTool} of the 2D viewer,
 * titled "RadAssist") that hosts every {@code PanelContribution}, ordered by position then id (not
 * to be confused with the panel's own {@code org.radassist.panel.RadAssistTool}, which is one such
 * contribution's content): a single contribution fills the tool (the dock's title already says
 * "RadAssist"), several get a tab each. All methods run on the Swing event thread.
 */
final class WeasisPanelDock extends PluginTool {
  static final String NAME = "RadAssist";

  /** After Weasis' own tools (which use small positions). */
  static final int POSITION = 150;

  /** The client property naming the contribution a hosted component belongs to. */
  static final String TITLE_PROPERTY = "radassist.panel.title";

  static final Comparator<PanelContribution> ORDER =
      Comparator.comparingInt(PanelContribution::position).thenComparing(PanelContribution::id);

  private static final Logger LOG = LoggerFactory.getLogger(WeasisPanelDock.class);

  private final ViewerHost host;
  private final JTabbedPane tabs = new JTabbedPane(JTabbedPane.TOP, JTabbedPane.SCROLL_TAB_LAYOUT);
  private final List<Hosted> hosted = new ArrayList<>();
  private boolean closed;

  private record Hosted(PanelContribution contribution, JComponent component) {}

  WeasisPanelDock(ViewerHost host) {
    super(NAME, Insertable.Type.TOOL, POSITION);
    this.host = host;
    setDockableWidth(420);
    setLayout(new BorderLayout());
  }

  /** Adds a tab for the contribution (once); a contribution that fails to build is left out. */
  void addPanel(PanelContribution contribution) {
    requireEdt();
    if (closed || indexOf(contribution) >= 0) {
      return; // closed: an addition queued before the tool was disposed
    }
    JComponent component;
    try {
      component = contribution.createComponent(host);
    } catch (RuntimeException e) {
      LOG.error("RadAssist panel {} could not be built", contribution.id(), e);
      return;
    }
    int index = 0;
    while (index < hosted.size()
        && ORDER.compare(hosted.get(index).contribution(), contribution) < 0) {
      index++;
    }
    component.putClientProperty(TITLE_PROPERTY, contribution.title());
    hosted.add(index, new Hosted(contribution, component));
    relayout();
  }

  /** Removes the contribution's tab and lets it release its component. */
  void removePanel(PanelContribution contribution) {
    requireEdt();
    int index = indexOf(contribution);
    if (index < 0) {
      return;
    }
    Hosted h = hosted.remove(index);
    relayout();
    dispose(h);
  }

  /** Removes every tab; the tool is going away and takes no more panels. */
  void removeAllPanels() {
    requireEdt();
    closed = true;
    while (!hosted.isEmpty()) {
      Hosted h = hosted.remove(hosted.size() - 1);
      relayout();
      dispose(h);
    }
  }

  /** One contribution fills the tool; several share it in tabs. */
  private void relayout() {
    tabs.removeAll();
    removeAll();
    if (hosted.size() == 1) {
      add(hosted.get(0).component(), BorderLayout.CENTER);
    } else if (hosted.size() > 1) {
      for (Hosted h : hosted) {
        tabs.addTab(h.contribution().title(), h.component());
      }
      add(tabs, BorderLayout.CENTER);
    }
    revalidate();
    repaint();
  }

  /** The titles of the hosted contributions, in order (for tests and diagnostics). */
  List<String> tabTitles() {
    List<String> titles = new ArrayList<>();
    for (Hosted h : hosted) {
      titles.add(h.contribution().title());
    }
    return titles;
  }

  @Override
  protected void changeToolWindowAnchor(CLocation clocation) {
    // The panels fill whatever space the dock gives; nothing depends on the anchor.
  }

  private int indexOf(PanelContribution contribution) {
    for (int i = 0; i < hosted.size(); i++) {
      if (hosted.get(i).contribution() == contribution) {
        return i;
      }
    }
    return -1;
  }

  private static void dispose(Hosted h) {
    try {
      h.contribution().dispose(h.component());
    } catch (RuntimeException e) {
      LOG.warn("RadAssist panel {} failed to dispose", h.contribution().id(), e);
    }
  }

  private static void requireEdt() {
    if (!SwingUtilities.isEventDispatchThread()) {
      throw new IllegalStateException("RadAssist tool used off the Swing event thread");
    }
  }
}
