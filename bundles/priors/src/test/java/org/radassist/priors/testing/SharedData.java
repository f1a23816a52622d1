package org.radassist.priors.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the shared, read-only test data (never copied into the repository). */
public final class SharedData {
  private SharedData() {}

  public static Path root() {
    String configured = System.getProperty("radassist.shared");
    Path path = configured == null ? Path.of("/work/shared") : Path.of(configured);
    return Files.isDirectory(path) ? path : Path.of("/work/shared");
  }

  public static Path dicom(String relative) {
    return root().resolve("data/dicom").resolve(relative);
  }
}
