// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.api.explorer;

import java.beans.PropertyChangeEvent;

/**
 * What a data model (DicomModel) tells its property change listeners: an action on a node of its
 * tree (the new value), e.g. REMOVE of a patient, study or series before it leaves the tree.
 */
public class ObservableEvent extends PropertyChangeEvent {

  public enum BasicAction {
    SELECT,
    ADD,
    REMOVE,
    UPDATE,
    UPDATE_PARENT,
    NULL_SELECTION,
    UPDATE_TOOLS,
    UPDATE_TOOLBARS,
    REGISTER,
    UNREGISTER,
    REPLACE,
    LOADING_START,
    LOADING_CANCEL,
    LOADING_STOP,
    LOADING_GLOBAL_MSG
  }

  private final BasicAction actionCommand;

  public ObservableEvent(
      BasicAction actionCommand, Object source, Object oldValue, Object newValue) {
    super(source, null, oldValue, newValue);
    if (actionCommand == null) {
      throw new IllegalArgumentException("null action");
    }
    this.actionCommand = actionCommand;
  }

  @Override
  public String getPropertyName() {
    return actionCommand.toString();
  }

  public BasicAction getActionCommand() {
    return actionCommand;
  }
}
