// Stand-in declaration of
// weasis-core/src/main/java/org/weasis/core/ui/editor/image/ViewerPlugin.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.ui.editor.image;

import javax.swing.JPanel;
import org.weasis.core.api.media.data.MediaElement;
import org.weasis.core.ui.editor.SeriesViewer;

/** A viewer: a panel in a DockingFrames dockable (only the constructor is declared). */
public abstract class ViewerPlugin<E extends MediaElement> extends JPanel
    implements SeriesViewer<E> {
  private final String pluginName;

  protected ViewerPlugin(String pluginName) {
    this.pluginName = pluginName;
  }

  @Override
  public String getPluginName() {
    return pluginName;
  }
}
