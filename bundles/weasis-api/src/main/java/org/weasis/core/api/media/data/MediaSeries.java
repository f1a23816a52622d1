// Stand-in declaration of weasis-core/src/main/java/org/weasis/core/api/media/data/MediaSeries.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.api.media.data;

import java.awt.datatransfer.Transferable;
import java.util.Comparator;
import java.util.List;
import org.weasis.core.api.gui.util.Filter;

/** A series node holding its media elements (image elements; special elements are tags). */
public interface MediaSeries<E> extends MediaSeriesGroup, Transferable {
  List<E> getSortedMedias(Comparator<E> comparator);

  void addMedia(E media);

  List<E> copyOfMedias(Filter<E> filter, Comparator<E> sort);

  E getMedia(int index, Filter<E> filter, Comparator<E> sort);

  int size(Filter<E> filter);

  String getMimeType();
}
