package org.radassist.model;

import java.util.List;

/**
 * A suggested code (RadLex, ICD-10-CM, CPT); it needs the radiologist's approval like any AI
 * output.
 */
public record CodeSuggestion(
    String system,
    String code,
    String display,
    List<Evidence> evidence,
    double confidence,
    String reason,
    ReviewState state) {
  public CodeSuggestion {
    Checks.requireText(system, "system");
    Checks.requireText(code, "code");
    display = display == null ? "" : display;
    evidence = Checks.copy(evidence, "evidence");
    Checks.requireProbability(confidence, "confidence");
    Checks.requireText(reason, "reason");
    state = state == null ? ReviewState.PENDING : state;
  }
}
