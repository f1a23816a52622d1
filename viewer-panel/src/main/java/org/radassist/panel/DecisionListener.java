package org.radassist.panel;

/**
 * Told of every accept / edit / reject / undo / communication the radiologist makes in the panel,
 * in the order made. The audit trail registers one (as an OSGi service, or through {@link
 * RadAssistPanels.Builder#decisionListener}). Called on a single background thread of the panel,
 * never on the Swing event thread, so an implementation may write to disk.
 */
@FunctionalInterface
public interface DecisionListener {
  void decided(Decision decision);
}
