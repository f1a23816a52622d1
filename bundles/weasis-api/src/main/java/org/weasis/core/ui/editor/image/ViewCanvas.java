// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.ui.editor.image;

import org.weasis.core.api.gui.Image2DViewer;
import org.weasis.core.api.media.data.ImageElement;
import org.weasis.core.api.media.data.MediaSeries;

/**
 * One image view (a cell of the 2D viewer's layout). Only the members the bridge uses are declared;
 * Weasis' interface also extends Canvas, PropertyChangeListener, FocusListener, KeyListener ...
 */
public interface ViewCanvas<E extends ImageElement> extends Image2DViewer<E> {

  /** Shows {@code newSeries} in this view at {@code selectedMedia} (the first image when null). */
  void setSeries(MediaSeries<E> newSeries, E selectedMedia);
}
