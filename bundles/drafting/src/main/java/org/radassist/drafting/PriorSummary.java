package org.radassist.drafting;

/**
 * A prior study as the drafting service sees it: token, days from this study (negative for an
 * earlier one: the contract's {@code relative_days}), report text.
 */
public record PriorSummary(
    String token, int relativeDays, String modality, String findings, String impression) {
  public PriorSummary {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
    findings = findings == null ? "" : findings;
    impression = impression == null ? "" : impression;
  }
}
