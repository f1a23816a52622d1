package org.radassist.cli.sr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.model.ModelJson;
import org.radassist.sr.ReportView;
import org.radassist.sr.SharedData;
import org.radassist.sr.SrDocument;
import org.radassist.sr.StructuredReportReader;
import org.radassist.sr.WriterFixtures;

/** The {@code radassist sr} commands: exit codes, one line per problem, never a stack trace. */
class SrCommandTest {
  @TempDir Path dir;

  private record Outcome(int rc, String out, String err) {}

  private Outcome run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc =
        new SrCommand(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(args);
    return new Outcome(
        rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static String sr(String name) {
    return SharedData.dicom("sr").resolve(name).toString();
  }

  private static String nasty(String name) {
    return SharedData.dicom("nasty").resolve(name).toString();
  }

  @Test
  void dumpPrintsTheIndentedTree() {
    Outcome o = run("dump", sr("offis_reportlp.dcm"));
    assertThat(o.rc()).isZero();
    assertThat(o.out())
        .contains("1  <CONTAINER:(TST.01,99_OFFIS_DCMTK,\"Document Title\")=SEPARATE>")
        .contains("    1.1.1  <inferred from 1.2 (cycle)>");
  }

  @Test
  void dumpJsonListsEveryItemWithPositionTypeAndConcept() throws Exception {
    Outcome o = run("dump", "--json", sr("highdicom_sr_document.dcm"));
    assertThat(o.rc()).isZero();
    JsonNode doc = new ObjectMapper().readTree(o.out()).get(0);
    assertThat(doc.get("item_count").asInt()).isEqualTo(doc.get("items").size()).isEqualTo(21);
    JsonNode num = null;
    for (JsonNode i : doc.get("items")) {
      if (i.get("value_type").asText().equals("NUM")) {
        num = i;
      }
    }
    assertThat(num).isNotNull();
    assertThat(num.get("position").asText()).matches("1(\\.\\d+)+");
    assertThat(num.get("relationship").asText()).isEqualTo("CONTAINS");
    assertThat(num.get("units").get("scheme").asText()).isEqualTo("UCUM");
    assertThat(num.get("concept").get("meaning").asText()).isNotBlank();
  }

  @Test
  void badFilesGiveOneLineEachAndExitOne() {
    Outcome o =
        run(
            "dump",
            nasty("orthanc_Deeply-Nested-Sequence.dcm"),
            nasty("orthanc_XSSInjection.dcm"),
            dir.resolve("missing.dcm").toString(),
            sr("offis_report01.dcm"));
    assertThat(o.rc()).isEqualTo(1);
    assertThat(o.err().lines())
        .hasSize(3)
        .allSatisfy(l -> assertThat(l).doesNotContain("\tat ").doesNotContain("Exception:"));
    assertThat(o.err())
        .contains("orthanc_Deeply-Nested-Sequence.dcm: sequences nested more than")
        .contains("orthanc_XSSInjection.dcm: not a structured report")
        .contains("missing.dcm: cannot read file");
    assertThat(o.out()).contains("Consultation Report");
  }

  @Test
  void narrativeAndFindingsAndValidate() throws Exception {
    Outcome n = run("narrative", sr("highdicom_sr_document_with_multiple_groups.dcm"));
    assertThat(n.rc()).isZero();
    assertThat(n.out()).contains("10 mm Nodule [LungNodule0001], Lung");

    Outcome f = run("findings", "--json", sr("highdicom_sr_document_with_multiple_groups.dcm"));
    assertThat(f.rc()).isZero();
    JsonNode findings = new ObjectMapper().readTree(f.out()).get(0).get("findings");
    assertThat(findings).hasSize(4);
    assertThat(findings.get(1).get("tracking_identifier").asText()).isEqualTo("LungNodule0001");

    Outcome ok = run("validate", sr("highdicom_sr_document.dcm"));
    assertThat(ok.rc()).isZero();
    assertThat(ok.out()).contains("OK");
    Outcome bad = run("validate", sr("offis_reportki.dcm"), nasty("dwv_dwv034_sr-ruler.dcm"));
    assertThat(bad.rc()).isEqualTo(1);
    assertThat(bad.err())
        .contains("offis_reportki.dcm: ERROR")
        .contains("not a valid UID")
        .contains("dwv_dwv034_sr-ruler.dcm: ERROR")
        .contains("SOP Instance UID (0008,0018) is missing");
  }

  @Test
  void writeMakesADraftInTheSourceStudy() throws Exception {
    ObjectMapper mapper = ModelJson.newMapper();
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("draft", WriterFixtures.draft());
    input.put("findings", WriterFixtures.findings());
    Path draft = dir.resolve("draft.json");
    mapper.writeValue(draft.toFile(), input);
    Path study = Files.createDirectory(dir.resolve("study"));
    Files.createSymbolicLink(
        study.resolve("ct.dcm"), SharedData.dicom("img").resolve("pydicom_CT_small.dcm"));
    Path out = dir.resolve("draft.dcm");

    Outcome o =
        run(
            "write",
            "--draft",
            draft.toString(),
            "--study",
            study.toString(),
            "--out",
            out.toString());

    assertThat(o.err()).isEmpty();
    assertThat(o.rc()).isZero();
    SrDocument d = StructuredReportReader.create().read(out);
    assertThat(d.studyInstanceUid()).isEqualTo(WriterFixtures.STUDY);
    assertThat(d.evidence()).hasSize(1);
    assertThat(d.preliminaryFlag()).isEqualTo("PRELIMINARY");
    assertThat(ReportView.of(d).findings()).hasSize(2);

    Outcome bad =
        run("write", "--draft", study.resolve("ct.dcm").toString(), "--out", out.toString());
    assertThat(bad.rc()).isEqualTo(1);
    assertThat(bad.err()).startsWith(study.resolve("ct.dcm") + ": not a DraftReport JSON");
  }

  @Test
  void stowRefusesUncheckedFilesWithoutContactingThePacs() {
    Outcome o =
        run(
            "stow",
            "--url",
            "http://127.0.0.1:9/dicom-web",
            nasty("orthanc_Deeply-Nested-Sequence.dcm"),
            nasty("dwv_dwv034_sr-arrow.dcm"));
    assertThat(o.rc()).isEqualTo(1);
    assertThat(o.err()).contains("refused, not sent").doesNotContain("STOW-RS failed");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run().rc()).isEqualTo(2);
    assertThat(run("frobnicate").rc()).isEqualTo(2);
    assertThat(run("dump").rc()).isEqualTo(2);
    assertThat(run("write", "--out", "x").rc()).isEqualTo(2);
  }
}
