package org.radassist.drafting.service.internal.llm;

import java.util.List;

/**
 * Reads the finding frames of a text: what the faithfulness guard compares between the dictation
 * and a model's sections.
 */
@FunctionalInterface
interface FindingFrames {
  List<Frame> read(String text);

  /**
   * One finding as the guard needs it.
   *
   * @param kind lesion kind key ("nodule", "embolism", "effusion", ...)
   * @param organ organ key, "" when the text does not say
   * @param side "right", "left", "bilateral", "" when none
   * @param sizesMm the finding's sizes, each axis in mm (prior sizes excluded)
   * @param positive asserted as present now (not negated, historical or hypothetical)
   * @param start offset of the kind words
   * @param end end of the kind words
   * @param sentenceStart offset of the finding's sentence
   * @param sentenceEnd end of the finding's sentence
   */
  record Frame(
      String kind,
      String organ,
      String side,
      List<Double> sizesMm,
      boolean positive,
      int start,
      int end,
      int sentenceStart,
      int sentenceEnd) {
    public Frame {
      sizesMm = List.copyOf(sizesMm);
    }
  }
}
