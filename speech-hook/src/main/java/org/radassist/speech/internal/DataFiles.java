package org.radassist.speech.internal;

import java.nio.file.Path;
import org.osgi.framework.BundleContext;

/** Where the speech hook keeps its files: RadAssist's data directory, never the working one. */
public final class DataFiles {
  /** The framework property naming RadAssist's data directory. */
  static final String DATA_DIR = "radassist.data.dir";

  private DataFiles() {}

  /**
   * The configured path when there is one, else {@code name} in the framework property {@value
   * #DATA_DIR}, else in {@code ~/.radassist}.
   */
  public static Path resolve(String configured, BundleContext context, String name) {
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured.trim());
    }
    String data = context.getProperty(DATA_DIR);
    return data != null && !data.isBlank()
        ? Path.of(data, name)
        : Path.of(System.getProperty("user.home"), ".radassist", name);
  }
}
