package org.radassist.speech;

import java.util.List;
import java.util.function.Supplier;
import org.osgi.annotation.versioning.ProviderType;
import org.radassist.model.Finding;
import org.radassist.model.StudyContext;

/**
 * The speech hook as one service for a panel: while a study is open, dictation for it from every
 * running {@link DictationSource} (FHIRcast, the loopback intake, the panel's own box) goes to the
 * study's one dictation session, durable in the outbox before it is sent, and the streamed draft,
 * the session's status and each segment heard come back to the panel's listener.
 *
 * <p>In OSGi it is a service of the {@code org.radassist.speech.hook} bundle (optional for the
 * panel); without OSGi, {@code org.radassist.speech.hook.SpeechHooks} builds one.
 */
@ProviderType
public interface SpeechHook {

  /**
   * Opens the dictation of a study. Segments for it are accepted from now until the returned handle
   * is closed; what the outbox still holds for the study from before a restart is replayed first.
   *
   * @param study the study on screen (its identifiers stay on this machine)
   * @param findings the AI findings of the study (asked at each request; the request factory sends
   *     them without UIDs)
   * @param listener told of segments, draft events and status, on the hook's threads
   * @throws IllegalStateException when the hook is closed
   */
  StudyDictation open(
      StudyContext study, Supplier<List<Finding>> findings, StudyDictationListener listener);

  /** The names of the dictation sources running now, e.g. ["loopback", "panel"]. */
  List<String> sources();
}
