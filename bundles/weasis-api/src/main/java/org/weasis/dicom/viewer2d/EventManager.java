// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.dicom.viewer2d;

import org.weasis.core.ui.editor.image.ImageViewerEventManager;
import org.weasis.dicom.codec.DicomImageElement;

/** The 2D viewer's event hub, a Weasis singleton; its listener methods come from the superclass. */
public class EventManager extends ImageViewerEventManager<DicomImageElement> {
  private static final EventManager INSTANCE = new EventManager();

  protected EventManager() {}

  public static EventManager getInstance() {
    return INSTANCE;
  }
}
