package org.radassist.drafting.service.internal.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.radassist.drafting.internal.engine.frames.FrameExtractor;
import org.radassist.drafting.internal.engine.frames.LesionFrame;
import org.radassist.drafting.internal.engine.frames.Measurement;
import org.radassist.drafting.internal.engine.frames.Side;

/**
 * The rules engine's lesion frames (ConText assertions, normalised sites, sizes with their roles)
 * as the faithfulness guard reads them: one reader for the dictation and the model's sections, so
 * both are read the same way. Prior sizes ("previously 6 mm") are left out: a draft may drop the
 * prior's size without changing what was found today.
 */
final class EngineFrames implements FindingFrames {
  private final FrameExtractor extractor;
  private final FrameExtractor.ExamContext exam;

  EngineFrames(FrameExtractor extractor, String modality, String bodyPart) {
    this.extractor = extractor;
    this.exam = new FrameExtractor.ExamContext(modality, bodyPart);
  }

  @Override
  public List<Frame> read(String text) {
    List<Frame> out = new ArrayList<>();
    for (LesionFrame f : extractor.extract(text, exam)) {
      if (!f.fromText()) {
        continue;
      }
      List<Double> sizes = new ArrayList<>();
      for (Measurement m : f.sizes()) {
        if (m.role() != Measurement.Role.PRIOR) {
          sizes.addAll(m.axesMm());
        }
      }
      out.add(
          new Frame(
              f.kind(),
              f.organ(),
              f.side() == Side.NONE || f.side() == Side.MIDLINE
                  ? ""
                  : f.side().name().toLowerCase(Locale.ROOT),
              sizes,
              f.assertion().positive(),
              f.start(),
              f.end(),
              f.sentenceStart(),
              f.sentenceEnd()));
    }
    return out;
  }
}
