// Stand-in declaration of
// weasis-core/src/main/java/org/weasis/core/ui/editor/image/ImageViewerPlugin.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.ui.editor.image;

import org.weasis.core.api.media.data.ImageElement;

/** An image viewer (the 2D viewer's View2dContainer): a layout of views, one of them selected. */
public abstract class ImageViewerPlugin<E extends ImageElement> extends ViewerPlugin<E> {
  protected ViewCanvas<E> selectedImagePane = null;
  protected final ImageViewerEventManager<E> eventManager;

  protected ImageViewerPlugin(ImageViewerEventManager<E> eventManager, String pluginName) {
    super(pluginName);
    this.eventManager = eventManager;
  }

  public ViewCanvas<E> getSelectedViewCanvas() {
    return selectedImagePane;
  }

  public ImageViewerEventManager<E> getEventManager() {
    return eventManager;
  }
}
