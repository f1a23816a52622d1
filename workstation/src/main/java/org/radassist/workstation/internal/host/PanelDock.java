package org.radassist.workstation.internal.host;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import javax.swing.SwingConstants;
import org.radassist.host.PanelContribution;
import org.radassist.host.ViewerHost;

/**
 * Where the workstation places RadAssist's panels: one tab per {@link PanelContribution}, ordered
 * by position. With none, it says so instead of showing an empty space. Event thread only.
 */
public final class PanelDock extends JPanel {
  private static final long serialVersionUID = 1L;
  static final String NONE_TEXT =
      "RadAssist panels (org.radassist.viewer.panel) are not available in this build.";

  private final transient ViewerHost host;
  private final JTabbedPane tabs = new JTabbedPane();
  private final JLabel none = new JLabel(html(NONE_TEXT), SwingConstants.CENTER);
  private final transient List<Placed> placed = new ArrayList<>();

  private record Placed(PanelContribution contribution, JComponent component) {}

  public PanelDock(ViewerHost host) {
    super(new BorderLayout());
    this.host = host;
    setName("dock");
    tabs.setName("dock.tabs");
    none.setName("dock.none");
    none.setBorder(BorderFactory.createEmptyBorder(24, 24, 24, 24));
    setPreferredSize(new Dimension(520, 640));
    refresh();
  }

  /** Creates and places the contribution's component (once per contribution). */
  public void add(PanelContribution contribution) {
    if (placed.stream().anyMatch(p -> p.contribution() == contribution)) {
      return;
    }
    JComponent component = contribution.createComponent(host);
    component.setName(component.getName() == null ? contribution.id() : component.getName());
    placed.add(new Placed(contribution, component));
    placed.sort(
        Comparator.comparingInt((Placed p) -> p.contribution().position())
            .thenComparing(p -> p.contribution().id()));
    refresh();
  }

  /** Removes the contribution's component and lets the contribution release it. */
  public void remove(PanelContribution contribution) {
    for (Placed p : List.copyOf(placed)) {
      if (p.contribution() == contribution) {
        placed.remove(p);
        contribution.dispose(p.component());
      }
    }
    refresh();
  }

  /** The placed components with their contributions' ids, in tab order. */
  public List<JComponent> components() {
    return placed.stream().map(Placed::component).toList();
  }

  public List<String> titles() {
    return placed.stream().map(p -> p.contribution().title()).toList();
  }

  public void disposeAll() {
    for (Placed p : List.copyOf(placed)) {
      remove(p.contribution());
    }
  }

  private void refresh() {
    removeAll();
    tabs.removeAll();
    if (placed.isEmpty()) {
      add(none, BorderLayout.CENTER);
    } else if (placed.size() == 1) {
      add(placed.get(0).component(), BorderLayout.CENTER);
    } else {
      for (Placed p : placed) {
        tabs.addTab(p.contribution().title(), p.component());
      }
      add(tabs, BorderLayout.CENTER);
    }
    revalidate();
    repaint();
  }

  private static String html(String text) {
    return "<html><div style='text-align:center'>" + text + "</div></html>";
  }
}
