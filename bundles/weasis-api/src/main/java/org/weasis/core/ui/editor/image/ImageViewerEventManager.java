// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.ui.editor.image;

import java.util.ArrayList;
import org.weasis.core.api.media.data.ImageElement;
import org.weasis.core.ui.editor.SeriesViewerEvent;
import org.weasis.core.ui.editor.SeriesViewerListener;

/**
 * The event hub of an image viewer (the 2D viewer's is org.weasis.dicom.viewer2d.EventManager).
 * Only the members the bridge uses are declared. Like Weasis, listeners live in a plain list that
 * is touched on the event thread only.
 */
public abstract class ImageViewerEventManager<E extends ImageElement> {
  protected final ArrayList<SeriesViewerListener> seriesViewerListeners = new ArrayList<>();
  protected ImageViewerPlugin<E> selectedView2dContainer;

  protected ImageViewerEventManager() {}

  public void addSeriesViewerListener(SeriesViewerListener listener) {
    if (!seriesViewerListeners.contains(listener)) {
      seriesViewerListeners.add(listener);
    }
  }

  public void removeSeriesViewerListener(SeriesViewerListener listener) {
    seriesViewerListeners.remove(listener);
  }

  public void fireSeriesViewerListeners(SeriesViewerEvent event) {
    if (event != null) {
      for (SeriesViewerListener listener : seriesViewerListeners) {
        listener.changingViewContentEvent(event);
      }
    }
  }

  /** The selected view of the selected viewer, or null when no viewer is open. */
  public ViewCanvas<E> getSelectedViewPane() {
    ImageViewerPlugin<E> container = selectedView2dContainer;
    return container == null ? null : container.getSelectedImagePane();
  }

  public ImageViewerPlugin<E> getSelectedView2dContainer() {
    return selectedView2dContainer;
  }

  public void setSelectedView2dContainer(ImageViewerPlugin<E> selectedView2dContainer) {
    this.selectedView2dContainer = selectedView2dContainer;
  }
}
