package org.radassist.speech.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.radassist.model.files.OwnerOnlyFiles;
import org.radassist.speech.Outbox;
import org.radassist.speech.OutboxItem;

/**
 * The embedded outbox: a local directory of preallocated slot files, one item per slot.
 *
 * <p>Why slots: a new file per item costs two disk flushes (the file, then the directory entry),
 * each a journal commit. A slot is a file created once, filled with zeros and synced together with
 * its directory entry; storing an item then overwrites its first bytes in place and calls {@code
 * FileChannel.force(false)} (fdatasync): the file's size and blocks do not change, so the data
 * flush is all the disk has to do. Acknowledging clears the slot's magic number, flushed the same
 * way, and the slot is reused. Durability is unchanged: {@link #put} returns only after the item is
 * on disk, an item disappears only after {@link #acknowledge}, and a new instance (a restart) finds
 * every item still there.
 *
 * <p>A slot holds {@code magic | length | crc32 | JSON}. A write torn by a crash fails the CRC: it
 * was never reported stored, so it is not an item (its bytes are kept aside for an operator, as is
 * any other damage). Items larger than a slot grow the slot file (then synced with its metadata).
 *
 * <p>Ownership: each instance writes only slot files it created ({@code <owner>-<n>.slot}) and
 * holds a lock on {@code <owner>.lock} for its lifetime. Another instance (after a restart) reads
 * and acknowledges every owner's items, but deletes or reuses none of another owner's files while
 * that owner's lock is held; files of a dead owner are deleted once they hold no item.
 *
 * <p>Privacy at rest: an item holds a dictation, its Study UID and session keys, so the directory
 * is {@code 0700} and every slot and lock file {@code 0600}; acknowledging an item overwrites the
 * whole record with zeros (not only its magic number), so a free slot holds nothing of it.
 */
public final class FileOutbox implements Outbox, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(FileOutbox.class.getName());
  private static final String SLOT_SUFFIX = ".slot";
  private static final String LOCK_SUFFIX = ".lock";
  private static final int MAGIC = 0x5241_4f31; // "RAO1"
  private static final int HEADER = 12; // magic, length, crc32

  /** Dictation segments and decisions fit; larger items grow their slot. */
  static final int SLOT_SIZE = 4096;

  private static final Pattern ID = Pattern.compile("\\d{16}");

  private final Path directory;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private final String owner;
  private final FileChannel ownerLockChannel;
  private final FileLock ownerLock;

  // all state below is guarded by this
  private long sequence;
  private int slotsCreated;
  private final Deque<Slot> free = new ArrayDeque<>();

  /** The slot each known item is in. */
  private final Map<String, Location> where = new HashMap<>();

  /** One preallocated slot file and its current size. */
  private static final class Slot {
    final Path file;
    final boolean own;
    long capacity;

    Slot(Path file, boolean own, long capacity) {
      this.file = file;
      this.own = own;
      this.capacity = capacity;
    }
  }

  private record Location(Slot slot) {}

  public FileOutbox(Path directory, Clock clock) throws IOException {
    this.directory = OwnerOnlyFiles.createDirectories(directory);
    this.clock = clock;
    this.owner = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    Path lockFile = OwnerOnlyFiles.createFile(directory.resolve(owner + LOCK_SUFFIX));
    this.ownerLockChannel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
    this.ownerLock = ownerLockChannel.lock();
    synchronized (this) {
      List<OutboxItem> items = scan(true);
      for (OutboxItem item : items) {
        sequence = Math.max(sequence, Long.parseLong(item.id()));
      }
    }
  }

  @Override
  public synchronized OutboxItem put(String kind, String idempotencyKey, byte[] payload)
      throws IOException {
    long seq = ++sequence;
    String id = id(seq);
    OutboxItem item = new OutboxItem(id, kind, idempotencyKey, clock.instant(), payload);
    ObjectNode node = json.createObjectNode();
    node.put("id", id);
    node.put("kind", kind);
    node.put("idempotency_key", idempotencyKey);
    node.put("created_at", item.createdAt().toString());
    node.put("payload", Base64.getEncoder().encodeToString(payload));
    byte[] record = record(json.writeValueAsBytes(node));
    Slot slot = null;
    try {
      slot = free.isEmpty() ? newSlot() : free.poll();
      try (FileChannel ch = FileChannel.open(slot.file, StandardOpenOption.WRITE)) {
        write(ch, record);
        boolean grows = record.length > slot.capacity;
        // same size and blocks: flushing the data is enough; a grown file syncs its size too
        ch.force(grows);
        slot.capacity = Math.max(slot.capacity, record.length);
      }
    } catch (IOException | RuntimeException e) {
      if (slot != null) {
        clearQuietly(slot);
      }
      throw new IOException(
          "outbox " + directory + ": could not store " + kind + " durably: " + e.getMessage(), e);
    }
    where.put(id, new Location(slot));
    return item;
  }

  @Override
  public synchronized List<OutboxItem> pending() throws IOException {
    return scan(false);
  }

  @Override
  public synchronized void acknowledge(String id) throws IOException {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("not an outbox item id: " + id);
    }
    Location at = where.remove(id);
    if (at == null) {
      scan(false); // stored by an earlier instance and not looked up yet
      at = where.remove(id);
    }
    if (at == null) {
      return; // acknowledged already
    }
    Slot slot = at.slot();
    int recordLength = (int) slot.capacity;
    if (!slot.own) {
      // another instance may have acknowledged it and reused its own slot since we read it
      byte[] bytes = readIfExists(slot.file);
      OutboxItem there = decode(slot.file, bytes, false);
      if (there == null || !there.id().equals(id)) {
        return;
      }
      recordLength = bytes.length;
    }
    try (FileChannel ch = FileChannel.open(slot.file, StandardOpenOption.WRITE)) {
      // zeros over the whole record: magic (the slot is free) and the dictation, UID and keys
      write(ch, new byte[recordLength], 0);
      ch.force(false);
    } catch (IOException | RuntimeException e) {
      where.put(id, at); // still pending
      throw e;
    }
    if (slot.own) {
      free.push(slot);
    } else if (!ownerAlive(ownerOf(slot.file))) {
      // the item outlived its owner (a restart): its file is not needed any more; were this
      // deletion lost in a crash, the cleared slot would be deleted at the next start
      Files.deleteIfExists(slot.file);
    }
  }

  /**
   * Releases this instance's lock. Slots holding items stay for the next instance to read; empty
   * ones are deleted, and so is the lock file when no item is left, so a clean shutdown leaves no
   * file behind but what is still to be sent.
   */
  @Override
  public synchronized void close() throws IOException {
    if (!ownerLockChannel.isOpen()) {
      return;
    }
    for (Slot s : free) {
      Files.deleteIfExists(s.file);
    }
    free.clear();
    deleteDeadLocks(new HashMap<>()); // an earlier owner whose items were all sent meanwhile
    boolean pending = where.values().stream().anyMatch(l -> l.slot() != null && l.slot().own);
    ownerLock.release();
    ownerLockChannel.close();
    if (!pending) {
      Files.deleteIfExists(directory.resolve(owner + LOCK_SUFFIX));
    }
  }

  /** The items of every slot, oldest first; records where each one is. */
  private List<OutboxItem> scan(boolean atStart) throws IOException {
    List<OutboxItem> out = new ArrayList<>();
    Map<String, Boolean> alive = new HashMap<>();
    List<Path> slots = list("*" + SLOT_SUFFIX);
    for (Path p : slots) {
      String slotOwner = ownerOf(p);
      boolean own = slotOwner.equals(owner);
      if (own) {
        continue; // this instance's items are all in `where` already
      }
      boolean ownerAlive = alive.computeIfAbsent(slotOwner, this::ownerAlive);
      byte[] bytes = readIfExists(p);
      OutboxItem item = decode(p, bytes, !ownerAlive);
      if (item != null) {
        out.add(item);
        where.put(item.id(), new Location(new Slot(p, false, bytes.length)));
      } else if (!ownerAlive) {
        Files.deleteIfExists(p); // an empty slot of a dead owner
      }
    }
    for (Map.Entry<String, Location> e : where.entrySet()) {
      Slot s = e.getValue().slot();
      if (s != null && s.own) {
        OutboxItem item = decode(s.file, readIfExists(s.file), false);
        if (item != null) {
          out.add(item);
        }
      }
    }
    if (atStart) {
      deleteDeadLocks(alive);
    }
    out.sort(Comparator.comparing(OutboxItem::id));
    return out;
  }

  private OutboxItem decode(Path file, byte[] bytes, boolean keepDamageAside) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    if (bytes.length < HEADER || b.getInt(0) != MAGIC) {
      return null; // a free slot
    }
    int length = b.getInt(4);
    int crc = b.getInt(8);
    try {
      if (length < 0 || length > bytes.length - HEADER) {
        throw new IOException("record length " + length + " beyond the slot");
      }
      CRC32 c = new CRC32();
      c.update(bytes, HEADER, length);
      if ((int) c.getValue() != crc) {
        throw new IOException("checksum mismatch");
      }
      return item((ObjectNode) json.readTree(bytes, HEADER, length));
    } catch (IOException | RuntimeException e) {
      // a write torn by a crash (never reported stored) or outside damage: keep it for an operator
      if (keepDamageAside) {
        LOG.log(
            Level.WARNING,
            "outbox slot {0} holds an unreadable item and is kept aside: {1}",
            new Object[] {file, e.getMessage()});
        Files.move(
            file,
            file.resolveSibling(file.getFileName() + ".unreadable"),
            StandardCopyOption.REPLACE_EXISTING);
      }
      return null;
    }
  }

  private static byte[] readIfExists(Path file) throws IOException {
    try {
      return Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      return new byte[0];
    }
  }

  private static OutboxItem item(ObjectNode node) {
    return new OutboxItem(
        node.get("id").asText(),
        node.get("kind").asText(),
        node.get("idempotency_key").asText(),
        Instant.parse(node.get("created_at").asText()),
        Base64.getDecoder().decode(node.get("payload").asText()));
  }

  /** 16 digits, zero-padded (String.format was a visible share of put's CPU time). */
  private static String id(long seq) {
    String digits = Long.toString(seq);
    return "0".repeat(Math.max(0, 16 - digits.length())) + digits;
  }

  private static byte[] record(byte[] jsonBytes) {
    CRC32 crc = new CRC32();
    crc.update(jsonBytes);
    ByteBuffer b = ByteBuffer.allocate(HEADER + jsonBytes.length);
    b.putInt(MAGIC).putInt(jsonBytes.length).putInt((int) crc.getValue()).put(jsonBytes);
    return b.array();
  }

  /** A new empty slot, durable with its directory entry before it is used. */
  private Slot newSlot() throws IOException {
    Path file = directory.resolve(owner + "-" + (slotsCreated++) + SLOT_SUFFIX);
    try (FileChannel ch =
        FileChannel.open(OwnerOnlyFiles.createFile(file), StandardOpenOption.WRITE)) {
      write(ch, new byte[SLOT_SIZE]); // written zeros: later overwrites allocate nothing
      ch.force(true);
    } catch (IOException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    forceDirectory();
    return new Slot(file, true, SLOT_SIZE);
  }

  private void clearQuietly(Slot slot) {
    try (FileChannel ch = FileChannel.open(slot.file, StandardOpenOption.WRITE)) {
      write(ch, new byte[(int) slot.capacity], 0);
      ch.force(false);
      free.push(slot);
    } catch (IOException | RuntimeException e) {
      // the slot is not reused; a record in it that did reach the disk is replayed after a
      // restart, idempotent by its key
    }
  }

  private static void write(FileChannel ch, byte[] bytes) throws IOException {
    write(ch, bytes, 0);
  }

  private static void write(FileChannel ch, byte[] bytes, long position) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    long at = position;
    while (buf.hasRemaining()) {
      at += ch.write(buf, at);
    }
  }

  private String ownerOf(Path slotFile) {
    String name = slotFile.getFileName().toString();
    int dash = name.indexOf('-');
    return dash < 0 ? name : name.substring(0, dash);
  }

  /** Whether another instance (this process or another) still holds the owner's lock. */
  private boolean ownerAlive(String other) {
    if (other.equals(owner)) {
      return true;
    }
    Path lockFile = directory.resolve(other + LOCK_SUFFIX);
    if (!Files.exists(lockFile)) {
      return false;
    }
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = ch.tryLock();
      if (lock == null) {
        return true; // held by another process
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true; // held by another instance in this process
    } catch (IOException e) {
      return true; // cannot tell: leave its files alone
    }
  }

  /** Lock files of owners that are gone and left no slot behind. */
  private void deleteDeadLocks(Map<String, Boolean> alive) throws IOException {
    for (Path lock : list("*" + LOCK_SUFFIX)) {
      String name = lock.getFileName().toString();
      String other = name.substring(0, name.length() - LOCK_SUFFIX.length());
      if (other.equals(owner) || alive.computeIfAbsent(other, this::ownerAlive)) {
        continue;
      }
      if (list(other + "-*" + SLOT_SUFFIX).isEmpty()) {
        Files.deleteIfExists(lock);
      }
    }
  }

  private List<Path> list(String glob) throws IOException {
    List<Path> paths = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(directory, glob)) {
      s.forEach(paths::add);
    }
    return paths;
  }

  private void forceDirectory() {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // some file systems cannot sync a directory (e.g. Windows): the entry is then as durable as
      // the file system makes it
    }
  }
}
