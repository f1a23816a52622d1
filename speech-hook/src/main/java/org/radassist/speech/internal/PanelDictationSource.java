package org.radassist.speech.internal;

import org.radassist.speech.DictationSegment;
import org.radassist.speech.DictationSink;
import org.radassist.speech.DictationSource;

/**
 * The panel's own dictation box as a {@link DictationSource}: the panel calls {@link #typed} as the
 * radiologist types (partial) and when a sentence or the box is committed (final).
 */
public final class PanelDictationSource implements DictationSource {
  public static final String NAME = "panel";
  private volatile DictationSink sink;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(DictationSink sink) {
    this.sink = sink;
  }

  /**
   * Delivers the box's text for a study.
   *
   * @throws IllegalStateException when the source is not started or the study is not open
   */
  public void typed(String studyInstanceUid, long seq, boolean isFinal, String text) {
    DictationSink target = sink;
    if (target == null) {
      throw new IllegalStateException("the panel dictation source is not started");
    }
    target.onSegment(new DictationSegment(NAME, studyInstanceUid, seq, isFinal, text));
  }

  @Override
  public void close() {
    sink = null;
  }
}
