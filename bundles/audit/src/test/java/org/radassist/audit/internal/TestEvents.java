package org.radassist.audit.internal;

import java.time.Instant;
import java.util.Map;
import org.radassist.model.AuditAction;
import org.radassist.model.AuditEvent;

/** Audit events as the workstation writes them, for tests. */
public final class TestEvents {
  private TestEvents() {}

  public static AuditEvent event(
      AuditAction action, String studyToken, Map<String, String> details) {
    return event(Instant.parse("2026-11-29T10:00:00Z"), action, studyToken, details);
  }

  public static AuditEvent event(
      Instant at, AuditAction action, String studyToken, Map<String, String> details) {
    return new AuditEvent(
        at,
        action,
        "trace-" + studyToken,
        "u-7f3a",
        studyToken,
        "radassist-draft",
        "1.2.0",
        "a".repeat(64),
        null,
        details);
  }

  public static AuditEvent numbered(int i) {
    return event(
        Instant.parse("2026-11-29T10:00:00Z").plusMillis(i),
        AuditAction.values()[i % AuditAction.values().length],
        "st-" + (i % 7),
        Map.of("modality", "CT", "section", "FINDINGS", "n", Integer.toString(i)));
  }
}
