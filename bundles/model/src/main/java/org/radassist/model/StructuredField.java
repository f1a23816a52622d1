package org.radassist.model;

import java.util.List;

/**
 * One field of a scoring system (e.g. Lung-RADS category = 4A) with its evidence and confidence. An
 * incomplete field names in {@code missing} what it still needs (e.g. "nodule type").
 */
public record StructuredField(
    ScoringSystem system,
    String version,
    String field,
    String value,
    List<Evidence> evidence,
    double confidence,
    FieldStatus status,
    List<String> missing,
    String reason,
    ReviewState state) {
  public StructuredField {
    Checks.requireValue(system, "system");
    version = version == null ? "" : version;
    Checks.requireText(field, "field");
    value = value == null ? "" : value;
    evidence = Checks.copy(evidence, "evidence");
    Checks.requireProbability(confidence, "confidence");
    status = status == null ? FieldStatus.COMPLETE : status;
    missing = Checks.copy(missing, "missing");
    if (status == FieldStatus.INCOMPLETE && missing.isEmpty()) {
      throw new IllegalArgumentException("an incomplete field must name what is missing");
    }
    Checks.requireText(reason, "reason");
    state = state == null ? ReviewState.PENDING : state;
  }
}
