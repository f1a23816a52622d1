package org.radassist.audit.internal.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.radassist.audit.CanonicalJson;
import org.radassist.model.files.OwnerOnlyFiles;

/** The trail's signed checkpoints, one canonical JSON line each, in {@code checkpoints.jsonl}. */
public final class CheckpointLog {
  public static final String FILE = "checkpoints.jsonl";

  private CheckpointLog() {}

  /**
   * The checkpoints of a file, oldest first (none when it does not exist).
   *
   * @throws IOException naming the file and line that is not a checkpoint
   */
  public static List<Checkpoint> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    ObjectMapper reader = CanonicalJson.newReader();
    List<Checkpoint> checkpoints = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty() && i == lines.size() - 1) {
        break;
      }
      try {
        JsonNode node = reader.readTree(line);
        checkpoints.add(Checkpoint.fromJson(node));
      } catch (IOException | IllegalArgumentException e) {
        throw new IOException(file + ":" + (i + 1) + ": not a checkpoint (" + e.getMessage() + ")");
      }
    }
    return checkpoints;
  }

  /** Appends one checkpoint and forces it to disk; the file is created {@code 0600}. */
  public static void append(Path file, Checkpoint checkpoint) throws IOException {
    OwnerOnlyFiles.ensureFile(file);
    byte[] line = (checkpoint.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.APPEND)) {
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
    }
  }
}
