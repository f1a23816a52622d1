// Stand-in declaration of
// weasis-dicom/weasis-dicom-explorer/src/main/java/org/weasis/dicom/explorer/DicomModel.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.dicom.explorer;

import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.swing.SwingUtilities;
import org.weasis.core.api.explorer.ObservableEvent;
import org.weasis.core.api.explorer.model.DataExplorerModel;
import org.weasis.core.api.explorer.model.TreeModel;
import org.weasis.core.api.explorer.model.TreeModelNode;
import org.weasis.core.api.media.data.MediaSeriesGroup;
import org.weasis.core.api.media.data.TagView;
import org.weasis.core.api.media.data.TagW;
import org.weasis.dicom.codec.TagD;

/**
 * The DICOM explorer's patient / study / series tree; a DS service registered under this class. The
 * tree is empty here (tests subclass it). It tells its property change listeners about changes with
 * ObservableEvents on the event thread; removing a patient, study or series fires REMOVE with the
 * node as new value before the node leaves the tree.
 */
public class DicomModel implements TreeModel, DataExplorerModel {
  public static final TreeModelNode patient =
      new TreeModelNode(1, 0, TagW.PatientPseudoUID, new TagView());
  public static final TreeModelNode study =
      new TreeModelNode(2, 0, TagD.get(0x0020000D), new TagView());
  public static final TreeModelNode series =
      new TreeModelNode(3, 0, TagW.SubseriesInstanceUID, new TagView());

  private final PropertyChangeSupport propertyChange = new PropertyChangeSupport(this);

  public DicomModel() {}

  @Override
  public Collection<MediaSeriesGroup> getChildren(MediaSeriesGroup node) {
    return List.of();
  }

  @Override
  public MediaSeriesGroup getParent(MediaSeriesGroup node, TreeModelNode modelNode) {
    return null;
  }

  @Override
  public void addPropertyChangeListener(PropertyChangeListener propertychangelistener) {
    propertyChange.addPropertyChangeListener(propertychangelistener);
  }

  @Override
  public void removePropertyChangeListener(PropertyChangeListener propertychangelistener) {
    propertyChange.removePropertyChangeListener(propertychangelistener);
  }

  @Override
  public void firePropertyChange(ObservableEvent event) {
    if (SwingUtilities.isEventDispatchThread()) {
      propertyChange.firePropertyChange(event);
    } else {
      SwingUtilities.invokeLater(() -> propertyChange.firePropertyChange(event));
    }
  }

  /** The special elements of a series (its tag TagW.DicomSpecialElementList) of type clazz. */
  public static <E> List<E> getSpecialElements(MediaSeriesGroup series, Class<E> clazz) {
    List<E> out = new ArrayList<>();
    if (series != null
        && clazz != null
        && series.getTagValue(TagW.DicomSpecialElementList) instanceof List<?> elements) {
      for (Object el : elements) {
        if (clazz.isInstance(el)) {
          out.add(clazz.cast(el));
        }
      }
    }
    return out;
  }
}
