// Stand-in declaration of
// weasis-core/src/main/java/org/weasis/core/api/explorer/ObservableEvent.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
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
