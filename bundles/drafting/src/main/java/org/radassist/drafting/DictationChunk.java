package org.radassist.drafting;

/**
 * A piece of dictation in the order spoken. Partial chunks may be replaced by a later chunk with
 * the same sequence number; final chunks are committed.
 */
public record DictationChunk(long seq, boolean isFinal, String text) {
  public DictationChunk {
    if (seq < 0) {
      throw new IllegalArgumentException("seq must not be negative, was " + seq);
    }
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
  }
}
