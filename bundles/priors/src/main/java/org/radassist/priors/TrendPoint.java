package org.radassist.priors;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The size of one finding in one study: a point of its trend chart. */
public record TrendPoint(
    LocalDate date,
    String studyInstanceUid,
    BigDecimal sizeMillimetres,
    BigDecimal volumeCubicMillimetres) {}
