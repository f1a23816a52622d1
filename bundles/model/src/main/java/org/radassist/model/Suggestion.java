package org.radassist.model;

import java.util.List;

/** An AI-made proposal with the confidence and reason behind it; final only once accepted. */
public record Suggestion(
    String id,
    SuggestionKind kind,
    String text,
    double confidence,
    String reason,
    List<Evidence> evidence,
    ReviewState state) {
  public Suggestion {
    Checks.requireText(id, "id");
    Checks.requireValue(kind, "kind");
    Checks.requireText(text, "text");
    Checks.requireProbability(confidence, "confidence");
    Checks.requireText(reason, "reason");
    evidence = Checks.copy(evidence, "evidence");
    state = state == null ? ReviewState.PENDING : state;
  }

  public Suggestion withState(ReviewState newState) {
    return new Suggestion(id, kind, text, confidence, reason, evidence, newState);
  }
}
