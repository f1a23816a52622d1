package org.radassist.host;

import org.radassist.model.StudyContext;

/**
 * Told by the host what the radiologist is looking at. Called on any thread; implementations hand
 * Swing work to the event thread themselves and never block the caller.
 */
public interface StudyContextListener {
  /** A study was opened or brought to front. */
  void studyOpened(StudyContext study);

  /** A series of the current study was selected. */
  default void seriesSelected(SeriesContext series) {}

  /** The study was closed; anything in flight for it should be cancelled. */
  void studyClosed(String studyInstanceUid);
}
