package org.radassist.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radassist.audit.internal.checkpoint.CheckpointLog;

/** Makes a cleanly closed trail look like one whose writer died before its shutdown checkpoint. */
public final class Crashes {
  private Crashes() {}

  /** Drops the trailing {@code close} checkpoint, as if the process had been killed instead. */
  public static void forgetShutdownCheckpoint(Path trailDirectory) throws IOException {
    Path log = trailDirectory.resolve(CheckpointLog.FILE);
    List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
    if (lines.isEmpty() || !lines.get(lines.size() - 1).contains("\"kind\":\"close\"")) {
      throw new IllegalStateException("the trail in " + trailDirectory + " was not closed");
    }
    lines.remove(lines.size() - 1);
    Files.write(log, lines, StandardCharsets.UTF_8);
  }
}
