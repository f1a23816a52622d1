package org.radassist.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.radassist.model.AuditEvent;

/**
 * The append-only audit trail. Each appended event becomes one hash-chained JSON line, forced to
 * the storage device before {@link #append} returns. Safe for concurrent use.
 */
@ProviderType
public interface AuditTrail {

  /**
   * Writes the event as the next record of the chain and forces it to disk.
   *
   * @return the record as written (its seq, prev_hash and hash)
   * @throws IOException when the record could not be made durable; the event is then not in the
   *     trail and the caller must not report the action as audited
   */
  AuditRecord append(AuditEvent event) throws IOException;

  /** The last record written, if any. */
  Optional<AuditRecord> head();

  /** The trail's files, oldest first. */
  List<Path> files() throws IOException;

  /** Verifies the whole chain across all files. */
  ChainVerification verify() throws IOException;

  /** Reads every whole record, oldest first (a torn last line is left out). */
  default List<AuditRecord> readAll() throws IOException {
    return AuditFiles.read(files());
  }
}
