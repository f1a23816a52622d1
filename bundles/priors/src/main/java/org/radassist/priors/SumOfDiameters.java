package org.radassist.priors;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Sum of the longest diameters of the lesions measured in both the current study and the compared
 * prior (the RECIST way of following several targets together).
 */
public record SumOfDiameters(
    int lesions,
    BigDecimal currentMillimetres,
    BigDecimal priorMillimetres,
    LocalDate priorDate,
    BigDecimal relativeChangePercent) {}
