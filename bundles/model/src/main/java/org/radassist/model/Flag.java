package org.radassist.model;

import java.util.List;

/**
 * A consistency or safety flag. A {@link FlagType#CRITICAL_RESULT} (ACR category 1 or 2) and an
 * {@link FlagType#ACTIONABLE_FINDING} (category 3) carry their ACR category and the communication
 * fields the report must document (who was told, when, how).
 */
public record Flag(
    FlagType type,
    Severity severity,
    String message,
    List<Evidence> evidence,
    CriticalCategory criticalCategory,
    List<String> requiredCommunication) {
  public Flag {
    Checks.requireValue(type, "type");
    Checks.requireValue(severity, "severity");
    Checks.requireText(message, "message");
    evidence = Checks.copy(evidence, "evidence");
    requiredCommunication = Checks.copy(requiredCommunication, "requiredCommunication");
    if (type.needsCommunication() && criticalCategory == null) {
      throw new IllegalArgumentException("a " + type + " flag needs its critical category");
    }
    if (type == FlagType.CRITICAL_RESULT && criticalCategory == CriticalCategory.CATEGORY_3) {
      throw new IllegalArgumentException(
          "a CRITICAL_RESULT is ACR category 1 or 2; category 3 is an ACTIONABLE_FINDING");
    }
    if (type == FlagType.ACTIONABLE_FINDING && criticalCategory != CriticalCategory.CATEGORY_3) {
      throw new IllegalArgumentException(
          "an ACTIONABLE_FINDING is ACR category 3; categories 1-2 are a CRITICAL_RESULT");
    }
  }

  public static Flag of(FlagType type, Severity severity, String message, List<Evidence> evidence) {
    return new Flag(type, severity, message, evidence, null, List.of());
  }
}
