package org.radassist.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.internal.engine.SharedData;
import org.radassist.model.ModelJson;

class EvalCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return new EvalCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
  }

  @Test
  void scoresGeneratedImpressionsAgainstTheReferences(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("r.csv");
    Files.writeString(
        csv,
        "uid,indication,findings,impression\n"
            + "1,cough,\"The lungs are clear. No pneumothorax, effusion, or nodules.\",No acute cardiopulmonary abnormality.\n"
            + "2,dyspnea,Large left pleural effusion. The heart is normal.,Large left pleural effusion.\n"
            + "3,pain,Right lower lobe consolidation.,No acute disease.\n");
    assertThat(run("impressions", "--reports", csv.toString(), "--json")).isZero();
    JsonNode j = ModelJson.newMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(j.get("reports").asInt()).isEqualTo(3);
    // reports 1 and 2 are reproduced word for word, report 3 not at all
    assertThat(j.get("rouge_l_f1").asDouble()).isEqualTo(0.6667);
    assertThat(j.get("rule_label_f1_per_label").get("Pleural Effusion").asDouble()).isEqualTo(1.0);
    assertThat(j.get("flag_counts_on_original_reports").get("FINDING_NOT_IN_IMPRESSION").asInt())
        .isEqualTo(1);
    assertThat(j.get("labeller").asText()).contains("not CheXbert");
  }

  @Test
  void badArgumentsAndFilesAreNamed(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "a,b\n1,2\n");
    assertThat(run("impressions", "--reports", csv.toString())).isEqualTo(1);
    assertThat(run("summaries")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("bad.csv: needs the columns findings and impression")
        .contains("usage: radassist eval impressions --reports CSV [--json]")
        .contains("radassist eval cases DIR");
  }

  @Test
  void meshScoresPositiveFindingsPerHeadingWithSidesAndNormality(@TempDir Path dir)
      throws Exception {
    Path csv = dir.resolve("iu.csv");
    Files.writeString(
        csv,
        "uid,MeSH,indication,findings,impression\n"
            + "1,normal,cough,The lungs are clear. No pleural effusion or pneumothorax.,No acute disease.\n"
            + "2,Pleural Effusion/left/small,dyspnea,Small left pleural effusion.,Small left pleural effusion.\n"
            + "3,Pleural Effusion/right;Calcified Granuloma/lung/upper lobe/right,pain,"
            + "Small left pleural effusion.,Small left effusion.\n"
            + "4,normal,pain,Moderate right pneumothorax.,Right pneumothorax.\n"
            + "5,No Indexing,pain,Heart is normal.,Normal.\n");
    assertThat(run("mesh", "--reports", csv.toString(), "--examples", "2")).isZero();
    String o = out.toString(StandardCharsets.UTF_8);
    assertThat(o).contains("4 indexed reports (1 'No Indexing', 0 skipped)");
    assertThat(o).contains("normal vs abnormal: agreement 0.7500");
    // effusion found in both reports that carry it; the side agrees in 2, differs in 3
    assertThat(o).containsPattern("pleural effusion +2 +0 +0 +1\\.0000 +1\\.0000 +1/1/0 of 2");
    assertThat(o).containsPattern("pneumothorax +0 +1 +0 +0\\.0000");
    assertThat(o).containsPattern("granuloma +0 +0 +1 ");
    assertThat(o).contains("3: MeSH [Pleural Effusion/right], RadAssist [left]");
    assertThat(o).contains("4: RadAssist: RID5352/right");
  }

  @Test
  void meshReadsTheSharedIndianaReportsByPath() {
    Path csv = SharedData.dir().resolve("data/reports/indiana_reports.csv");
    assertThat(run("mesh", "--reports", csv.toString(), "--limit", "30", "--examples", "0"))
        .isZero();
    String o = out.toString(StandardCharsets.UTF_8);
    assertThat(o).containsPattern("MeSH agreement on .*indiana_reports.csv: \\d+ indexed reports");
    assertThat(o).containsPattern("all headings \\(micro\\) +\\d+ +\\d+ +\\d+ +[01]\\.\\d{4}");
  }

  @Test
  void casesPrintsFiguresAndMissesAndGatesOnlyWhenAsked(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("dev"));
    Files.writeString(
        dir.resolve("dev/c.jsonl"),
        "{\"id\":\"neg-1\",\"modality\":\"CT\",\"body_part\":\"CHEST\",\"context\":\"screening\","
            + "\"indication\":\"Lung cancer screening.\",\"age\":60,"
            + "\"dictation\":\"Findings: No pulmonary nodules. Impression: Negative screening CT.\","
            + "\"expect\":{\"Lung-RADS\":\"1\"}}\n"
            + "{\"id\":\"wrong-1\",\"modality\":\"CT\",\"body_part\":\"CHEST\",\"context\":\"screening\","
            + "\"indication\":\"Lung cancer screening.\",\"age\":60,"
            + "\"dictation\":\"Findings: No pulmonary nodules. Impression: Negative screening CT.\","
            + "\"expect\":{\"Lung-RADS\":\"4B\"}}\n");
    assertThat(run("cases", dir.toString())).isZero();
    String o = out.toString(StandardCharsets.UTF_8);
    assertThat(o).contains("2 cases {dev=2}");
    assertThat(o).containsPattern("Lung-RADS +1 +1 +1 +0\\.5000 +0\\.5000 +2");
    assertThat(o).contains("wrong-1  Lung-RADS: expected 4B, got \"1\"");
    assertThat(run("cases", dir.toString(), "--min-recall", "0.9")).isEqualTo(3);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("gate failed: Lung-RADS recall 0.5000 < 0.9000");
  }

  @Test
  void casesNamesABadCorpus(@TempDir Path dir) throws Exception {
    assertThat(run("cases", dir.resolve("missing").toString())).isEqualTo(1);
    Files.writeString(dir.resolve("x.jsonl"), "{\"id\":\"a\"}\n");
    assertThat(run("cases", dir.toString(), "--min-precision", "2")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("missing: not a directory")
        .contains("--min-precision: must be from 0 to 1, was 2");
    assertThat(run("cases", dir.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("x.jsonl:1: a: field \"modality\" is required");
  }
}
