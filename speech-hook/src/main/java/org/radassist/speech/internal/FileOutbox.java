package org.radassist.speech.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.radassist.speech.Outbox;
import org.radassist.speech.OutboxItem;

/**
 * The embedded outbox: one JSON file per item in a local directory. An item is written to a
 * temporary file, forced to disk, atomically renamed into place and the directory forced, so that
 * after a crash an item is either wholly there or not there at all.
 */
public final class FileOutbox implements Outbox {
  private static final Logger LOG = Logger.getLogger(FileOutbox.class.getName());
  private static final String SUFFIX = ".item.json";
  private final Path directory;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicLong sequence;

  public FileOutbox(Path directory, Clock clock) throws IOException {
    this.directory = Files.createDirectories(directory);
    this.clock = clock;
    long highest = 0;
    for (Path p : items()) {
      highest = Math.max(highest, sequenceOf(p));
    }
    this.sequence = new AtomicLong(highest);
    // a temporary file left by a crash mid-write was never acknowledged as stored: drop it
    try (DirectoryStream<Path> tmp = Files.newDirectoryStream(directory, "*.tmp")) {
      for (Path p : tmp) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Override
  public OutboxItem put(String kind, String idempotencyKey, byte[] payload) throws IOException {
    long seq = sequence.incrementAndGet();
    String id = String.format("%016d", seq);
    OutboxItem item = new OutboxItem(id, kind, idempotencyKey, clock.instant(), payload);
    ObjectNode node = json.createObjectNode();
    node.put("id", id);
    node.put("kind", kind);
    node.put("idempotency_key", idempotencyKey);
    node.put("created_at", item.createdAt().toString());
    node.put("payload", Base64.getEncoder().encodeToString(payload));
    byte[] bytes = json.writeValueAsBytes(node);
    Path tmp = directory.resolve(id + ".tmp");
    Path target = directory.resolve(id + SUFFIX);
    try (FileChannel ch =
        FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw new IOException(
          "outbox " + directory + ": could not store " + kind + " durably: " + e.getMessage(), e);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target);
    }
    forceDirectory();
    return item;
  }

  @Override
  public List<OutboxItem> pending() throws IOException {
    List<OutboxItem> out = new ArrayList<>();
    for (Path p : items()) {
      try {
        ObjectNode node = (ObjectNode) json.readTree(Files.readAllBytes(p));
        out.add(
            new OutboxItem(
                node.get("id").asText(),
                node.get("kind").asText(),
                node.get("idempotency_key").asText(),
                Instant.parse(node.get("created_at").asText()),
                Base64.getDecoder().decode(node.get("payload").asText())));
      } catch (IOException | RuntimeException e) {
        // renamed into place only when whole, so this is outside damage: keep it for an operator
        LOG.log(
            Level.WARNING,
            "outbox item {0} is unreadable and is kept aside: {1}",
            new Object[] {p, e.getMessage()});
        Files.move(
            p,
            p.resolveSibling(p.getFileName() + ".unreadable"),
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return out;
  }

  @Override
  public void acknowledge(String id) throws IOException {
    if (!id.matches("\\d{16}")) {
      throw new IllegalArgumentException("not an outbox item id: " + id);
    }
    if (Files.deleteIfExists(directory.resolve(id + SUFFIX))) {
      forceDirectory();
    }
  }

  private List<Path> items() throws IOException {
    List<Path> paths = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
      s.forEach(paths::add);
    }
    paths.sort(Comparator.comparing(p -> p.getFileName().toString()));
    return paths;
  }

  private static long sequenceOf(Path p) {
    String name = p.getFileName().toString();
    return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
  }

  private void forceDirectory() {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // some file systems cannot sync a directory; the rename is still atomic there
    }
  }
}
