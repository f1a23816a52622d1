package org.radassist.workstation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchOptionsTest {
  @TempDir Path temp;

  @Test
  void headlessNeedsAnOutputFolder() {
    assertThat(LaunchOptions.parse("--headless").problems())
        .containsExactly("--headless: needs --out DIR");
  }

  @Test
  void everyProblemIsOneLineNamingTheInput() throws Exception {
    Path file = Files.writeString(temp.resolve("file.txt"), "x");
    assertThat(
            LaunchOptions.parse(
                    "--study", temp.resolve("missing").toString(), "--out", "x", "--bogus")
                .problems())
        .containsExactlyInAnyOrder(
            "--bogus: unknown option",
            "--study " + temp.resolve("missing") + ": not a folder",
            "--out x: only with --headless");
    assertThat(LaunchOptions.parse("--headless", "--out", file.toString()).problems())
        .containsExactly("--out " + file + ": exists and is not a folder");
    assertThat(LaunchOptions.parse("--study").problems()).containsExactly("--study: needs a path");
  }

  @Test
  void aValidHeadlessCommandLineParses() {
    LaunchOptions o =
        LaunchOptions.parse("--study", temp.toString(), "--headless", "--out", "out")
            .options()
            .orElseThrow();
    assertThat(o.headless()).isTrue();
    assertThat(o.study()).contains(temp);
    assertThat(o.out()).contains(Path.of("out"));
    assertThat(o.rollout()).isEqualTo("assistive");
  }

  @Test
  void theRolloutModeIsOneOfGovernancesThree() {
    assertThat(LaunchOptions.parse("--rollout", "integrated").options().orElseThrow().rollout())
        .isEqualTo("integrated");
    assertThat(LaunchOptions.parse("--rollout", "live").problems())
        .containsExactly("--rollout live: unknown mode (one of shadow, assistive, integrated)");
    assertThat(LaunchOptions.parse("--rollout").problems())
        .containsExactly("--rollout: needs a mode (shadow, assistive, integrated)");
  }

  @Test
  void badInputExitsOneWithOneLinePerProblemAndNoStackTrace() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        WorkstationCommand.run(
            new String[] {"--headless", "--nope"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .containsExactlyInAnyOrder(
            "radassist workstation: --nope: unknown option",
            "radassist workstation: --headless: needs --out DIR");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void helpPrintsUsageAndExitsZero() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        WorkstationCommand.run(
            new String[] {"--help"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: radassist workstation");
  }
}
