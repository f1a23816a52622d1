package org.radassist.host;

import javax.swing.JComponent;

/**
 * A panel RadAssist contributes to the host's UI. The host calls {@link #createComponent} once, on
 * the Swing event thread, places the component (a dock, a tab, a side bar) and calls {@link
 * #dispose} when it removes it.
 */
public interface PanelContribution {

  /** Stable identifier, e.g. "radassist.findings". */
  String id();

  /** Title for a tab or dock header. */
  String title();

  /** Lower comes first when the host orders several contributions. */
  default int position() {
    return 100;
  }

  /** Builds the panel for the given host; called once on the event thread. */
  JComponent createComponent(ViewerHost host);

  /** Releases listeners and background work of a component this contribution created. */
  void dispose(JComponent component);
}
