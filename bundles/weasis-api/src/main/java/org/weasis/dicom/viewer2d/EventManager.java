// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.dicom.viewer2d;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.weasis.core.ui.editor.SeriesViewerEvent;
import org.weasis.core.ui.editor.SeriesViewerListener;

/**
 * The 2D viewer's event hub, a Weasis singleton. In Weasis the listener methods are inherited from
 * ImageViewerEventManager; they are declared here directly.
 */
public class EventManager {
  private static final EventManager INSTANCE = new EventManager();

  private final List<SeriesViewerListener> seriesViewerListeners = new CopyOnWriteArrayList<>();

  protected EventManager() {}

  public static EventManager getInstance() {
    return INSTANCE;
  }

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
}
