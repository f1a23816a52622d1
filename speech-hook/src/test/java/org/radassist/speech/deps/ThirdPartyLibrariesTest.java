package org.radassist.speech.deps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The zip's INSTALL.md lists the third-party libraries RadAssist ships (issue 15: admins track them
 * for advisories, as no online dependency check can run here). This keeps the list true: each row's
 * version is the one the root pom manages and, where the library is on this module's class path
 * (the speech hook embeds Jetty, HAPI and commons-lang3), the one Maven resolved; every package a
 * bundle embeds ({@code -conditionalpackage} in any bnd.bnd) belongs to a row; and commons-lang3 is
 * at least 3.18.0 (CVE-2025-48924).
 */
class ThirdPartyLibrariesTest {
  private static final Path ROOT = Path.of("..");
  private static final Path INSTALL = ROOT.resolve("features/src/main/weasis/INSTALL.md");

  record Row(String library, String group, String artifact, String version, String packages) {}

  private static List<Row> rows;
  private static Map<String, String> managed;

  @BeforeAll
  static void read() throws IOException {
    rows = rowsOf(Files.readString(INSTALL, StandardCharsets.UTF_8));
    managed = managedVersions(Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8));
  }

  @Test
  void every_row_has_the_version_the_root_pom_manages() {
    assertThat(rows).hasSizeGreaterThanOrEqualTo(8);
    for (Row row : rows) {
      String coordinates = row.group() + ":" + row.artifact();
      String version =
          Optional.ofNullable(managed.get(coordinates))
              .orElse(managed.get(row.group() + ":*")); // a BOM import (Jetty)
      assertThat(version).as("%s is managed in the root pom", coordinates).isNotNull();
      assertThat(row.version()).as("INSTALL.md version of %s", coordinates).isEqualTo(version);
    }
  }

  @Test
  void rows_on_this_class_path_have_the_version_maven_resolved() {
    int checked = 0;
    for (Row row : rows) {
      Optional<String> resolved = resolvedVersion(row.group(), row.artifact());
      if (resolved.isPresent()) {
        assertThat(row.version())
            .as("INSTALL.md version of %s:%s", row.group(), row.artifact())
            .isEqualTo(resolved.get());
        checked++;
      }
    }
    // Jetty, HAPI, commons-lang3, OkHttp, Okio and Jackson are all on the speech hook's class path
    assertThat(checked).isGreaterThanOrEqualTo(6);
  }

  @Test
  void every_embedded_package_belongs_to_a_listed_library() throws IOException {
    List<String> listed = rows.stream().map(Row::packages).filter(p -> !p.isEmpty()).toList();
    List<String> embedded = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ROOT, 3)) {
      for (Path bnd :
          files
              .filter(p -> p.getFileName().toString().equals("bnd.bnd"))
              .filter(p -> !p.toString().contains("/target/"))
              .toList()) {
        Matcher m =
            Pattern.compile("(?m)^-conditionalpackage:\\s*(.+)$")
                .matcher(Files.readString(bnd, StandardCharsets.UTF_8));
        while (m.find()) {
          for (String pattern : m.group(1).split(",")) {
            embedded.add(pattern.strip());
          }
        }
      }
    }
    assertThat(embedded).contains("org.eclipse.jetty.*", "ca.uhn.hl7v2.*");
    assertThat(listed).containsAll(embedded);
  }

  @Test
  void commons_lang3_is_past_CVE_2025_48924() {
    String resolved = resolvedVersion("org.apache.commons", "commons-lang3").orElseThrow();
    assertThat(compare(resolved, "3.18.0"))
        .as("commons-lang3 %s must be >= 3.18.0", resolved)
        .isGreaterThanOrEqualTo(0);
  }

  static List<Row> rowsOf(String install) {
    int start = install.indexOf("## 6. Third-party libraries");
    assertThat(start).as("INSTALL.md has the third-party section").isNotNegative();
    int end = install.indexOf("\n## ", start + 1);
    List<Row> out = new ArrayList<>();
    for (String line : install.substring(start, end < 0 ? install.length() : end).split("\n")) {
      if (!line.startsWith("| ") || line.startsWith("| library") || line.startsWith("|---")) {
        continue;
      }
      String[] cells = line.split("\\|", -1);
      String coordinates = cells[2].strip().replace("`", "");
      String[] ga = coordinates.split(":");
      out.add(
          new Row(
              cells[1].strip(), ga[0], ga[1], cells[3].strip(), cells[4].strip().replace("`", "")));
    }
    return out;
  }

  /** groupId:artifactId -> version of the root pom's dependencyManagement (BOMs as group:*). */
  static Map<String, String> managedVersions(String pom) {
    Map<String, String> properties = new HashMap<>();
    Matcher block = Pattern.compile("(?s)<properties>(.*?)</properties>").matcher(pom);
    if (block.find()) {
      Matcher p = Pattern.compile("<([\\w.-]+)>([^<]*)</\\1>").matcher(block.group(1));
      while (p.find()) {
        properties.put(p.group(1), p.group(2).strip());
      }
    }
    Map<String, String> versions = new HashMap<>();
    Matcher d =
        Pattern.compile(
                "<dependency><groupId>([^<]+)</groupId><artifactId>([^<]+)</artifactId>"
                    + "<version>([^<]+)</version>(<type>pom</type>)?")
            .matcher(pom);
    while (d.find()) {
      String version = d.group(3);
      Matcher ref = Pattern.compile("\\$\\{([^}]+)}").matcher(version);
      if (ref.matches()) {
        version = properties.get(ref.group(1));
      }
      versions.put(d.group(1) + ":" + (d.group(4) != null ? "*" : d.group(2)), version);
    }
    return versions;
  }

  /** The version of the artifact's jar on the test class path (Maven repository layout). */
  static Optional<String> resolvedVersion(String group, String artifact) {
    String dir = File.separator + group.replace('.', File.separatorChar) + File.separator;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path jar = Path.of(entry);
      if (entry.contains(dir + artifact + File.separator)
          && jar.getFileName().toString().startsWith(artifact + "-")) {
        return Optional.of(jar.getParent().getFileName().toString());
      }
    }
    return Optional.empty();
  }

  static int compare(String a, String b) {
    String[] x = a.split("[.-]");
    String[] y = b.split("[.-]");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int u = i < x.length && x[i].matches("\\d+") ? Integer.parseInt(x[i]) : 0;
      int v = i < y.length && y[i].matches("\\d+") ? Integer.parseInt(y[i]) : 0;
      if (u != v) {
        return Integer.compare(u, v);
      }
    }
    return 0;
  }
}
