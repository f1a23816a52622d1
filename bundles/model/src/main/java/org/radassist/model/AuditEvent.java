package org.radassist.model;

import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened to AI output: who did what, on which (tokenised) study, with which model,
 * and the SHA-256 of the canonical request and response. The audit trail chains these records.
 */
public record AuditEvent(
    Instant timestamp,
    AuditAction action,
    String traceId,
    String user,
    String studyToken,
    String modelName,
    String modelVersion,
    String requestSha256,
    String responseSha256,
    Map<String, String> details) {
  public AuditEvent {
    Checks.requireValue(timestamp, "timestamp");
    Checks.requireValue(action, "action");
    Checks.requireText(traceId, "traceId");
    Checks.requireText(user, "user");
    details = Checks.copy(details, "details");
    checkSha256(requestSha256, "requestSha256");
    checkSha256(responseSha256, "responseSha256");
  }

  private static void checkSha256(String value, String field) {
    if (value != null && !value.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(field + " must be 64 lower-case hex digits");
    }
  }
}
