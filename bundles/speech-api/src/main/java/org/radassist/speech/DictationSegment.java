package org.radassist.speech;

/**
 * A piece of dictation from a speech engine: partial segments may be replaced by later ones with
 * the same sequence number; a final segment commits its text.
 *
 * @param source which source it came from (e.g. "loopback", "fhircast", "panel")
 * @param studyInstanceUid the study the dictation is about (stays on the workstation)
 */
public record DictationSegment(
    String source, String studyInstanceUid, long seq, boolean isFinal, String text) {
  public DictationSegment {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("source must not be blank");
    }
    if (studyInstanceUid == null || studyInstanceUid.isBlank()) {
      throw new IllegalArgumentException("studyInstanceUid must not be blank");
    }
    if (seq < 0) {
      throw new IllegalArgumentException("seq must not be negative, was " + seq);
    }
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
  }
}
