// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.api.explorer.model;

import java.beans.PropertyChangeListener;
import org.weasis.core.api.explorer.ObservableEvent;

/**
 * The model behind a data explorer (the DICOM explorer's is DicomModel). Only the members the
 * bridge uses are declared; Weasis' interface has more (codecs, splitting rules ...).
 */
public interface DataExplorerModel {

  void addPropertyChangeListener(PropertyChangeListener propertychangelistener);

  void removePropertyChangeListener(PropertyChangeListener propertychangelistener);

  void firePropertyChange(ObservableEvent event);
}
