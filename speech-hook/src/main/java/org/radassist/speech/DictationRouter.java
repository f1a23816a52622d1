package org.radassist.speech;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

  /** The study was closed: its session is closed (cancelling its draft) and forgotten. */
  public void close(String studyInstanceUid) {
    DictationSink s = sessions.remove(studyInstanceUid);
    if (s instanceof DictationSession session) {
      session.close();
    }
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
}
