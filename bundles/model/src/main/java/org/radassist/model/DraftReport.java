package org.radassist.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A draft report as the drafting service made it: sections, ranked impressions and differentials,
 * structured fields, suggested codes and flags. Nothing in it is final until the radiologist
 * accepts it.
 */
public record DraftReport(
    String draftId,
    String studyToken,
    ModelInfo model,
    List<Section> sections,
    List<Suggestion> impressions,
    List<Suggestion> differentials,
    List<StructuredField> structuredFields,
    List<CodeSuggestion> codes,
    List<Flag> flags,
    DraftStatus status,
    Instant createdAt) {

  public DraftReport {
    Checks.requireText(draftId, "draftId");
    Checks.requireValue(model, "model");
    sections = Checks.copy(sections, "sections");
    impressions = Checks.copy(impressions, "impressions");
    differentials = Checks.copy(differentials, "differentials");
    structuredFields = Checks.copy(structuredFields, "structuredFields");
    codes = Checks.copy(codes, "codes");
    flags = Checks.copy(flags, "flags");
    status = status == null ? DraftStatus.COMPLETE : status;
    Checks.requireValue(createdAt, "createdAt");
    long kinds = sections.stream().map(Section::kind).distinct().count();
    if (kinds != sections.size()) {
      throw new IllegalArgumentException("sections must not repeat a section kind");
    }
  }

  public Optional<Section> section(SectionKind kind) {
    return sections.stream().filter(s -> s.kind() == kind).findFirst();
  }

  /**
   * True when the faithfulness guard flagged the draft (a dictated finding, size, side or negation
   * dropped or altered, or a finding added): the panel must show it as a failed draft, never as a
   * clean one.
   */
  public boolean failsFaithfulness() {
    return flags.stream().anyMatch(f -> f.type().faithfulness());
  }

  /**
   * True when a critical-result flag (ACR category 1 or 2) is present: the panel must show it as a
   * banner. An actionable finding (category 3) is not one.
   */
  public boolean hasCriticalResult() {
    return flags.stream().anyMatch(f -> f.type() == FlagType.CRITICAL_RESULT);
  }

  /** True when an actionable finding (ACR category 3: communicate within days) is flagged. */
  public boolean hasActionableFinding() {
    return flags.stream().anyMatch(f -> f.type() == FlagType.ACTIONABLE_FINDING);
  }
}
