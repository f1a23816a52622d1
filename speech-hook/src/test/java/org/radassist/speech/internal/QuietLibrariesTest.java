package org.radassist.speech.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Under logback (Weasis' backend, root logger at DEBUG) the embedded libraries' loggers end up at
 * WARN unless a level was set for them. Logback runs in a class loader of its own here, with
 * slf4j-api and this module's classes, as in the viewer.
 */
class QuietLibrariesTest {

  @Test
  void underLogbackJettyAndHapiLogAtWarnWhileTheRootStaysAtDebug() throws Exception {
    try (URLClassLoader viewer = viewerClassLoader()) {
      setRootLevel(viewer, "DEBUG");
      assertThat(effectiveLevel(viewer, "org.eclipse.jetty.server.Server")).isEqualTo("DEBUG");

      call(viewer, "quiet");

      assertThat(effectiveLevel(viewer, "org.eclipse.jetty.server.Server")).isEqualTo("WARN");
      assertThat(effectiveLevel(viewer, "ca.uhn.hl7v2.app.HL7Service")).isEqualTo("WARN");
      assertThat(effectiveLevel(viewer, "org.radassist.speech")).isEqualTo("DEBUG");
    }
  }

  @Test
  void aLevelSetForJettyIsKept() throws Exception {
    try (URLClassLoader viewer = viewerClassLoader()) {
      setRootLevel(viewer, "DEBUG");
      setLevel(viewer, "org.eclipse.jetty", "INFO");

      call(viewer, "quiet");

      assertThat(effectiveLevel(viewer, "org.eclipse.jetty.server.Server")).isEqualTo("INFO");
      assertThat(effectiveLevel(viewer, "ca.uhn.hl7v2.app.HL7Service")).isEqualTo("WARN");
    }
  }

  @Test
  void withAnotherBackendNothingHappens() {
    QuietLibraries.quiet(); // slf4j-nop on the tests' class path: no level to set, no failure
  }

  private static URLClassLoader viewerClassLoader() throws Exception {
    URL classes =
        Path.of(QuietLibraries.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toUri()
            .toURL();
    return new URLClassLoader(
        new URL[] {
          classes, jar("slf4j.api.jar"), jar("logback.classic.jar"), jar("logback.core.jar")
        },
        ClassLoader.getPlatformClassLoader());
  }

  private static URL jar(String property) throws Exception {
    String path = System.getProperty(property);
    assertThat(path).as(property + " (set by the POM)").isNotBlank();
    return Path.of(path).toUri().toURL();
  }

  private static void call(ClassLoader loader, String method) throws Exception {
    loader.loadClass(QuietLibraries.class.getName()).getMethod(method).invoke(null);
  }

  private static Object logger(ClassLoader loader, String name) throws Exception {
    return loader
        .loadClass("org.slf4j.LoggerFactory")
        .getMethod("getLogger", String.class)
        .invoke(null, name);
  }

  private static void setRootLevel(ClassLoader loader, String level) throws Exception {
    setLevel(loader, "ROOT", level);
  }

  private static void setLevel(ClassLoader loader, String name, String level) throws Exception {
    Object logger = logger(loader, name);
    Class<?> levelType = loader.loadClass("ch.qos.logback.classic.Level");
    Object value = levelType.getMethod("toLevel", String.class).invoke(null, level);
    logger.getClass().getMethod("setLevel", levelType).invoke(logger, value);
  }

  private static String effectiveLevel(ClassLoader loader, String name) throws Exception {
    Object logger = logger(loader, name);
    return String.valueOf(logger.getClass().getMethod("getEffectiveLevel").invoke(logger));
  }
}
