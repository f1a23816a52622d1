// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.ui.editor.image;

import org.weasis.core.api.media.data.ImageElement;
import org.weasis.core.ui.editor.SeriesViewer;

/**
 * An image viewer (the 2D viewer's View2dContainer is one). In Weasis it extends ViewerPlugin, a
 * JPanel in a DockingFrames dockable; only the member the event manager uses is declared here.
 */
public abstract class ImageViewerPlugin<E extends ImageElement> implements SeriesViewer<E> {

  /** The selected view of the layout. */
  public abstract ViewCanvas<E> getSelectedImagePane();
}
