// Stand-in declaration of weasis-core/src/main/java/org/weasis/core/api/media/data/Series.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.api.media.data;

import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.weasis.core.api.gui.util.Filter;

/** A series: its media elements in a list, sorted on demand. */
public abstract class Series<E extends MediaElement> extends MediaSeriesGroupNode
    implements MediaSeries<E> {
  protected List<E> medias;

  protected Series(TagW tagID, Object identifier, TagView displayTag) {
    super(tagID, identifier, displayTag);
    this.medias = new ArrayList<>();
  }

  @Override
  public synchronized List<E> getSortedMedias(Comparator<E> comparator) {
    List<E> sorted = new ArrayList<>(medias);
    if (comparator != null) {
      sorted.sort(comparator);
    }
    return sorted;
  }

  @Override
  public synchronized void addMedia(E media) {
    if (media != null) {
      medias.add(media);
    }
  }

  @Override
  public final List<E> copyOfMedias(Filter<E> filter, Comparator<E> sort) {
    List<E> out = new ArrayList<>();
    for (E e : getSortedMedias(sort)) {
      if (filter == null || filter.passes(e)) {
        out.add(e);
      }
    }
    return out;
  }

  @Override
  public E getMedia(int index, Filter<E> filter, Comparator<E> sort) {
    List<E> list = copyOfMedias(filter, sort);
    return index >= 0 && index < list.size() ? list.get(index) : null;
  }

  @Override
  public synchronized int size(Filter<E> filter) {
    return filter == null ? medias.size() : copyOfMedias(filter, null).size();
  }

  @Override
  public DataFlavor[] getTransferDataFlavors() {
    return new DataFlavor[0];
  }

  @Override
  public boolean isDataFlavorSupported(DataFlavor flavor) {
    return false;
  }

  @Override
  public Object getTransferData(DataFlavor flavor) throws UnsupportedFlavorException {
    throw new UnsupportedFlavorException(flavor);
  }
}
