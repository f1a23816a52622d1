package org.radassist.speech.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.radassist.speech.DictationSegment;
import org.radassist.speech.DictationSink;

/**
 * The sink every source delivers to: hands each segment to the session of its study. A segment for
 * a study that is not open is refused (sources answer it as a conflict), so dictation never lands
 * in the wrong report.
 */
public final class DictationRouter implements DictationSink {
  private final Map<String, DictationSink> sessions = new ConcurrentHashMap<>();

  /** The study is open in the viewer: its dictation goes to this session. */
  public void open(DictationSession session) {
    sessions.put(session.studyInstanceUid(), session);
  }

  /**
   * The study is open in the viewer: its dictation goes to this session, and each segment the
   * session accepted is then shown to {@code accepted} (the panel lists what it heard).
   */
  public void open(DictationSession session, DictationSink accepted) {
    sessions.put(session.studyInstanceUid(), new Observed(session, accepted));
  }

  /** The study was closed: its session is closed (cancelling its draft) and forgotten. */
  public void close(String studyInstanceUid) {
    DictationSink s = sessions.remove(studyInstanceUid);
    if (s instanceof DictationSession session) {
      session.close();
    } else if (s instanceof Observed observed) {
      observed.session().close();
    }
  }

  /**
   * Closes the study's dictation only if {@code session} is still the one open for it (a study
   * opened again meanwhile keeps its new session).
   */
  public void close(DictationSession session) {
    String uid = session.studyInstanceUid();
    sessions.computeIfPresent(
        uid,
        (k, s) -> s == session || (s instanceof Observed o && o.session() == session) ? null : s);
    session.close();
  }

  public boolean isOpen(String studyInstanceUid) {
    return sessions.containsKey(studyInstanceUid);
  }

  @Override
  public void onSegment(DictationSegment segment) {
    DictationSink s = sessions.get(segment.studyInstanceUid());
    if (s == null) {
      throw new IllegalStateException(
          "no open study matches the segment's study_instance_uid; open the study first");
    }
    s.onSegment(segment);
  }

  private record Observed(DictationSession session, DictationSink accepted)
      implements DictationSink {
    @Override
    public void onSegment(DictationSegment segment) {
      session.onSegment(segment);
      accepted.onSegment(segment);
    }
  }
}
