package org.radassist.panel.internal.swing;

import javax.swing.JComponent;
import org.radassist.panel.internal.model.MutablePanelState;

/** One tab of the tool: renders the state, forwards gestures; never does slow work. */
interface View {
  String title();

  /** The tab title with a count or state, e.g. "Findings (4)". */
  default String tabTitle(MutablePanelState state) {
    return TabTitles.of(title(), state);
  }

  JComponent component();

  /** Re-renders from the state; cheap when nothing this view shows has changed. */
  void refresh(MutablePanelState state);
}
