package org.radassist.model;

import java.util.List;

/**
 * A consistency or safety flag. A {@link FlagType#CRITICAL_RESULT} carries its ACR category and the
 * communication fields the report must document (who was told, when, how).
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
    if (type == FlagType.CRITICAL_RESULT && criticalCategory == null) {
      throw new IllegalArgumentException("a CRITICAL_RESULT flag needs its critical category");
    }
  }

  public static Flag of(FlagType type, Severity severity, String message, List<Evidence> evidence) {
    return new Flag(type, severity, message, evidence, null, List.of());
  }
}
