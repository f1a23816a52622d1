package org.radassist.panel.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.radassist.drafting.DraftEvent;
import org.radassist.model.Finding;
import org.radassist.model.SectionKind;
import org.radassist.model.StudyContext;
import org.radassist.speech.DictationSegment;
import org.radassist.speech.SessionStatus;
import org.radassist.speech.SpeechHook;
import org.radassist.speech.StudyDictation;
import org.radassist.speech.StudyDictationListener;

/**
 * A speech hook for the panel's tests (the real one lives in the speech-hook module): it records
 * what the panel opens, types and closes, lets the test speak as another source or the session,
 * streams a scripted draft on its own thread when the panel sends a final segment, and can fail the
 * way a hook with a full disk does.
 */
public final class RecordingSpeechHook implements SpeechHook {

  /** One study's dictation as the panel opened it. */
  public final class Opened implements StudyDictation {
    public final StudyContext study;
    public final Supplier<List<Finding>> aiResults;
    public final StudyDictationListener listener;
    public final List<String> typed = new CopyOnWriteArrayList<>();
    public volatile boolean closed;
    public final List<Map<SectionKind, String>> sent = new CopyOnWriteArrayList<>();

    /** Every list of priors the panel gave, in order. */
    public final List<List<org.radassist.speech.PriorReport>> priors = new CopyOnWriteArrayList<>();

    /** What sendAccepted answers (default: no reporting system configured). */
    public volatile List<String> sendOutcome = List.of();

    Opened(StudyContext study, Supplier<List<Finding>> ai, StudyDictationListener listener) {
      this.study = study;
      this.aiResults = ai;
      this.listener = listener;
    }

    @Override
    public String studyInstanceUid() {
      return study.studyInstanceUid();
    }

    @Override
    public void typed(boolean isFinal, String text) {
      if (failTyped != null) {
        listener.onStatus(new SessionStatus(SessionStatus.State.NOT_DURABLE, failTyped, 1));
        throw new IllegalStateException(failTyped);
      }
      typed.add((isFinal ? "final:" : "partial:") + text);
      listener.onSegment(new DictationSegment("panel", study.studyInstanceUid(), 0, isFinal, text));
      if (isFinal) {
        stream(this);
      }
    }

    @Override
    public List<String> sendAccepted(Map<SectionKind, String> sections) {
      sent.add(Map.copyOf(sections));
      return sendOutcome;
    }

    @Override
    public void priors(List<org.radassist.speech.PriorReport> given) {
      priors.add(List.copyOf(given));
    }

    @Override
    public void close() {
      closed = true;
    }

    /** Speaks as another source (e.g. a speech engine on the loopback intake). */
    public void segment(String source, long seq, boolean isFinal, String text) {
      listener.onSegment(
          new DictationSegment(source, study.studyInstanceUid(), seq, isFinal, text));
    }

    public void status(SessionStatus.State state, String message, int unsent) {
      listener.onStatus(new SessionStatus(state, message, unsent));
    }
  }

  public final List<Opened> opened = new CopyOnWriteArrayList<>();
  private final List<DraftEvent> draft;
  private final SessionStatus whenTyped;

  /** Set to make typed() fail with this message (after telling the session's status). */
  public volatile String failTyped;

  /**
   * @param draft the events streamed after each final segment (empty: none, e.g. a service down)
   * @param whenTyped the status told right after a final segment (null: DRAFTING)
   */
  public RecordingSpeechHook(List<DraftEvent> draft, SessionStatus whenTyped) {
    this.draft = List.copyOf(draft);
    this.whenTyped = whenTyped;
  }

  @Override
  public StudyDictation open(
      StudyContext study, Supplier<List<Finding>> aiResults, StudyDictationListener listener) {
    Opened o = new Opened(study, aiResults, listener);
    opened.add(o);
    listener.onStatus(new SessionStatus(SessionStatus.State.IDLE, "", 0));
    return o;
  }

  @Override
  public List<String> sources() {
    return List.of("loopback", "panel");
  }

  public Opened last() {
    return opened.get(opened.size() - 1);
  }

  private void stream(Opened o) {
    o.listener.onStatus(
        whenTyped != null ? whenTyped : new SessionStatus(SessionStatus.State.DRAFTING, "", 0));
    if (draft.isEmpty()) {
      return;
    }
    Thread t =
        new Thread(
            () -> {
              for (DraftEvent e : draft) {
                if (o.closed) {
                  return;
                }
                o.listener.onDraftEvent(e);
              }
              o.listener.onStatus(new SessionStatus(SessionStatus.State.READY, "", 0));
            },
            "recording-speech-hook");
    t.setDaemon(true);
    t.start();
  }
}
