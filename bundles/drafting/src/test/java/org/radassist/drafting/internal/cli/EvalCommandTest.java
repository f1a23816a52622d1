package org.radassist.drafting.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        .contains("usage: radassist eval impressions --reports CSV [--json]");
  }
}
