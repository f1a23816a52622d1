package org.radassist.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A numeric measurement: what was measured, the value exactly as encoded, its UCUM unit and any
 * qualifiers (derivation, method, measurement-properties).
 */
public record Measurement(
    CodedConcept concept, BigDecimal value, CodedConcept unit, List<CodedConcept> qualifiers) {

  public Measurement {
    Checks.requireValue(concept, "concept");
    Checks.requireValue(value, "value");
    Checks.requireValue(unit, "unit");
    qualifiers = Checks.copy(qualifiers, "qualifiers");
  }

  public static Measurement of(CodedConcept concept, String value, String ucum) {
    return new Measurement(
        concept, new BigDecimal(value), CodedConcept.of(ucum, "UCUM", ucum), List.of());
  }

  /** The value as a length in millimetres, when the unit is a UCUM length unit. */
  public Optional<Double> lengthInMillimetres() {
    double factor =
        switch (unit.code()) {
          case "um" -> 0.001;
          case "mm" -> 1;
          case "cm" -> 10;
          case "m" -> 1000;
          default -> Double.NaN;
        };
    return Double.isNaN(factor) ? Optional.empty() : Optional.of(value.doubleValue() * factor);
  }

  /** The value as a volume in cubic millimetres, when the unit is a UCUM volume unit. */
  public Optional<Double> volumeInCubicMillimetres() {
    double factor =
        switch (unit.code().toLowerCase(Locale.ROOT)) {
          case "mm3" -> 1;
          case "cm3", "ml" -> 1000;
          case "l" -> 1_000_000;
          default -> Double.NaN;
        };
    return Double.isNaN(factor) ? Optional.empty() : Optional.of(value.doubleValue() * factor);
  }
}
