// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.api.explorer.model;

import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;
import javax.swing.SwingUtilities;
import org.weasis.core.api.explorer.ObservableEvent;

/**
 * The model of the non-DICOM files Weasis opens (its tree members are not declared). Like Weasis'
 * models it tells listeners about changes on the event thread.
 */
public abstract class AbstractFileModel implements DataExplorerModel {
  private final PropertyChangeSupport propertyChange = new PropertyChangeSupport(this);

  protected AbstractFileModel() {}

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
