package org.radassist.audit.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the audit trail component (PID {@code org.radassist.audit}). */
@ObjectClassDefinition(
    id = AuditTrailConfig.PID,
    name = "RadAssist audit trail",
    description = "Append-only, hash-chained JSON-lines audit trail of AI interactions")
public @interface AuditTrailConfig {
  String PID = "org.radassist.audit";

  @AttributeDefinition(
      name = "Directory",
      description =
          "Directory of the trail files (audit-NNNNNNNN.jsonl); relative paths resolve against"
              + " RadAssist's data directory (framework property radassist.data.dir, else"
              + " ~/.radassist); empty: audit. Keep it on local storage that honours fsync.")
  String directory() default "audit";

  @AttributeDefinition(
      name = "Rotation size (bytes)",
      description =
          "Start the next file before a record would take the current one past this size."
              + " At least 1024.",
      min = "1024")
  long rotation_size_bytes() default 16L * 1024 * 1024;

  @AttributeDefinition(
      name = "Checkpoint interval (seconds)",
      description =
          "Sign a checkpoint (seq, head hash, time) of the trail this often when records were"
              + " appended since the last one; one is also signed at start and at shutdown."
              + " Records after the last checkpoint are reported as unanchored. At least 1.",
      min = "1")
  long checkpoint_interval_seconds() default 60;
}
