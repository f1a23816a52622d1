package org.radassist.drafting.service.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.radassist.drafting.service.internal.ServeCommand;

/**
 * The drafting service as its own operating-system process, started the way {@code ./radassist
 * serve} starts it ({@link ServeCommand} on this JVM's class path) with an H2 file store in a
 * folder, so that a restarted process keeps its drafts and idempotency keys. The fault suite kills
 * it ({@code SIGKILL}), freezes it ({@code SIGSTOP} / {@code SIGCONT}) and restarts it on the same
 * port. Its output goes to a log file next to the store (shown when it does not come up).
 */
final class ServiceProcess implements AutoCloseable {
  static final String TOKEN = "fault-suite-token";
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+?:(\\d+))");

  private final Path dir;
  private final List<String> options;
  // OkHttp, so that its idle keep-alive connection can be dropped before a graceful stop (which
  // would otherwise wait for it)
  private final OkHttpClient probe =
      new OkHttpClient.Builder()
          .connectTimeout(Duration.ofSeconds(1))
          .callTimeout(Duration.ofSeconds(2))
          .build();
  private Process process;
  private int port;
  private int starts;

  /**
   * @param options extra {@code serve} options (e.g. {@code --rate-limit 1})
   */
  ServiceProcess(Path dir, List<String> options) throws IOException {
    this.dir = Files.createDirectories(dir);
    this.options = List.copyOf(options);
  }

  /** The store file (H2 adds {@code .mv.db}). */
  Path storeFile() {
    return dir.resolve("drafts");
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  long pid() {
    return process.pid();
  }

  /** Starts the process (on the port of the previous run, if any) and waits until it is ready. */
  ServiceProcess start() throws Exception {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("the service is running");
    }
    starts++;
    Path log = dir.resolve("service-" + starts + ".log");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Xmx256m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ServeCommand.class.getName());
    cmd.addAll(List.of("--port", Integer.toString(port), "--token", TOKEN));
    cmd.addAll(List.of("--store", "jdbc:h2:file:" + storeFile()));
    cmd.addAll(options);
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove("RADASSIST_TOKEN");
    process = pb.start();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
    while (true) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "the drafting service exited with "
                + process.exitValue()
                + ":\n"
                + Files.readString(log));
      }
      Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
      if (m.find()) {
        port = Integer.parseInt(m.group(2));
        if (ready()) {
          return this;
        }
      }
      if (System.nanoTime() > end) {
        throw new AssertionError(
            "the drafting service did not become ready:\n" + Files.readString(log));
      }
      Thread.sleep(50);
    }
  }

  /** {@code GET /ready} answers 200. */
  boolean ready() {
    Request ready = new Request.Builder().url(baseUri().resolve("/ready").toString()).build();
    try (Response r = probe.newCall(ready).execute()) {
      return r.code() == 200;
    } catch (IOException e) {
      return false;
    } finally {
      probe.connectionPool().evictAll();
    }
  }

  /** {@code kill -9}: no shutdown hook runs, open connections are reset by the kernel. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      throw new AssertionError("the drafting service did not die");
    }
  }

  /** {@code kill -STOP}: the process freezes; the kernel still accepts connections for it. */
  void freeze() throws Exception {
    signal("STOP");
  }

  /** {@code kill -CONT}. */
  void thaw() throws Exception {
    signal("CONT");
  }

  private void signal(String name) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new AssertionError("kill -" + name + " " + pid() + " failed");
    }
  }

  /** SIGTERM: the graceful stop (shutdown hook closes the server and the store). */
  void stop() throws Exception {
    if (process == null || !process.isAlive()) {
      return;
    }
    thaw(); // a frozen process cannot run its shutdown hook
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** What the store holds; only once the process has stopped (H2 files are single-process). */
  StoreRows rows() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("stop the service before reading its store");
    }
    return new StoreRows(storeFile());
  }

  @Override
  public void close() throws Exception {
    if (process != null && process.isAlive()) {
      thaw();
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
