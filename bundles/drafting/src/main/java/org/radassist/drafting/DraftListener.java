package org.radassist.drafting;

/**
 * Receives a draft's events in order, on a background thread of the service (never the Swing event
 * thread). Must return quickly.
 */
@FunctionalInterface
public interface DraftListener {
  void onEvent(DraftEvent event);
}
