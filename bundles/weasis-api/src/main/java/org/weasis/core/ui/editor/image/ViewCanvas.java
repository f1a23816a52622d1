// Stand-in declaration of weasis-core/src/main/java/org/weasis/core/ui/editor/image/ViewCanvas.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.ui.editor.image;

import java.awt.event.FocusListener;
import java.awt.event.KeyListener;
import java.beans.PropertyChangeListener;
import java.util.Comparator;
import org.weasis.core.api.gui.Image2DViewer;
import org.weasis.core.api.media.data.ImageElement;
import org.weasis.core.api.media.data.MediaSeries;
import org.weasis.core.ui.model.utils.ImageLayerChangeListener;

/**
 * One image view (a cell of the 2D viewer's layout). {@code setSeries} with the series already
 * shown returns without moving (DefaultView2d); moving within it is the series scroll's job.
 */
public interface ViewCanvas<E extends ImageElement>
    extends Canvas,
        Image2DViewer<E>,
        PropertyChangeListener,
        FocusListener,
        ImageLayerChangeListener<E>,
        KeyListener {
  void setSeries(MediaSeries<E> series);

  void setSeries(MediaSeries<E> newSeries, E selectedMedia);

  /** The order the view shows its series in (the scroll's positions follow it). */
  Comparator<E> getCurrentSortComparator();
}
