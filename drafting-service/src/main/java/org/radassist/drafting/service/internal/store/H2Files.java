package org.radassist.drafting.service.internal.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.radassist.model.files.OwnerOnlyFiles;

/**
 * Owner-only files for an embedded H2 store: the drafts hold dictations and reports, and H2 creates
 * its {@code .mv.db}, {@code .trace.db} and temporary files with the process umask (0644 under a
 * normal one). The store's directory is made {@code 0700} before H2 opens it, so nothing H2 writes
 * there later is reachable by other accounts, and the files already there are narrowed to {@code
 * 0600}.
 */
final class H2Files {
  private H2Files() {}

  /**
   * The database path of an embedded file URL ({@code jdbc:h2:file:PATH}, {@code jdbc:h2:~/PATH},
   * {@code jdbc:h2:./PATH}, ...); empty for in-memory and server URLs.
   */
  static Optional<Path> databasePath(String jdbcUrl) {
    String rest = jdbcUrl.substring("jdbc:h2:".length());
    int options = rest.indexOf(';');
    if (options >= 0) {
      rest = rest.substring(0, options);
    }
    if (rest.startsWith("file:")) {
      rest = rest.substring("file:".length());
    } else if (rest.matches("[A-Za-z]{2,}:.*")) {
      return Optional.empty(); // mem:, tcp:, ssl:, zip:, memFS: ...: no local database file of ours
    }
    if (rest.isBlank()) {
      return Optional.empty();
    }
    if (rest.equals("~") || rest.startsWith("~/")) {
      rest = System.getProperty("user.home") + rest.substring(1);
    }
    return Optional.of(Path.of(rest).toAbsolutePath());
  }

  /** Makes the store's directory {@code 0700} (creating it) before H2 opens the database. */
  static void prepare(String jdbcUrl) throws IOException {
    Optional<Path> database = databasePath(jdbcUrl);
    if (database.isPresent()) {
      OwnerOnlyFiles.createDirectories(database.get().getParent());
    }
  }

  /** Narrows the database's files ({@code NAME.*}) to {@code 0600}. */
  static void restrict(String jdbcUrl) throws IOException {
    Optional<Path> database = databasePath(jdbcUrl);
    if (database.isEmpty()) {
      return;
    }
    Path directory = database.get().getParent();
    String name = database.get().getFileName().toString();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, name + ".*")) {
      for (Path file : files) {
        if (Files.isRegularFile(file)) {
          OwnerOnlyFiles.restrict(file);
        }
      }
    }
  }
}
