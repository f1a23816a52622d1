package org.radassist.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radassist.host.LoadedInstance;
import org.radassist.sr.SrDocument;
import org.radassist.sr.StructuredReportReader;

/**
 * A host that hands the panel WADO-RS URIs (a web viewer, a PACS-backed Weasis) gets the same SR
 * view as from a file: the panel's default reader fetches the instance's metadata from a real
 * Orthanc + DICOMweb on loopback (scripts/orthanc) and reads its DICOM JSON.
 */
class WadoRsSrIT {
  private static final Path SR =
      Path.of(System.getProperty("radassist.shared", "../../shared"))
          .resolve("data/dicom/sr/highdicom_sr_document_with_multiple_groups.dcm");
  private static Path script;
  private static int httpPort;
  private static String dicomWeb;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void startOrthancWithTheSr() throws Exception {
    script = Path.of(System.getProperty("radassist.root", ".."), "scripts", "orthanc");
    httpPort = freePort();
    dicomWeb =
        run(script.toString(), "start", Integer.toString(httpPort), Integer.toString(freePort()));
    HttpResponse<String> stored =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/instances"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(SR)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
  }

  @AfterAll
  static void stopOrthanc() throws Exception {
    run(script.toString(), "stop", Integer.toString(httpPort));
  }

  private static LoadedInstance wadoRs(SrDocument d, String sop) {
    return new LoadedInstance(
        d.studyInstanceUid(),
        d.seriesInstanceUid(),
        d.sopClassUid(),
        sop,
        "SR",
        URI.create(
            dicomWeb
                + "/studies/"
                + d.studyInstanceUid()
                + "/series/"
                + d.seriesInstanceUid()
                + "/instances/"
                + sop));
  }

  @Test
  void anSrOnTheDicomWebServerReadsAsFromItsFile() throws Exception {
    SrDocument local = StructuredReportReader.create().read(SR);
    SrDocumentReader reader = SrDocumentReaders.srImporter();

    SrDocumentView fromFile =
        reader.read(
            new LoadedInstance(
                local.studyInstanceUid(),
                local.seriesInstanceUid(),
                local.sopClassUid(),
                local.sopInstanceUid(),
                "SR",
                SR.toUri()));
    SrDocumentView fromPacs = reader.read(wadoRs(local, local.sopInstanceUid()));

    assertThat(fromPacs.title()).isEqualTo(fromFile.title());
    assertThat(fromPacs.template()).isEqualTo("TID 1500");
    // DICOM JSON carries DS values as JSON numbers ("10.0" comes back as 10): equal in value
    assertThat(fromPacs.findings()).hasSameSizeAs(fromFile.findings()).isNotEmpty();
    for (int i = 0; i < fromFile.findings().size(); i++) {
      var a = fromPacs.findings().get(i);
      var b = fromFile.findings().get(i);
      assertThat(a.trackingIdentifier()).isEqualTo(b.trackingIdentifier());
      assertThat(a.type()).isEqualTo(b.type());
      assertThat(a.measurements()).hasSameSizeAs(b.measurements());
      for (int m = 0; m < b.measurements().size(); m++) {
        assertThat(a.measurements().get(m).value())
            .isEqualByComparingTo(b.measurements().get(m).value());
      }
    }
    assertThat(labels(fromPacs.root()))
        .isEqualTo(labels(fromFile.root()))
        .contains("Finding: Nodule");
  }

  @Test
  void anInstanceThePacsDoesNotHaveSaysSoNamingTheUri() throws Exception {
    SrDocument local = StructuredReportReader.create().read(SR);
    LoadedInstance missing = wadoRs(local, "2.25.1234567890");
    assertThatThrownBy(() -> SrDocumentReaders.srImporter().read(missing))
        .hasMessageContaining(missing.location() + "/metadata")
        .hasMessageContaining("HTTP 404");
  }

  private static java.util.List<String> labels(SrDocumentView.SrNode root) {
    java.util.List<String> all = new java.util.ArrayList<>();
    java.util.ArrayDeque<SrDocumentView.SrNode> todo = new java.util.ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      SrDocumentView.SrNode n = todo.pop();
      all.add(n.label());
      for (int i = n.children().size() - 1; i >= 0; i--) {
        todo.push(n.children().get(i));
      }
    }
    return all;
  }

  private static int freePort() throws Exception {
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
