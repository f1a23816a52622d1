package org.radassist.sr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared DICOM fixtures, read by path (never copied into the repository). */
public final class SharedData {
  private SharedData() {}

  public static Path root() {
    String p = System.getProperty("radassist.shared");
    Path shared = p == null ? Path.of("/work/shared") : Path.of(p);
    return Files.isDirectory(shared.resolve("data")) ? shared : Path.of("/work/shared");
  }

  public static Path dicom(String sub) {
    return root().resolve("data/dicom").resolve(sub);
  }

  public static List<Path> files(String sub) {
    try (Stream<Path> s = Files.list(dicom(sub))) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Path> srFiles() {
    return files("sr");
  }
}
