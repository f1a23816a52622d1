// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.dicom.explorer;

import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;
import java.util.Collection;
import java.util.List;
import javax.swing.SwingUtilities;
import org.weasis.core.api.explorer.ObservableEvent;
import org.weasis.core.api.explorer.model.DataExplorerModel;
import org.weasis.core.api.explorer.model.TreeModelNode;
import org.weasis.core.api.media.data.MediaSeriesGroup;
import org.weasis.core.api.media.data.TagW;
import org.weasis.dicom.codec.TagD;

/**
 * The DICOM explorer's patient / study / series tree; a DS service registered under this class. The
 * tree is empty here (tests subclass it). Like Weasis, it tells its property change listeners about
 * changes with ObservableEvents on the event thread; removePatient / removeStudy / removeSeries
 * fire REMOVE with the node as new value before the node leaves the tree.
 */
public class DicomModel implements DataExplorerModel {
  public static final TreeModelNode patient =
      new TreeModelNode(1, 0, new TagW(0, "PatientPseudoUID"));
  public static final TreeModelNode study = new TreeModelNode(2, 0, TagD.get(0x0020000D));
  public static final TreeModelNode series =
      new TreeModelNode(3, 0, new TagW(0, "SubseriesInstanceUID"));

  private final PropertyChangeSupport propertyChange = new PropertyChangeSupport(this);

  public DicomModel() {}

  /** The ancestor of {@code node} at the level {@code modelNode}, or null. */
  public MediaSeriesGroup getParent(MediaSeriesGroup node, TreeModelNode modelNode) {
    return null;
  }

  /** The children of a node (patient: studies, study: series). */
  public Collection<MediaSeriesGroup> getChildren(MediaSeriesGroup node) {
    return List.of();
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
    if (event == null) {
      throw new NullPointerException();
    }
    if (SwingUtilities.isEventDispatchThread()) {
      propertyChange.firePropertyChange(event);
    } else {
      SwingUtilities.invokeLater(() -> propertyChange.firePropertyChange(event));
    }
  }
}
