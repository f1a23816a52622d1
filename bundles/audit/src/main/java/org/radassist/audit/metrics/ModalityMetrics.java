package org.radassist.audit.metrics;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Metrics for one modality (or {@link MetricsSummary#ALL} for every study).
 *
 * @param modality the modality, e.g. CT; {@code UNKNOWN} when events carried none
 * @param studies studies with at least one draft request
 * @param accepted AI items accepted unchanged (section, suggestion, field accepted; code approved)
 * @param edited AI sections accepted after editing ({@code section_edited})
 * @param rejected AI items rejected (section, suggestion, field rejected; code rejected)
 * @param flagsOverridden flags the user overrode
 * @param adoptionRate (accepted + edited) / (accepted + edited + rejected); empty without decisions
 * @param unchangedRate accepted / (accepted + edited + rejected); empty without decisions
 * @param meanWordEditDistance mean word Levenshtein distance draft to final over edited sections
 * @param medianWordEditDistance its median
 * @param meanRelativeEditDistance mean of distance / draft word count (1.0 = rewritten)
 * @param reportsSigned studies whose signing followed a draft request
 * @param medianTimeToReport median time from first draft request to report signed
 * @param meanTimeToReport mean of the same
 */
public record ModalityMetrics(
    String modality,
    int studies,
    int accepted,
    int edited,
    int rejected,
    int flagsOverridden,
    OptionalDouble adoptionRate,
    OptionalDouble unchangedRate,
    OptionalDouble meanWordEditDistance,
    OptionalDouble medianWordEditDistance,
    OptionalDouble meanRelativeEditDistance,
    int reportsSigned,
    Optional<Duration> medianTimeToReport,
    Optional<Duration> meanTimeToReport) {

  /** Decisions on AI output: accepted + edited + rejected. */
  public int decisions() {
    return accepted + edited + rejected;
  }
}
