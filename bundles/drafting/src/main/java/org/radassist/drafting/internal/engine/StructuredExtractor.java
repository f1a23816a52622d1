package org.radassist.drafting.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.radassist.drafting.internal.rules.Assessment;
import org.radassist.model.Evidence;
import org.radassist.model.Flag;
import org.radassist.model.StructuredField;

/**
 * Fills the structured fields of the scoring systems from dictated text and AI measurements, and
 * raises the flags where what was dictated disagrees with the rules (category vs findings, category
 * vs management, dictated vs AI size). One lesion per system per report, except lung nodules (each
 * sentence with a nodule is one nodule; the exam takes the most suspicious). Each system is read by
 * its own class; this one runs them in turn into one {@link Result}.
 */
final class StructuredExtractor {

  /** What the extraction found. {@code actionable}: complete assessments that need follow-up. */
  static final class Result {
    final List<StructuredField> fields = new ArrayList<>();
    final List<Flag> flags = new ArrayList<>();
    final List<Scored> scored = new ArrayList<>();

    /**
     * Dictated categories the table scores differently (round-27 decision): the signed report
     * asserts them and the referrer acts on them, so they count for critical results too.
     */
    final List<Scored> dictated = new ArrayList<>();
  }

  /** A complete assessment with the evidence it rests on. */
  record Scored(Assessment assessment, List<Evidence> evidence, double confidence) {}

  private final LungNoduleReader lungReader = new LungNoduleReader();
  private final BiRadsReader biRadsReader = new BiRadsReader();
  private final LiRadsReader liRadsReader = new LiRadsReader();
  private final PiRadsReader piRadsReader = new PiRadsReader();
  private final TiRadsReader tiRadsReader = new TiRadsReader();

  Result extract(Report report, Set<String> conceptIdsPresent) {
    Result r = new Result();
    lungReader.lungNodules(report, r);
    biRadsReader.biRads(report, r);
    liRadsReader.liRads(report, r);
    piRadsReader.piRads(report, r);
    tiRadsReader.tiRads(report, r, conceptIdsPresent);
    return r;
  }
}
