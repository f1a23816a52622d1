package org.radassist.audit.internal.syslog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.util.List;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.AuditTrail;

/**
 * Forwards the records of a trail that the audit repository has not had yet. The seq of the last
 * record sent is kept in a cursor file, replaced atomically after each batch, so forwarding resumes
 * after restarts. Delivery is at least once: a crash between sending and saving the cursor re-sends
 * that batch (every message carries its record hash, so a repository can drop duplicates).
 *
 * <p>Partly done: each run reads and verifies the whole trail to find the pending records, which is
 * linear in the trail's size; a broken chain stops forwarding (the error says where).
 */
public final class AtnaForwarder {
  private final AuditTrail trail;
  private final SyslogTlsSender.Target target;
  private final AtnaExporter exporter;
  private final Path cursorFile;

  public AtnaForwarder(
      AuditTrail trail, SyslogTlsSender.Target target, AtnaExporter exporter, Path cursorFile) {
    this.trail = trail;
    this.target = target;
    this.exporter = exporter;
    this.cursorFile = cursorFile;
  }

  /** Sends every record after the cursor in one TLS connection; returns how many were sent. */
  public int forwardPending() throws IOException, GeneralSecurityException {
    long cursor = cursor();
    List<AuditRecord> pending =
        trail.readAll().stream().filter(record -> record.seq() > cursor).toList();
    if (pending.isEmpty()) {
      return 0;
    }
    try (SyslogTlsSender sender = new SyslogTlsSender(target, 10_000)) {
      exporter.send(pending, sender);
    }
    saveCursor(pending.get(pending.size() - 1).seq());
    return pending.size();
  }

  /** The seq of the last record forwarded (0 before the first). */
  public long cursor() throws IOException {
    if (!Files.exists(cursorFile)) {
      return 0;
    }
    String text = Files.readString(cursorFile, StandardCharsets.US_ASCII).strip();
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IOException(cursorFile + ": not a record number: '" + text + "'");
    }
  }

  private void saveCursor(long seq) throws IOException {
    Path temporary = cursorFile.resolveSibling(cursorFile.getFileName() + ".tmp");
    Files.writeString(temporary, Long.toString(seq), StandardCharsets.US_ASCII);
    Files.move(
        temporary, cursorFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
