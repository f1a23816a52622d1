package org.radassist.workstation.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The bundles to install: every jar of the launcher's class path with a Bundle-SymbolicName, except
 * the framework itself and what the system bundle provides from the class path (slf4j). A symbolic
 * name seen twice is installed once (the first wins, as on a class path).
 */
public final class BundleJars {
  /** Bundle symbolic names that must not be installed as bundles. */
  static final Set<String> PROVIDED_BY_LAUNCHER =
      Set.of("org.apache.felix.framework", "slf4j.api", "slf4j.nop", "slf4j.simple");

  /** A bundle jar and its symbolic name. */
  public record BundleJar(Path path, String symbolicName, boolean fragment) {}

  private BundleJars() {}

  public static List<BundleJar> fromClassPath(String classPath) {
    Map<String, BundleJar> bundles = new LinkedHashMap<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (entry.isBlank() || !entry.endsWith(".jar")) {
        continue;
      }
      Path path = Path.of(entry);
      if (!Files.isRegularFile(path)) {
        continue;
      }
      try (JarFile jar = new JarFile(path.toFile())) {
        Manifest manifest = jar.getManifest();
        String bsn =
            manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        if (bsn == null) {
          continue;
        }
        String name = bsn.split(";", 2)[0].trim();
        if (PROVIDED_BY_LAUNCHER.contains(name) || bundles.containsKey(name)) {
          continue;
        }
        boolean fragment = manifest.getMainAttributes().getValue("Fragment-Host") != null;
        bundles.put(name, new BundleJar(path, name, fragment));
      } catch (IOException e) {
        // not a readable jar: not a bundle either
      }
    }
    return new ArrayList<>(bundles.values());
  }
}
