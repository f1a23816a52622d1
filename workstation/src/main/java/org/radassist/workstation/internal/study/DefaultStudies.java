package org.radassist.workstation.internal.study;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/** Where the default study lives, and writing it there on first use. */
public final class DefaultStudies {
  private DefaultStudies() {}

  /** RadAssist's working directory: $RADASSIST_HOME, else ~/.radassist. */
  public static Path home() {
    String env = System.getenv("RADASSIST_HOME");
    return env != null && !env.isBlank()
        ? Path.of(env).toAbsolutePath()
        : Path.of(System.getProperty("user.home"), ".radassist");
  }

  /** The default study's folder under {@code home}, generated first if it is not there yet. */
  public static Path ensure(Path home, PrintStream log) throws IOException {
    Path root = home.resolve("studies").resolve("phantom-chest");
    if (!DefaultStudyGenerator.isGenerated(root)) {
      log.println("radassist workstation: writing the default study to " + root);
      new DefaultStudyGenerator(reportWriter()).generate(root);
    }
    return root;
  }

  /** The TID 1500 report writer of org.radassist.sr. */
  static Optional<MeasurementReportWriter> reportWriter() {
    return Optional.of(new SrMeasurementReports());
  }
}
