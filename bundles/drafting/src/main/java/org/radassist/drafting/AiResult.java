package org.radassist.drafting;

import java.util.Map;
import org.radassist.model.AlgorithmIdentification;

/**
 * An AI finding flattened for drafting (no UIDs): e.g. source "sr:TID1500", finding "lung nodule",
 * sizeMm 8.2, location "right upper lobe", composition "solid".
 */
public record AiResult(
    String source,
    AlgorithmIdentification algorithm,
    String finding,
    Double sizeMm,
    String location,
    String composition,
    Double confidence,
    Map<String, String> attributes) {
  public AiResult {
    if (finding == null || finding.isBlank()) {
      throw new IllegalArgumentException("finding must not be blank");
    }
    if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be within [0, 1], was " + confidence);
    }
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }
}
