package org.radassist.model.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Owner-only files and directories. A normal umask (022) leaves new files {@code 0644} and
 * directories {@code 0755}: readable by every local account. Everything RadAssist writes that holds
 * patient data or a secret goes through here instead: files are created {@code 0600} (never briefly
 * wider: the mode is given at creation) and directories {@code 0700}. On file systems without POSIX
 * permissions (Windows) the platform default applies; there the user profile's ACLs are what
 * protects the data directory.
 */
public interface OwnerOnlyFiles {
  /** {@code rw-------} */
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  /** {@code rwx------} */
  static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

  /**
   * Creates the directory and its missing parents {@code 0700}, and narrows the directory itself to
   * {@code 0700} if it already existed wider (its existing parents are left as they are).
   *
   * @return {@code directory}
   */
  static Path createDirectories(Path directory) throws IOException {
    if (posix(directory)) {
      Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
      Files.setPosixFilePermissions(directory, DIRECTORY);
    } else {
      Files.createDirectories(directory);
    }
    return directory;
  }

  /** Creates an empty file {@code 0600}; fails if it exists. */
  static Path createFile(Path file) throws IOException {
    return posix(file.toAbsolutePath().getParent())
        ? Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE))
        : Files.createFile(file);
  }

  /**
   * Creates the file {@code 0600} if it does not exist, and narrows it to {@code 0600} if it does.
   */
  static Path ensureFile(Path file) throws IOException {
    try {
      createFile(file);
    } catch (FileAlreadyExistsException e) {
      restrict(file);
    }
    return file;
  }

  /** Narrows an existing file or directory to owner-only ({@code 0600} / {@code 0700}). */
  static void restrict(Path path) throws IOException {
    if (posix(path)) {
      Files.setPosixFilePermissions(path, Files.isDirectory(path) ? DIRECTORY : FILE);
    }
  }

  /**
   * Writes the bytes to {@code file} as one replacement: a {@code 0600} temporary file beside it,
   * forced to disk, then moved over {@code file} (atomically where the file system can).
   */
  static Path write(Path file, byte[] bytes) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Path temporary =
        Files.createTempFile(parent, "." + file.getFileName(), ".tmp", attributes(parent));
    try {
      try (var channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        var buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return file;
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** {@link #write(Path, byte[])} of the UTF-8 bytes of {@code text}. */
  static Path writeString(Path file, String text) throws IOException {
    return write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  private static FileAttribute<?>[] attributes(Path parent) {
    return posix(parent)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
        : new FileAttribute<?>[0];
  }

  private static boolean posix(Path path) {
    Path probe = path == null ? Path.of("").toAbsolutePath() : path;
    return probe.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
