// Stand-in declaration of
// weasis-core/src/main/java/org/weasis/core/ui/editor/image/ImageViewerEventManager.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.ui.editor.image;

import java.awt.event.KeyEvent;
import java.awt.event.KeyListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Optional;
import org.weasis.core.api.gui.util.ActionState;
import org.weasis.core.api.gui.util.Feature;
import org.weasis.core.api.media.data.ImageElement;
import org.weasis.core.ui.editor.SeriesViewerEvent;
import org.weasis.core.ui.editor.SeriesViewerListener;

/**
 * A viewer family's event hub: its series viewer listeners (kept and fired on the event thread),
 * its actions by key (the 2D viewer registers the series scroll as ActionW.SCROLL_SERIES) and the
 * selected viewer.
 */
public abstract class ImageViewerEventManager<E extends ImageElement> implements KeyListener {
  protected final ArrayList<SeriesViewerListener> seriesViewerListeners = new ArrayList<>();
  protected final HashMap<Feature<? extends ActionState>, ActionState> actions = new HashMap<>();
  protected ImageViewerPlugin<E> selectedView2dContainer;

  public void setAction(ActionState action) {
    actions.put(action.getActionW(), action);
  }

  public void removeAction(Feature<?> action) {
    actions.remove(action);
  }

  @SuppressWarnings("unchecked")
  public <T> Optional<T> getAction(Feature<T> feature) {
    return feature == null ? Optional.empty() : Optional.ofNullable((T) actions.get(feature));
  }

  public void addSeriesViewerListener(SeriesViewerListener listener) {
    if (listener != null && !seriesViewerListeners.contains(listener)) {
      seriesViewerListeners.add(listener);
    }
  }

  public void removeSeriesViewerListener(SeriesViewerListener listener) {
    seriesViewerListeners.remove(listener);
  }

  public void fireSeriesViewerListeners(SeriesViewerEvent event) {
    if (event != null) {
      for (SeriesViewerListener listener : new ArrayList<>(seriesViewerListeners)) {
        listener.changingViewContentEvent(event);
      }
    }
  }

  /** The selected view of the selected viewer, or null when no viewer is open. */
  public ViewCanvas<E> getSelectedViewPane() {
    ImageViewerPlugin<E> container = selectedView2dContainer;
    return container == null ? null : container.getSelectedViewCanvas();
  }

  public ImageViewerPlugin<E> getSelectedView2dContainer() {
    return selectedView2dContainer;
  }

  public void setSelectedView2dContainer(ImageViewerPlugin<E> selectedView2dContainer) {
    this.selectedView2dContainer = selectedView2dContainer;
  }

  @Override
  public void keyTyped(KeyEvent e) {}

  @Override
  public void keyPressed(KeyEvent e) {}

  @Override
  public void keyReleased(KeyEvent e) {}
}
