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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.radassist.audit.AuditFiles;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.AuditTrail;
import org.radassist.audit.ChainVerification;
import org.radassist.model.AuditEvent;

/**
 * The audit trail as numbered JSON-lines files in one directory. Appends are serialised by a lock,
 * written with one channel write and forced to the device before returning. A file is rotated when
 * the next record would take it past the configured size; the chain (seq, prev_hash) simply
 * continues in the next file. One process owns a directory at a time ({@code .lock}).
 *
 * <p>On opening, the newest file is verified. A torn last record (the process died mid-write) is
 * moved to {@code <file>.torn-<millis>} and cut off, so appending resumes after the last whole
 * record. A broken chain is refused: the trail will not append to a damaged file.
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

  /**
   * Opens (or creates) the trail in {@code directory}.
   *
   * @param rotationBytes a file is closed and the next one started before a record would take it
   *     past this size; a record larger than this still goes into a file of its own
   * @throws IOException when the directory cannot be used, another process holds it, or its newest
   *     file is damaged
   */
  public FileAuditTrail(Path directory, long rotationBytes) throws IOException {
    if (rotationBytes < 1024) {
      throw new IllegalArgumentException("rotation size must be at least 1024 bytes");
    }
    this.directory = directory;
    this.rotationBytes = rotationBytes;
    Files.createDirectories(directory);
    lockChannel =
        FileChannel.open(
            directory.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
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

  /** Keeps the torn bytes for inspection, then cuts the file back to its last whole record. */
  private void quarantineTornTail(ChainVerification.TornRecord torn) throws IOException {
    Path file = torn.file();
    Path aside = file.resolveSibling(file.getFileName() + ".torn-" + System.currentTimeMillis());
    try (FileChannel in =
            FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileChannel out =
            FileChannel.open(aside, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
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
    channel = FileChannel.open(current, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
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

  @Override
  public void close() throws IOException {
    lock.lock();
    try {
      closeQuietly();
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
