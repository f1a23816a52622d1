package org.radassist.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.ops4j.pax.exam.Option;

/**
 * The one place that knows the runtime: Felix with SCR, Config Admin, Metatype and Log, the
 * third-party bundles RadAssist needs, and every RadAssist bundle the reactor built. The bundle
 * jars are copied into target/bundles by the itests POM, so adding a module there adds it here.
 */
final class RadAssistRuntime {
  /**
   * Compile-only Weasis API stand-in and the bridge that needs it: only in a Weasis-shaped
   * framework.
   */
  static final Predicate<File> WEASIS_ONLY = f -> f.getName().startsWith("org.radassist.weasis.");

  private RadAssistRuntime() {}

  static List<File> radAssistBundles() {
    return jars("radassist.bundles.dir");
  }

  static List<File> runtimeBundles() {
    return jars("runtime.bundles.dir");
  }

  private static List<File> jars(String property) {
    File dir = new File(System.getProperty(property));
    File[] files = dir.listFiles((d, name) -> name.endsWith(".jar"));
    if (files == null || files.length == 0) {
      throw new IllegalStateException("no bundles in " + dir + " (run the itests through Maven)");
    }
    Arrays.sort(files, Comparator.comparing(File::getName));
    return List.of(files);
  }

  /** RadAssist's data directory (audit trail, outbox) inside the build's target directory. */
  static Option dataDirectory() {
    return frameworkProperty("radassist.data.dir")
        .value(new File(System.getProperty("user.dir"), "radassist-data").getAbsolutePath());
  }

  /** Felix + services + every RadAssist bundle accepted by {@code include}. */
  static Option framework(Predicate<File> include) {
    List<Option> options = new ArrayList<>();
    options.add(
        systemProperty("org.ops4j.pax.url.mvn.localRepository")
            .value(System.getProperty("org.ops4j.pax.url.mvn.localRepository")));
    options.add(systemProperty("org.ops4j.pax.url.mvn.repositories").value("+"));
    options.add(systemProperty("java.awt.headless").value("true"));
    options.add(dataDirectory());
    for (File f : runtimeBundles()) {
      options.add(bundle(f.toURI().toString()));
    }
    for (File f : radAssistBundles()) {
      if (include.test(f)) {
        options.add(bundle(f.toURI().toString()));
      }
    }
    options.add(junitBundles());
    return composite(options.toArray(new Option[0]));
  }
}
