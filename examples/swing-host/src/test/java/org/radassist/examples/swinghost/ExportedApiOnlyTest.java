package org.radassist.examples.swinghost;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sample host uses RadAssist's exported API only: no source of it imports an internal package.
 */
class ExportedApiOnlyTest {
  static final Path SOURCES =
      Path.of(System.getProperty("radassist.root"), "examples/swing-host/src/main/java");
  static final Pattern INTERNAL =
      Pattern.compile("(?m)^import\\s+(static\\s+)?org\\.radassist\\.[\\w.]*\\binternal\\b");
  static final Pattern QUALIFIED = Pattern.compile("org\\.radassist\\.[\\w.]*\\.internal\\.");

  @Test
  void noSourceOfTheSampleReachesIntoAnInternalPackage() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(SOURCES)) {
      files = s.filter(p -> p.toString().endsWith(".java")).toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(6);
    for (Path f : files) {
      String text = Files.readString(f);
      assertThat(INTERNAL.matcher(text).find()).as(f.toString()).isFalse();
      assertThat(QUALIFIED.matcher(text).find()).as(f.toString()).isFalse();
      assertThat(text).as(f.toString()).contains("org.radassist.");
    }
  }
}
