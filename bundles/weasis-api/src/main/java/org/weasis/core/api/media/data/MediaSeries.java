// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.api.media.data;

import java.util.Comparator;
import java.util.List;

/** A series node holding its media elements (only the members the bridge uses are declared). */
public interface MediaSeries<E> extends MediaSeriesGroup {

  List<E> getSortedMedias(Comparator<E> comparator);

  String getMimeType();
}
