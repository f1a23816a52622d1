package org.radassist.audit.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.radassist.audit.AuditRecord;
import org.radassist.model.AuditAction;

/**
 * Child-process entry point for the kill test: appends records of varying size (some large, so that
 * a kill can land inside a write) until killed, printing each acknowledged seq.
 */
public final class AppendLoop {
  private AppendLoop() {}

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[0]);
    long rotation = Long.parseLong(args[1]);
    try (FileAuditTrail trail = new FileAuditTrail(directory, rotation)) {
      System.out.println("ready " + trail.head().map(AuditRecord::seq).orElse(0L));
      System.out.flush();
      for (int i = 0; ; i++) {
        String filler = "x".repeat((i % 5 == 0) ? 200_000 : 50 + (i * 37) % 900);
        AuditRecord record =
            trail.append(
                TestEvents.event(
                    Instant.now(),
                    AuditAction.SECTION_EDITED,
                    "st-" + (i % 3),
                    Map.of("modality", "CT", "diff", "+" + filler)));
        System.out.println("appended " + record.seq());
        System.out.flush();
      }
    }
  }
}
