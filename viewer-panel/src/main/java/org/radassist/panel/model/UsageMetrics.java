package org.radassist.panel.model;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Adoption figures from the audit trail for one modality (the study's), for the Metrics tab.
 *
 * @param modality the modality, e.g. CT ("ALL" when the study has none)
 * @param records how many audit records were read
 * @param studies studies of the modality with a draft request
 * @param accepted AI items accepted unchanged
 * @param edited AI sections accepted after editing
 * @param rejected AI items rejected
 * @param adoptionRate (accepted + edited) / decisions; empty without decisions
 * @param meanWordEditDistance mean word edit distance draft to final over edited sections
 * @param reportsSigned reports signed after a draft request
 * @param medianTimeToReport median time from first draft request to signed report
 */
public record UsageMetrics(
    String modality,
    long records,
    int studies,
    int accepted,
    int edited,
    int rejected,
    OptionalDouble adoptionRate,
    OptionalDouble meanWordEditDistance,
    int reportsSigned,
    Optional<Duration> medianTimeToReport) {}
