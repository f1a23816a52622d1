package org.radassist.apicheck;

import aQute.bnd.header.Parameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reactor's modules as packaged: every module named in the root POM's {@code <modules>} (and in
 * the POMs of aggregators below it, such as {@code examples/}) that has main sources, read from the
 * jar its build left in {@code target/}.
 */
final class Reactor {
  private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<]+?)\\s*</module>");
  private static final Pattern ARTIFACT = Pattern.compile("\\n  <artifactId>([^<]+)</artifactId>");
  private static final Pattern VERSION = Pattern.compile("\\n  <version>([^<]+)</version>");

  /** One packaged module: its directory, its jar's exports and the classes the jar holds. */
  record Module(
      String dir,
      String artifactId,
      Map<String, String> exports,
      List<String> imports,
      List<ClassFile> classes) {}

  private Reactor() {}

  static List<Module> read(Path root) {
    String version = first(VERSION, text(root.resolve("pom.xml")), root.resolve("pom.xml"));
    List<Module> modules = new ArrayList<>();
    collect(root, root, version, modules);
    return modules;
  }

  private static void collect(Path root, Path aggregator, String version, List<Module> into) {
    String pom = text(aggregator.resolve("pom.xml"));
    Matcher m = MODULE.matcher(pom.replaceAll("(?s)<!--.*?-->", ""));
    while (m.find()) {
      Path dir = aggregator.resolve(m.group(1)).normalize();
      if (!Files.isRegularFile(dir.resolve("pom.xml"))) {
        throw new IllegalStateException(dir + ": listed as a module but has no pom.xml");
      }
      if (MODULE.matcher(text(dir.resolve("pom.xml"))).find()) {
        collect(root, dir, version, into);
      }
      if (Files.isDirectory(dir.resolve("src/main/java"))) {
        into.add(module(root, dir, version));
      }
    }
  }

  private static Module module(Path root, Path dir, String version) {
    String artifactId = first(ARTIFACT, text(dir.resolve("pom.xml")), dir.resolve("pom.xml"));
    Path jar = dir.resolve("target").resolve(artifactId + "-" + version + ".jar");
    String name = root.relativize(dir).toString();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          name + ": " + jar + " is missing; package the reactor first (mvn install)");
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      String header =
          manifest == null ? null : manifest.getMainAttributes().getValue("Export-Package");
      String importHeader =
          manifest == null ? null : manifest.getMainAttributes().getValue("Import-Package");
      List<String> imports =
          importHeader == null
              ? List.of()
              : new Parameters(importHeader)
                  .keySet().stream().map(k -> k.replaceAll("~+$", "")).toList();
      Map<String, String> exports = new TreeMap<>();
      if (header != null) {
        // bnd marks a repeated key with trailing '~'
        new Parameters(header)
            .entrySet()
            .forEach(e -> exports.put(e.getKey().replaceAll("~+$", ""), e.getValue().getVersion()));
      }
      List<ClassFile> classes = new ArrayList<>();
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        String entryName = entry.getName();
        // only RadAssist's own classes: embedded libraries (Jetty, HAPI, PixelMed) never use our
        // API
        if (entryName.endsWith(".class")
            && entryName.startsWith("org/radassist/")
            && !entryName.endsWith("module-info.class")
            && !entryName.endsWith("package-info.class")) {
          try (var in = file.getInputStream(entry)) {
            classes.add(ClassFile.parse(name + "!/" + entryName, in.readAllBytes()));
          }
        }
      }
      return new Module(name, artifactId, Map.copyOf(exports), imports, List.copyOf(classes));
    } catch (IOException e) {
      throw new UncheckedIOException(jar + ": " + e.getMessage(), e);
    }
  }

  private static String first(Pattern pattern, String text, Path from) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException(from + ": no " + pattern.pattern());
    }
    return m.group(1).trim();
  }

  private static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }
}
