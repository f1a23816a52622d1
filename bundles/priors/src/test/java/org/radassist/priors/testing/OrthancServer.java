package org.radassist.priors.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * An Orthanc with the DICOMweb plugin on loopback, started and stopped by the project's {@code
 * scripts/orthanc}. Instances are stored through Orthanc's REST API ({@code POST /instances}).
 */
public final class OrthancServer implements AutoCloseable {

  private final Path script;
  private final int httpPort;
  private final String restUrl;
  private final OkHttpClient http = new OkHttpClient();

  private OrthancServer(Path script, int httpPort, String restUrl) {
    this.script = script;
    this.httpPort = httpPort;
    this.restUrl = restUrl;
  }

  public static Path projectRoot() {
    String root = System.getProperty("radassist.root");
    Path path = root == null ? Path.of("/work/main") : Path.of(root);
    return Files.isDirectory(path.resolve("scripts")) ? path : Path.of("/work/main");
  }

  public static OrthancServer start() throws IOException, InterruptedException {
    Path script = projectRoot().resolve("scripts/orthanc");
    if (!Files.isExecutable(script)) {
      throw new IOException(script + " is missing: the Orthanc tests need it");
    }
    // our own ports: the script shares an instance already running on a port, and other
    // modules' tests use the default one
    int http = freePort();
    int dicom = freePort();
    Process process =
        new ProcessBuilder(
                script.toString(), "start", Integer.toString(http), Integer.toString(dicom))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("scripts/orthanc start failed: " + out);
    }
    List<String> lines = out.lines().filter(l -> l.startsWith("http")).toList();
    if (lines.isEmpty()) {
      throw new IOException("scripts/orthanc start printed no URL: " + out);
    }
    String url = lines.get(0).trim().replaceAll("/+$", "");
    String rest =
        url.endsWith("/dicom-web") ? url.substring(0, url.length() - "/dicom-web".length()) : url;
    return new OrthancServer(script, http, rest);
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public String restUrl() {
    return restUrl;
  }

  public String dicomWebUrl() {
    return restUrl + "/dicom-web";
  }

  /** CPU time the Orthanc process has used so far (Linux /proc), for benchmarks. */
  public long cpuMillis() throws IOException {
    Path pidFile =
        Path.of(System.getProperty("java.io.tmpdir"), "radassist-orthanc." + httpPort, "pid");
    String pid = Files.readString(pidFile).trim();
    String stat = Files.readString(Path.of("/proc", pid, "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // utime and stime, in clock ticks (100 per second on Linux)
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
  }

  /** Stores one Part 10 file. */
  public void upload(Path file) throws IOException {
    Request request =
        new Request.Builder()
            .url(restUrl + "/instances")
            .post(RequestBody.create(Files.readAllBytes(file), MediaType.get("application/dicom")))
            .build();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException(
            "Orthanc refused "
                + file
                + ": HTTP "
                + response.code()
                + " "
                + response.body().string());
      }
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(script.toString(), "stop", Integer.toString(httpPort))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    process.waitFor(60, TimeUnit.SECONDS);
  }
}
