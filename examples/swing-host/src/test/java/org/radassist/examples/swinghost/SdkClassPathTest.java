package org.radassist.examples.swinghost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's lib/ is a complete class path: the sample host runs end to end in a fresh JVM on
 * exactly those jars (the ones radassist-sdk-&lt;version&gt;.zip ships) and its own classes,
 * nothing else.
 */
class SdkClassPathTest {
  static final Path LIB = Path.of(System.getProperty("sdk.lib"));
  static final Path CLASSES = Path.of(System.getProperty("sdk.classes"));

  @Test
  void theSampleRunsEndToEndOnTheSdkJarsAlone(@TempDir Path temp) throws Exception {
    Path study = PhantomStudy.write(temp.resolve("study"));
    List<Path> jars;
    try (Stream<Path> s = Files.list(LIB)) {
      jars = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    }
    // no OSGi framework, no workstation, no test library in the SDK
    assertThat(jars)
        .extracting(p -> p.getFileName().toString())
        .noneMatch(n -> n.contains("felix") || n.contains("workstation") || n.contains("junit"))
        .anyMatch(n -> n.startsWith("jackson-databind-"))
        .anyMatch(n -> n.startsWith("okio-jvm-"));
    String classPath =
        CLASSES
            + File.pathSeparator
            + String.join(File.pathSeparator, jars.stream().map(Path::toString).toList());
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = temp.resolve("run.log");
    Process p =
        new ProcessBuilder(
                java.toString(),
                "-Djava.awt.headless=true",
                "-Xmx512m",
                "-cp",
                classPath,
                SampleRun.class.getName(),
                "--study",
                study.toString(),
                "--data",
                temp.resolve("data").toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean ended = p.waitFor(180, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(ended).as(output).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("findings: Findings (1)")
        .contains("priors: Comparison paragraph shown")
        .contains("chain intact")
        .contains("sample host: OK")
        .doesNotContain("NoClassDefFoundError")
        .doesNotContain("ClassNotFoundException");
  }
}
