package org.radassist.model;

import java.util.List;
import java.util.Map;

/** Argument checks shared by the records; each message names the offending field. */
final class Checks {
  private Checks() {}

  static String requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value;
  }

  static <T> T requireValue(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " must not be null");
    }
    return value;
  }

  static <T> List<T> copy(List<T> values, String field) {
    if (values == null) {
      return List.of();
    }
    for (T v : values) {
      if (v == null) {
        throw new IllegalArgumentException(field + " must not contain null");
      }
    }
    return List.copyOf(values);
  }

  static <K, V> Map<K, V> copy(Map<K, V> values, String field) {
    if (values == null) {
      return Map.of();
    }
    values.forEach(
        (k, v) -> {
          if (k == null || v == null) {
            throw new IllegalArgumentException(field + " must not contain null keys or values");
          }
        });
    return Map.copyOf(values);
  }

  static double requireProbability(double value, String field) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(field + " must be within [0, 1], was " + value);
    }
    return value;
  }

  static Double requireProbabilityOrNull(Double value, String field) {
    return value == null ? null : requireProbability(value, field);
  }
}
