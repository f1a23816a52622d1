package org.radassist.audit.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.radassist.audit.AuditFiles;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.AuditTrail;
import org.radassist.audit.ChainVerification;
import org.radassist.audit.internal.checkpoint.Checkpoint;
import org.radassist.audit.internal.checkpoint.CheckpointKey;
import org.radassist.audit.internal.checkpoint.CheckpointLog;
import org.radassist.model.AuditEvent;
import org.radassist.model.files.OwnerOnlyFiles;

/**
 * The audit trail as numbered JSON-lines files in one directory. Appends are serialised by a lock,
 * written with one channel write and forced to the device before returning. A file is rotated when
 * the next record would take it past the configured size; the chain (seq, prev_hash) simply
 * continues in the next file. One process owns a directory at a time ({@code .lock}).
 *
 * <p>On opening, the newest file is verified. A torn last record (the process died mid-write) is
 * moved to {@code <file>.torn-<millis>} and cut off, so appending resumes after the last whole
 * record. A broken chain is refused: the trail will not append to a damaged file.
 *
 * <p>Anchoring: the trail signs checkpoints (seq, head hash, time; {@link Checkpoint}) with the
 * installation's Ed25519 key when it opens, when {@link #checkpoint} is called (the component does
 * so at an interval) and when it closes. Opening refuses a trail that no longer reaches its last
 * signed head, or that gained records after a clean shutdown, so a trail cut or rewritten while
 * RadAssist was stopped is never continued (nor signed). Everything here is owner-only: the
 * directory {@code 0700}, trail, checkpoint, key and lock files {@code 0600}.
 */
public final class FileAuditTrail implements AuditTrail, Closeable {
  private final Path directory;
  private final long rotationBytes;
  private final RecordCodec codec = new RecordCodec();
  private final ReentrantLock lock = new ReentrantLock();
  private final FileChannel lockChannel;
  private final FileLock directoryLock;

  private FileChannel channel;
  private Path current;
  private int currentIndex;
  private long size;
  private long lastSeq;
  private String lastHash = AuditRecord.GENESIS;
  private AuditRecord head;
  private IOException failure;
  private final Clock clock;
  private CheckpointKey key;
  private Checkpoint lastCheckpoint;

  /**
   * Opens (or creates) the trail in {@code directory}.
   *
   * @param rotationBytes a file is closed and the next one started before a record would take it
   *     past this size; a record larger than this still goes into a file of its own
   * @throws IOException when the directory cannot be used, another process holds it, or its newest
   *     file is damaged
   */
  public FileAuditTrail(Path directory, long rotationBytes) throws IOException {
    this(directory, rotationBytes, Clock.systemUTC());
  }

  /** As {@link #FileAuditTrail(Path, long)}, with the clock that times checkpoints. */
  public FileAuditTrail(Path directory, long rotationBytes, Clock clock) throws IOException {
    if (rotationBytes < 1024) {
      throw new IllegalArgumentException("rotation size must be at least 1024 bytes");
    }
    this.directory = directory;
    this.rotationBytes = rotationBytes;
    this.clock = clock;
    OwnerOnlyFiles.createDirectories(directory);
    lockChannel =
        FileChannel.open(
            OwnerOnlyFiles.ensureFile(directory.resolve(".lock")), StandardOpenOption.WRITE);
    FileLock acquired;
    try {
      acquired = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      acquired = null;
    }
    if (acquired == null) {
      lockChannel.close();
      throw new IOException("audit trail " + directory + " is in use by another writer");
    }
    directoryLock = acquired;
    try {
      recover();
      anchor();
    } catch (IOException | RuntimeException e) {
      closeQuietly();
      throw e;
    }
  }

  private void recover() throws IOException {
    List<Path> files = AuditFiles.trailFiles(directory);
    if (files.isEmpty()) {
      openFile(1);
      return;
    }
    // The newest file that holds a record tells where the chain stands.
    ChainVerifier verifier = new ChainVerifier();
    for (int i = files.size() - 1; i >= 0 && head == null; i--) {
      Path file = files.get(i);
      AtomicReference<AuditRecord> last = new AtomicReference<>();
      ChainVerification check = verifier.verify(List.of(file), last::set);
      if (check.broken().isPresent()) {
        ChainVerification.ChainBreak b = check.broken().get();
        throw new IOException(
            "audit trail damaged at "
                + b.file()
                + ":"
                + b.line()
                + " (seq "
                + b.seq()
                + ": "
                + b.reason()
                + "); secure the file and move it aside before appending again");
      }
      if (check.tornTail().isPresent()) {
        quarantineTornTail(check.tornTail().get());
      }
      if (check.records() > 0) {
        head = last.get();
        lastSeq = check.lastSeq();
        lastHash = check.lastHash();
      }
    }
    openFile(indexOf(files.get(files.size() - 1)));
  }

  /**
   * Loads (or creates) the signing key, checks the trail against its last signed checkpoint and
   * signs an {@code open} checkpoint of the head found.
   */
  private void anchor() throws IOException {
    boolean hadKey = Files.exists(directory.resolve(CheckpointKey.PRIVATE_FILE));
    key = CheckpointKey.loadOrCreate(directory);
    Path log = directory.resolve(CheckpointLog.FILE);
    List<Checkpoint> checkpoints = CheckpointLog.read(log);
    if (hadKey && checkpoints.isEmpty()) {
      throw refused(log + " is missing or empty although the trail has a signing key");
    }
    if (!checkpoints.isEmpty()) {
      Checkpoint last = checkpoints.get(checkpoints.size() - 1);
      if (!last.keyId().equals(key.id())
          || !CheckpointKey.verify(key.publicKey(), last.statement(), last.signatureBytes())) {
        throw refused("the last checkpoint in " + log + " is not signed by this trail's key");
      }
      if (last.seq() > lastSeq) {
        throw refused(
            "the trail ends at seq "
                + lastSeq
                + " but the checkpoint signed at "
                + last.time()
                + " covers seq "
                + last.seq());
      }
      String hash = hashAt(last.seq());
      if (!last.head().equals(hash)) {
        throw refused(
            "seq "
                + last.seq()
                + " no longer has the hash signed at "
                + last.time()
                + " (records rewritten)");
      }
      if (last.kind().equals(Checkpoint.CLOSE) && lastSeq > last.seq()) {
        throw refused(
            (lastSeq - last.seq())
                + " record(s) follow the clean shutdown checkpoint of "
                + last.time()
                + " (not appended by the trail's writer)");
      }
      lastCheckpoint = last;
    }
    checkpoint(Checkpoint.OPEN);
  }

  private IOException refused(String reason) {
    return new IOException(
        "audit trail "
            + directory
            + " refused: "
            + reason
            + "; secure the directory and run 'radassist audit verify' before appending again");
  }

  /** The hash of record {@code seq}, read from the newest file back to the one that holds it. */
  private String hashAt(long seq) throws IOException {
    if (seq == 0) {
      return AuditRecord.GENESIS;
    }
    List<Path> files = AuditFiles.trailFiles(directory);
    ChainVerifier verifier = new ChainVerifier();
    for (int i = files.size() - 1; i >= 0; i--) {
      AtomicReference<String> found = new AtomicReference<>();
      ChainVerification check =
          verifier.verify(
              List.of(files.get(i)),
              r -> {
                if (r.seq() == seq) {
                  found.set(r.hash());
                }
              });
      if (found.get() != null) {
        return found.get();
      }
      if (check.records() > 0 && check.firstSeq() <= seq) {
        return null; // the file that should hold it does not verify up to it
      }
    }
    return null;
  }

  /**
   * Signs a checkpoint of the current head and appends it to {@code checkpoints.jsonl}; an {@code
   * interval} checkpoint is skipped when nothing was appended since the last one.
   *
   * @return the checkpoint written, or empty when skipped
   */
  public Optional<Checkpoint> checkpoint(String kind) throws IOException {
    lock.lock();
    try {
      if (kind.equals(Checkpoint.INTERVAL)
          && lastCheckpoint != null
          && lastCheckpoint.seq() == lastSeq) {
        return Optional.empty();
      }
      Instant now = clock.instant();
      if (lastCheckpoint != null && now.isBefore(lastCheckpoint.time())) {
        now = lastCheckpoint.time(); // a clock stepped back: checkpoints never go back in time
      }
      byte[] statement = Checkpoint.statement(lastSeq, lastHash, now, kind);
      Checkpoint signed =
          new Checkpoint(
              lastSeq,
              lastHash,
              now,
              kind,
              key.id(),
              Base64.getEncoder().encodeToString(key.sign(statement)));
      CheckpointLog.append(directory.resolve(CheckpointLog.FILE), signed);
      lastCheckpoint = signed;
      return Optional.of(signed);
    } finally {
      lock.unlock();
    }
  }

  /** The last checkpoint signed or found, if any. */
  public Optional<Checkpoint> lastCheckpoint() {
    lock.lock();
    try {
      return Optional.ofNullable(lastCheckpoint);
    } finally {
      lock.unlock();
    }
  }

  /** Keeps the torn bytes for inspection, then cuts the file back to its last whole record. */
  private void quarantineTornTail(ChainVerification.TornRecord torn) throws IOException {
    Path file = torn.file();
    Path aside = file.resolveSibling(file.getFileName() + ".torn-" + System.currentTimeMillis());
    try (FileChannel in =
            FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileChannel out =
            FileChannel.open(OwnerOnlyFiles.createFile(aside), StandardOpenOption.WRITE)) {
      in.transferTo(torn.offset(), in.size() - torn.offset(), out);
      out.force(true);
      in.truncate(torn.offset());
      in.force(true);
    }
    syncDirectory();
  }

  private static int indexOf(Path file) {
    var m = AuditFiles.FILE_NAME.matcher(file.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a trail file: " + file);
    }
    return Integer.parseInt(m.group(1));
  }

  private void openFile(int index) throws IOException {
    if (channel != null) {
      channel.close();
    }
    currentIndex = index;
    current = directory.resolve(String.format("audit-%08d.jsonl", index));
    boolean created = !Files.exists(current);
    channel = FileChannel.open(OwnerOnlyFiles.ensureFile(current), StandardOpenOption.WRITE);
    size = channel.size();
    channel.position(size);
    if (created) {
      syncDirectory();
    }
  }

  /** Makes a new or renamed directory entry durable (Linux honours fsync on a directory). */
  private void syncDirectory() {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a directory as a channel; the file data itself is forced.
    }
  }

  @Override
  public AuditRecord append(AuditEvent event) throws IOException {
    lock.lock();
    try {
      if (failure != null) {
        throw new IOException("audit trail is unusable after an earlier write failure", failure);
      }
      AuditRecord record = codec.seal(lastSeq + 1, event, lastHash);
      byte[] line = codec.line(record);
      if (size > 0 && size + line.length > rotationBytes) {
        try {
          openFile(currentIndex + 1);
        } catch (IOException e) {
          failure = e; // no open file to append to: refuse until reopened
          throw e;
        }
      }
      try {
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        // fdatasync: data and the size change that makes it readable.
        channel.force(false);
      } catch (IOException e) {
        rollBack(e);
        throw e;
      }
      size += line.length;
      lastSeq = record.seq();
      lastHash = record.hash();
      head = record;
      return record;
    } finally {
      lock.unlock();
    }
  }

  /** Cuts a partly written record off so the file stays a valid chain; failing that, stops. */
  private void rollBack(IOException cause) {
    try {
      channel.truncate(size);
      channel.position(size);
      channel.force(false);
    } catch (IOException e) {
      cause.addSuppressed(e);
      failure = cause;
    }
  }

  @Override
  public Optional<AuditRecord> head() {
    lock.lock();
    try {
      return Optional.ofNullable(head);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<Path> files() throws IOException {
    return AuditFiles.trailFiles(directory);
  }

  @Override
  public ChainVerification verify() throws IOException {
    lock.lock();
    try {
      return AuditFiles.verify(files());
    } finally {
      lock.unlock();
    }
  }

  /** The file records are currently appended to. */
  public Path currentFile() {
    lock.lock();
    try {
      return current;
    } finally {
      lock.unlock();
    }
  }

  /** Signs a {@code close} checkpoint (unless the trail failed) and releases the directory. */
  @Override
  public void close() throws IOException {
    lock.lock();
    try {
      if (!lockChannel.isOpen()) {
        return;
      }
      try {
        if (failure == null && key != null) {
          checkpoint(Checkpoint.CLOSE);
        }
      } finally {
        closeQuietly();
      }
    } finally {
      lock.unlock();
    }
  }

  private void closeQuietly() throws IOException {
    try {
      if (channel != null) {
        channel.close();
      }
    } finally {
      try {
        directoryLock.release();
      } finally {
        lockChannel.close();
      }
    }
  }
}
