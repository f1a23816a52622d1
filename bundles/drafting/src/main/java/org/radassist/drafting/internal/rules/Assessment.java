package org.radassist.drafting.internal.rules;

import java.util.List;
import java.util.Objects;
import org.radassist.model.ScoringSystem;

/**
 * What a rule concluded: the category in the system's own notation (e.g. "4A", "LR-5", "TR4"), the
 * management it implies and why, in words a radiologist can check. An incomplete assessment has an
 * empty category and names in {@code missing} what the rule still needs.
 */
public record Assessment(
    ScoringSystem system,
    String version,
    String category,
    String management,
    String reason,
    List<String> missing) {
  public Assessment {
    Objects.requireNonNull(system, "system");
    version = version == null ? "" : version;
    category = category == null ? "" : category;
    management = management == null ? "" : management;
    reason = reason == null ? "" : reason;
    missing = missing == null ? List.of() : List.copyOf(missing);
    if (category.isEmpty() && missing.isEmpty()) {
      throw new IllegalArgumentException(
          "an assessment without a category must name what is missing");
    }
  }

  public Assessment(
      ScoringSystem system, String version, String category, String management, String reason) {
    this(system, version, category, management, reason, List.of());
  }

  /** An assessment that cannot be made yet. */
  public static Assessment incomplete(
      ScoringSystem system, String version, List<String> missing, String reason) {
    return new Assessment(system, version, "", "", reason, missing);
  }

  public boolean isComplete() {
    return missing.isEmpty();
  }
}
