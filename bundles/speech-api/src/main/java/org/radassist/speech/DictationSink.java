package org.radassist.speech;

/**
 * Where dictation sources deliver segments; implementations return quickly and never block on the
 * network.
 */
@FunctionalInterface
public interface DictationSink {
  void onSegment(DictationSegment segment);
}
