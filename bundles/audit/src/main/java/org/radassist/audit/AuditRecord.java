package org.radassist.audit;

import java.util.Objects;
import org.radassist.model.AuditEvent;

/**
 * One line of the audit trail: the event, its position in the chain ({@code seq}, starting at 1 and
 * never reused across rotated files), the hash of the record before it ({@link #GENESIS} for the
 * first) and its own hash, the SHA-256 of the record's RFC 8785 canonical JSON without the {@code
 * hash} member.
 */
public record AuditRecord(long seq, AuditEvent event, String prevHash, String hash) {
  /** The {@code prev_hash} of the first record of a trail: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  public AuditRecord {
    if (seq < 1) {
      throw new IllegalArgumentException("seq must be >= 1, was " + seq);
    }
    Objects.requireNonNull(event, "event");
    requireHash(prevHash, "prevHash");
    requireHash(hash, "hash");
  }

  private static void requireHash(String value, String field) {
    if (value == null || !value.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(field + " must be 64 lower-case hex digits");
    }
  }
}
