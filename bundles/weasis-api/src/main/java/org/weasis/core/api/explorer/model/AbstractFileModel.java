// Stand-in declaration of
// weasis-core/src/main/java/org/weasis/core/api/explorer/model/AbstractFileModel.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.api.explorer.model;

import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;
import java.util.Collection;
import java.util.List;
import javax.swing.SwingUtilities;
import org.weasis.core.api.explorer.ObservableEvent;
import org.weasis.core.api.media.data.MediaSeriesGroup;

/** The model of the non-DICOM files Weasis opens; tells listeners on the event thread. */
public abstract class AbstractFileModel implements TreeModel, DataExplorerModel {
  private final PropertyChangeSupport propertyChange = new PropertyChangeSupport(this);

  protected AbstractFileModel() {}

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
}
