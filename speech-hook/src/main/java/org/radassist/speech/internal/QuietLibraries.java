package org.radassist.speech.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the libraries embedded in this bundle (Jetty, HAPI) at WARN. Weasis' launcher sets
 * logback's root logger to DEBUG, so each start of the loopback intake wrote about a hundred Jetty
 * DEBUG lines to the viewer's console. A level an admin set for these loggers is kept; with another
 * logging backend nothing changes (its own configuration applies). Logback is reached by
 * reflection: it is the host's, never imported by this bundle.
 */
public final class QuietLibraries {
  static final List<String> LOGGERS = List.of("org.eclipse.jetty", "ca.uhn.hl7v2");

  private QuietLibraries() {}

  /** Sets the embedded libraries' loggers to WARN where logback runs and nobody chose a level. */
  public static void quiet() {
    for (String name : LOGGERS) {
      Logger logger = LoggerFactory.getLogger(name);
      try {
        Class<?> type = logger.getClass();
        if (!type.getName().equals("ch.qos.logback.classic.Logger")
            || type.getMethod("getLevel").invoke(logger) != null) {
          continue;
        }
        Class<?> level =
            Class.forName("ch.qos.logback.classic.Level", false, type.getClassLoader());
        type.getMethod("setLevel", level).invoke(logger, level.getField("WARN").get(null));
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        // another logback than expected: leave its configuration as it is
      }
    }
  }
}
