package org.radassist.cli.draft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.model.ModelJson;

class DraftCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(byte[] stdin, String... args) {
    return new DraftCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            new ByteArrayInputStream(stdin))
        .run(args);
  }

  @Test
  void printsTheDraftAsJsonInTheIssuesShape() throws Exception {
    byte[] dictation =
        ("findings colon new 8.2 mm solid nodule rul period the prostate is normal period"
                + " impression colon lung rads 3")
            .getBytes(StandardCharsets.UTF_8);
    int rc =
        run(dictation, "--json", "--sex", "F", "--age", "67", "--indication", "screening", "-");
    assertThat(rc).isZero();
    JsonNode j = ModelJson.newMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(j.get("sections").fieldNames())
        .toIterable()
        .containsExactly("clinical_history", "comparison", "findings", "impression");
    for (String key :
        new String[] {"impressions", "differentials", "structured_fields", "flags", "codes"}) {
      assertThat(j.get(key).isArray()).as(key).isTrue();
    }
    JsonNode field = j.get("structured_fields").get(0);
    assertThat(field.get("system").asText()).isEqualTo("Lung-RADS");
    for (String key : new String[] {"field", "value", "evidence", "confidence", "status"}) {
      assertThat(field.has(key)).as(key).isTrue();
    }
    assertThat(j.get("flags").findValuesAsText("type"))
        .contains("SEX_MISMATCH", "CATEGORY_MANAGEMENT_MISMATCH");
    JsonNode flag = j.get("flags").get(0);
    for (String key : new String[] {"type", "severity", "message", "evidence"}) {
      assertThat(flag.has(key)).as(key).isTrue();
    }
  }

  @Test
  void whatDraftJsonPrintsIsWhatSrWriteTakes(@TempDir Path dir) throws Exception {
    byte[] dictation =
        "findings: new 8.2 mm solid nodule right upper lobe. impression: lung rads 4a."
            .getBytes(StandardCharsets.UTF_8);
    assertThat(run(dictation, "--json", "--age", "67", "-")).isZero();
    Path draft = dir.resolve("draft.json");
    Files.write(draft, out.toByteArray());
    Path sr = dir.resolve("draft-sr.dcm");
    ByteArrayOutputStream srErr = new ByteArrayOutputStream();

    // the sr command as the launcher runs it (its constructor is package-private)
    var srCommand =
        org.radassist.cli.sr.SrCommand.class.getDeclaredConstructor(
            PrintStream.class, PrintStream.class);
    srCommand.setAccessible(true);
    Object command =
        srCommand.newInstance(
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(srErr, true, StandardCharsets.UTF_8));
    var runMethod = command.getClass().getDeclaredMethod("run", String[].class);
    runMethod.setAccessible(true);
    int rc =
        (int)
            runMethod.invoke(
                command,
                (Object)
                    new String[] {"write", "--draft", draft.toString(), "--out", sr.toString()});

    assertThat(rc).as(srErr.toString(StandardCharsets.UTF_8)).isZero();
    org.radassist.sr.SrDocument written = org.radassist.sr.StructuredReportReader.create().read(sr);
    assertThat(written.items())
        .as("the draft's findings text is in the SR")
        .anyMatch(i -> i.value() != null && i.value().display().contains("8.2 mm solid nodule"));
  }

  @Test
  void printsReadableTextByDefault(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("d.txt");
    Files.writeString(f, "no acute fx");
    assertThat(run(new byte[0], f.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("FINDINGS:\nNo acute fracture or dislocation is identified.");
  }

  @Test
  void badInputGivesOneLinePerProblemAndExitOne(@TempDir Path dir) throws Exception {
    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "  \n");
    Path binary = dir.resolve("bin.dat");
    Files.write(binary, new byte[] {'a', 0, 'b'});
    Path latin1 = dir.resolve("latin1.txt");
    Files.write(latin1, new byte[] {'c', 'a', 'f', (byte) 0xE9});
    assertThat(run(new byte[0], empty.toString())).isEqualTo(1);
    assertThat(run(new byte[0], binary.toString())).isEqualTo(1);
    assertThat(run(new byte[0], latin1.toString())).isEqualTo(1);
    assertThat(run(new byte[0], dir.resolve("missing.txt").toString())).isEqualTo(1);
    assertThat(run(new byte[0], "--endpoint", "ftp://x", "--age", "old", empty.toString()))
        .isEqualTo(1);
    assertThat(run(new byte[0], "--template", "mrrt:none", "--templates", dir.toString(), "-"))
        .isEqualTo(1);
    String e = err.toString(StandardCharsets.UTF_8);
    assertThat(e)
        .contains(empty + ": dictation is empty")
        .contains(binary + ": binary data (NUL byte at offset 1)")
        .contains(latin1 + ": not valid UTF-8 text")
        .contains("missing.txt: no such file")
        .contains("--endpoint: expected an http:// or https:// URL, was \"ftp://x\"")
        .contains("--age: not a whole number")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(out.size()).isZero();
  }

  @Test
  void anUnknownTemplateIsNamed() {
    int rc = run("lungs clear".getBytes(StandardCharsets.UTF_8), "--template", "mrrt:none", "-");
    assertThat(rc).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("radassist draft: standard input: unknown template \"mrrt:none\"\n");
  }

  @Test
  void readsTheStudyContextFromDicomHeaders() {
    Path dir = org.radassist.drafting.internal.engine.SharedData.dir().resolve("data/dicom/img");
    StudyHeader.Result header = StudyHeader.read(dir);
    assertThat(header.problem()).isNull();
    assertThat(header.modality()).isNotBlank();
    int rc = run("lungs clear".getBytes(StandardCharsets.UTF_8), "--study", dir.toString(), "-");
    assertThat(rc).isZero();
    assertThat(StudyHeader.read(dir.resolve("nope")).problem()).isEqualTo("not a directory");
    assertThat(StudyHeader.ageYears("067Y")).isEqualTo(67);
    assertThat(StudyHeader.ageYears("006M")).isZero();
    assertThat(StudyHeader.ageYears("")).isNull();
  }

  @Test
  void readsAiMeasurementsFromTheStudysSrDocuments() {
    Path sr =
        org.radassist.drafting.internal.engine.SharedData.dir()
            .resolve("data/dicom/sr/dwv_tid1500-0_sr-ruler.dcm");
    java.util.List<org.radassist.model.Finding> findings = StudyHeader.findings(sr);
    assertThat(findings).isNotEmpty();
    // mapped by the one request factory, with the contract's spelling of the source
    org.radassist.drafting.AiResult ai =
        org.radassist.drafting.request.DraftRequestFactory.newSession()
            .aiResult(findings.get(0), org.radassist.model.StudyContext.ofStudy("1.2.3"));
    assertThat(ai.source()).isEqualTo("sr:TID1500");
    assertThat(ai.sizeMm()).isCloseTo(4.025, org.assertj.core.api.Assertions.within(0.001));
    assertThat(StudyHeader.findings(sr.resolveSibling("no-such.dcm"))).isEmpty();
  }

  @Test
  void theDeadlineForADraftFromTheServiceIsASetting(@TempDir Path dir) throws Exception {
    // A drafting service that starts the draft and then only sends heartbeats, as one in front
    // of a slow CPU model does: the client's deadline, not the service, ends the wait.
    com.sun.net.httpserver.HttpServer slow =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    slow.createContext(
        "/v1/drafts",
        ex -> {
          ex.getRequestBody().readAllBytes();
          ex.getResponseHeaders().add("Content-Type", "text/event-stream");
          ex.sendResponseHeaders(200, 0);
          try (var body = ex.getResponseBody()) {
            body.write(
                ("id: 1\nevent: draft.started\ndata: {\"draft_id\":\"d-1\",\"model\":"
                        + "{\"name\":\"slow\",\"version\":\"\",\"provider\":\"\"}}\n\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.flush();
            for (int i = 0; i < 50; i++) { // at most 5 s
              Thread.sleep(100);
              body.write(": ping\n\n".getBytes(StandardCharsets.UTF_8));
              body.flush();
            }
          } catch (Exception clientGone) {
            // the client gave up: what the test expects
          }
        });
    slow.start();
    try {
      Path f = dir.resolve("d.txt");
      Files.writeString(f, "Findings: new 8 mm nodule in the right upper lobe.");
      String url = "http://127.0.0.1:" + slow.getAddress().getPort();
      long start = System.nanoTime();
      int rc = run(new byte[0], "--endpoint", url, "--deadline-ms", "800", f.toString());
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertThat(rc).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("d.txt").contains("PT0.8S");
      assertThat(ms).isBetween(700L, 4_000L);
      assertThat(run(new byte[0], "--deadline-ms", "0", "--idle-timeout-ms", "x", f.toString()))
          .isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("--deadline-ms: must be 1 to 3600000 ms, was 0")
          .contains("--idle-timeout-ms: not a whole number of milliseconds: \"x\"");
    } finally {
      slow.stop(0);
    }
  }
}
