package org.radassist.drafting.service.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL cluster (Debian's server) run by the project's own scripts/postgres, so a
 * test starts, stops and interrupts it exactly as a developer or CI would.
 */
public final class PostgresCluster implements AutoCloseable {
  private final String url;

  private PostgresCluster(String url) {
    this.url = url;
  }

  /** Initialises and starts a new cluster on a free loopback port. */
  public static PostgresCluster start() throws IOException, InterruptedException {
    return new PostgresCluster(script("start"));
  }

  /** The JDBC URL of its database. */
  public String url() {
    return url;
  }

  /** Stops the server and keeps its data: the store is down until {@link #resume()}. */
  public void pause() throws IOException, InterruptedException {
    script("pause", url);
  }

  /** Starts the server again on the same port with the same data. */
  public void resume() throws IOException, InterruptedException {
    script("resume", url);
  }

  /** Stops the server and deletes the cluster. */
  @Override
  public void close() throws IOException, InterruptedException {
    script("stop", url);
  }

  private static String script(String... args) throws IOException, InterruptedException {
    Path root = Path.of(System.getProperty("radassist.root", "..")).toAbsolutePath();
    List<String> cmd = new ArrayList<>();
    cmd.add(root.resolve("scripts/postgres").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("scripts/postgres " + String.join(" ", args)).isZero();
    return out;
  }
}
