package org.radassist.sr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radassist.sr.internal.stow.StowClient;

/**
 * STOW-RS to a real Orthanc + DICOMweb plugin on loopback (started by scripts/orthanc), then
 * WADO-RS back: the SR we wrote comes back byte-for-byte readable into the same tree.
 */
class StowIT {
  private static Path script;
  private static int httpPort;
  private static String base;
  private static final OkHttpClient HTTP = new OkHttpClient();
  private final StructuredReportReader reader = StructuredReportReader.create();

  @BeforeAll
  static void startOrthanc() throws Exception {
    // radassist.root is the reactor root in a reactor build; the module's parent otherwise
    script = Path.of(System.getProperty("radassist.root", "."), "scripts", "orthanc");
    if (!java.nio.file.Files.isExecutable(script)) {
      script = Path.of(System.getProperty("user.dir")).getParent().resolve("scripts/orthanc");
    }
    httpPort = freePort();
    int dicomPort = freePort();
    base = run(script.toString(), "start", Integer.toString(httpPort), Integer.toString(dicomPort));
    assertThat(base).isEqualTo("http://127.0.0.1:" + httpPort + "/dicom-web");
  }

  @AfterAll
  static void stopOrthanc() throws Exception {
    run(script.toString(), "stop", Integer.toString(httpPort));
    HTTP.dispatcher().executorService().shutdown();
    HTTP.connectionPool().evictAll();
  }

  @Test
  void writtenSrIsStoredAndReadBackEqual() throws Exception {
    SrWriter.Written w = SrWriter.writeDraft(WriterTest.request(WriterTest.findings()));
    StowClient stow = new StowClient(HTTP);

    StowClient.Result stored = stow.store(base, List.of(w.bytes()));
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    JsonNode answer = new ObjectMapper().readTree(stored.body());
    assertThat(answer.has("00081199")).isTrue(); // Referenced SOP Sequence

    byte[] back =
        stow.retrieve(base, w.studyInstanceUid(), w.seriesInstanceUid(), w.sopInstanceUid());
    SrDocument original = reader.read(w.bytes(), "written");
    SrDocument fetched = reader.read(back, "wado-rs");
    assertThat(fetched.root()).isEqualTo(original.root());
    assertThat(ReportView.of(fetched).findings()).isEqualTo(ReportView.of(original).findings());
  }

  @Test
  void dicomJsonMetadataFromWadoRsReadsIntoTheSameTree() throws Exception {
    SrWriter.Written w = SrWriter.writeDraft(WriterTest.request(WriterTest.findings()));
    new StowClient(HTTP).store(base, List.of(w.bytes()));
    Request req =
        new Request.Builder()
            .url(
                base
                    + "/studies/"
                    + w.studyInstanceUid()
                    + "/series/"
                    + w.seriesInstanceUid()
                    + "/instances/"
                    + w.sopInstanceUid()
                    + "/metadata")
            .header("Accept", "application/dicom+json")
            .build();
    String json;
    try (Response r = HTTP.newCall(req).execute()) {
      assertThat(r.code()).isEqualTo(200);
      json = r.body().string();
    }
    SrDocument fromJson =
        reader.readJson(
            new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "metadata");
    SrDocument original = reader.read(w.bytes(), "written");
    assertThat(fromJson.root()).isEqualTo(original.root());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s", String.join(" ", cmd)).isZero();
    return out;
  }
}
