package org.radassist.panel.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.radassist.drafting.DraftEvent;
import org.radassist.model.Finding;
import org.radassist.model.SectionKind;
import org.radassist.model.StudyContext;
import org.radassist.panel.model.DictationStatus;
import org.radassist.panel.model.HeardSegment;

/**
 * The speech hook as the controller uses it. The speech bundle's API is an optional import, so only
 * its adapter ({@code internal.speech.SpeechHookPort}) names its types; this side stays loadable
 * without it.
 */
public interface DictationPort {

  /** Opens the study's dictation (may touch the disk: call off the UI thread). */
  Session open(StudyContext study, Supplier<List<Finding>> findings, Listener listener);

  /** One open study's dictation. */
  interface Session {
    /** The dictation box's whole text; final = draft it now. May block on a durable write. */
    void typed(boolean isFinal, String text);

    /**
     * Sends the accepted sections to the reporting systems the hook has (may block on a network
     * round trip: call off the UI thread); one line per system, empty when none is configured.
     */
    default List<String> sendAccepted(Map<SectionKind, String> sections) {
      return List.of();
    }

    /**
     * The prior studies of the open study (from the prior comparison), for the next draft request;
     * the hook minimises them. Quick, any thread.
     */
    default void priors(List<org.radassist.panel.PriorComparison.ComparedPrior> priors) {}

    void close();
  }

  /** Told on the hook's threads. */
  interface Listener {
    void segment(HeardSegment segment);

    void draftEvent(DraftEvent event);

    void status(DictationStatus status);
  }
}
