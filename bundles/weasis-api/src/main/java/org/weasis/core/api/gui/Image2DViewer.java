// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.api.gui;

import org.weasis.core.api.media.data.ImageElement;
import org.weasis.core.api.media.data.MediaSeries;

/** A 2D image view: the series it shows and the image on screen (members used by the bridge). */
public interface Image2DViewer<E extends ImageElement> {

  MediaSeries<E> getSeries();

  E getImage();
}
