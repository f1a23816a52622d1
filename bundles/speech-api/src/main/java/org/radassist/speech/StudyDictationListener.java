package org.radassist.speech;

import org.osgi.annotation.versioning.ConsumerType;
import org.radassist.drafting.DraftEvent;

/** What an open study's dictation tells the panel; called on the speech hook's threads. */
@ConsumerType
public interface StudyDictationListener {

  /** A segment arrived from a source (shown in the panel with its source). */
  void onSegment(DictationSegment segment);

  /** An event of the draft being streamed for the study's dictation so far. */
  void onDraftEvent(DraftEvent event);

  /** The session's state changed (drafting, streaming, unavailable with dictation kept ...). */
  void onStatus(SessionStatus status);
}
