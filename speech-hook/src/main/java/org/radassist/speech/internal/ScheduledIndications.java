package org.radassist.speech.internal;

/**
 * Where the RIS order intake leaves the reason and the order number of a scheduled study, so that
 * the dictation session opened for it later drafts with that indication and its accepted results
 * answer that order (registered by the speech hook's component).
 */
public interface ScheduledIndications {

  /** The study was scheduled for this reason ("" forgets it). */
  void rememberIndication(String studyInstanceUid, String indication);

  /** The RIS order of the study, answered by the results sent for it ("" forgets it). */
  void rememberOrder(String studyInstanceUid, String placerOrderNumber);
}
