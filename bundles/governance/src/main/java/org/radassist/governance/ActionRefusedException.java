package org.radassist.governance;

/** A governed action was refused; the refusal has been written to the audit trail. */
public class ActionRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final GovernedAction action;

  public ActionRefusedException(GovernedAction action, String message) {
    super(message);
    this.action = action;
  }

  public GovernedAction action() {
    return action;
  }
}
