package org.radassist.model.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFilesTest {
  @TempDir Path dir;

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void new_directories_are_0700_and_an_existing_wider_one_is_narrowed() throws Exception {
    Path nested = dir.resolve("a/b");
    OwnerOnlyFiles.createDirectories(nested);
    assertThat(mode(nested)).isEqualTo("rwx------");
    assertThat(mode(dir.resolve("a"))).isEqualTo("rwx------");

    Path wide = Files.createDirectory(dir.resolve("wide"));
    Files.setPosixFilePermissions(wide, PosixFilePermissions.fromString("rwxr-xr-x"));
    OwnerOnlyFiles.createDirectories(wide);
    assertThat(mode(wide)).isEqualTo("rwx------");
  }

  @Test
  void written_files_are_0600_replace_the_old_content_and_leave_no_temporary() throws Exception {
    Path file = dir.resolve("report.txt");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    OwnerOnlyFiles.writeString(file, "new text");

    assertThat(Files.readString(file)).isEqualTo("new text");
    assertThat(mode(file)).isEqualTo("rw-------");
    try (var entries = Files.list(dir)) {
      assertThat(entries).containsExactly(file);
    }
  }

  @Test
  void ensure_file_creates_0600_or_narrows_an_existing_file() throws Exception {
    Path created = OwnerOnlyFiles.ensureFile(dir.resolve("new.db"));
    assertThat(mode(created)).isEqualTo("rw-------");

    Path existing = Files.writeString(dir.resolve("old.db"), "x");
    Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-rw-r--"));
    OwnerOnlyFiles.ensureFile(existing);
    assertThat(mode(existing)).isEqualTo("rw-------");
    assertThat(Files.readString(existing)).isEqualTo("x");
  }
}
