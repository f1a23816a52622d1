package org.radassist.audit.internal.syslog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.AuditTrail;
import org.radassist.audit.internal.checkpoint.Checkpoint;
import org.radassist.audit.internal.checkpoint.CheckpointLog;
import org.radassist.model.files.OwnerOnlyFiles;

/**
 * Forwards the records of a trail that the audit repository has not had yet. The seq of the last
 * record sent is kept in a cursor file, replaced atomically after each batch, so forwarding resumes
 * after restarts. Delivery is at least once: a crash between sending and saving the cursor re-sends
 * that batch (every message carries its record hash, so a repository can drop duplicates).
 *
 * <p>The trail's signed checkpoints ({@code checkpoints.jsonl}) follow the records in the same
 * connection (MSGID {@code radassist-checkpoint}), with a cursor of their own ({@code
 * <cursor>.checkpoints}): the repository becomes the external witness of every signed head.
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

  /**
   * Sends every record after the cursor, then every checkpoint not sent yet, in one TLS connection;
   * returns how many records were sent.
   */
  public int forwardPending() throws IOException, GeneralSecurityException {
    long cursor = cursor();
    List<AuditRecord> pending =
        trail.readAll().stream().filter(record -> record.seq() > cursor).toList();
    List<Path> files = trail.files();
    List<Checkpoint> checkpoints =
        files.isEmpty()
            ? List.of()
            : CheckpointLog.read(files.get(0).resolveSibling(CheckpointLog.FILE));
    long checkpointsSent = Math.min(read(checkpointCursorFile()), checkpoints.size());
    List<Checkpoint> newCheckpoints =
        checkpoints.subList((int) checkpointsSent, checkpoints.size());
    if (pending.isEmpty() && newCheckpoints.isEmpty()) {
      return 0;
    }
    try (SyslogTlsSender sender = new SyslogTlsSender(target, 10_000)) {
      exporter.send(pending, sender);
      for (Checkpoint checkpoint : newCheckpoints) {
        sender.send(exporter.message(checkpoint));
      }
      sender.flush();
    }
    if (!pending.isEmpty()) {
      saveCursor(cursorFile, pending.get(pending.size() - 1).seq());
    }
    saveCursor(checkpointCursorFile(), checkpoints.size());
    return pending.size();
  }

  private Path checkpointCursorFile() {
    return cursorFile.resolveSibling(cursorFile.getFileName() + ".checkpoints");
  }

  /** The seq of the last record forwarded (0 before the first). */
  public long cursor() throws IOException {
    return read(cursorFile);
  }

  private static long read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IOException(file + ": not a record number: '" + text + "'");
    }
  }

  private static void saveCursor(Path file, long value) throws IOException {
    OwnerOnlyFiles.writeString(file, Long.toString(value));
  }
}
