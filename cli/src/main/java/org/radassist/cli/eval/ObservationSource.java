package org.radassist.cli.eval;

import java.util.List;
import org.radassist.drafting.DraftRequest;

/**
 * Where {@code eval mesh} gets RadAssist's positive findings from: the one adapter between the
 * engine's outputs and the MeSH mapping, so the benchmark can switch from the draft's codes to the
 * engine's lesion frames without touching the scoring.
 */
public interface ObservationSource {
  /** The findings asserted as present in the report the request carries. */
  List<Observation> positives(DraftRequest request);

  /** One line saying what the observations are read from (printed with the figures). */
  String describe();
}
