package org.radassist.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.radassist.audit.internal.ChainVerifier;

/**
 * Reading and verifying audit trail files without a running trail: what {@code radassist audit} and
 * {@code radassist metrics} use, and what a viewer panel can call on a copied trail.
 */
public interface AuditFiles {
  /** Names of trail files in a trail directory: {@code audit-00000001.jsonl}, ... */
  static final Pattern FILE_NAME = Pattern.compile("audit-(\\d{8})\\.jsonl");

  /** The trail files of a directory, oldest first (none when the directory does not exist). */
  static List<Path> trailFiles(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .filter(p -> FILE_NAME.matcher(p.getFileName().toString()).matches())
          .sorted()
          .toList();
    }
  }

  /** Expands arguments: a directory stands for its trail files, a file for itself. */
  static List<Path> expand(List<Path> arguments) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path argument : arguments) {
      if (Files.isDirectory(argument)) {
        files.addAll(trailFiles(argument));
      } else {
        files.add(argument);
      }
    }
    return files;
  }

  /** Verifies the files as one chain, in the order given. */
  static ChainVerification verify(List<Path> files) throws IOException {
    return new ChainVerifier().verify(files, record -> {});
  }

  /**
   * The whole records of the files, read as one chain.
   *
   * @throws IOException when a file cannot be read or the chain is broken (the message names the
   *     file, line, seq and reason); a torn last line is skipped
   */
  static List<AuditRecord> read(List<Path> files) throws IOException {
    List<AuditRecord> records = new ArrayList<>();
    ChainVerification result = new ChainVerifier().verify(files, records::add);
    if (result.broken().isPresent()) {
      ChainVerification.ChainBreak b = result.broken().get();
      throw new IOException(b.file() + ":" + b.line() + ": seq " + b.seq() + ": " + b.reason());
    }
    return records;
  }
}
