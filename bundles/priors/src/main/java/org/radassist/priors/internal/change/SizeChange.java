package org.radassist.priors.internal.change;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.radassist.priors.ChangeKind;
import org.radassist.priors.SizeMetric;

/**
 * The computed change between two sizes of one lesion. Null fields do not apply (e.g. no volume).
 */
public record SizeChange(
    ChangeKind kind,
    SizeMetric metric,
    BigDecimal priorSize,
    BigDecimal currentSize,
    BigDecimal absoluteChange,
    BigDecimal relativeChangePercent,
    BigDecimal priorVolume,
    BigDecimal currentVolume,
    Long volumeDoublingTimeDays,
    Long intervalDays,
    LocalDate priorDate,
    LocalDate currentDate,
    boolean lungRadsGrowth,
    boolean liRadsThresholdGrowth) {}
