package org.radassist.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;

class CaseCorpusTest {
  /** The committed corpus, relative to the module directory. */
  static final Path CORPUS = Path.of("../bundles/drafting/eval/cases");

  /**
   * The independent holdouts (holdout-2, holdout-3, ...): each written by someone who never read
   * the engine, never used for tuning, so they stand outside the seeded dev / holdout split
   * (docs/drafting.md).
   */
  static boolean independent(String split) {
    return split.matches("holdout-\\d+");
  }

  @Test
  void everyCommittedCaseParsesAndSitsInTheSplitItsIdHashesTo() throws Exception {
    List<CaseCorpus.Located> cases = CaseCorpus.read(CORPUS);
    assertThat(cases).hasSizeGreaterThanOrEqualTo(300);
    for (CaseCorpus.Located c : cases) {
      assertThat(c.evalCase().dictation()).as(c.evalCase().id()).isNotBlank();
      if (independent(c.split())) {
        continue;
      }
      assertThat(c.split())
          .as("split of %s (%s)", c.evalCase().id(), c.file())
          .isEqualTo(CaseCorpus.splitOf(c.evalCase().id()));
    }
    assertThat(cases).filteredOn(c -> c.split().equals("holdout-2")).hasSizeGreaterThan(200);
    assertThat(cases)
        .filteredOn(c -> c.split().equals("holdout-3"))
        .hasSizeGreaterThanOrEqualTo(300);
  }

  @Test
  void caseIdsAreUniqueAcrossTheWholeCorpus() throws Exception {
    List<String> ids = CaseCorpus.read(CORPUS).stream().map(c -> c.evalCase().id()).toList();
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void theSplitIsSeededAndAboutSeventyThirty() {
    long holdout =
        java.util.stream.IntStream.range(0, 10_000)
            .mapToObj(i -> "case-" + i)
            .filter(id -> CaseCorpus.splitOf(id).equals("holdout"))
            .count();
    assertThat(holdout).isBetween(2_800L, 3_200L);
    assertThat(CaseCorpus.splitOf("lr-solid-baseline-1"))
        .isEqualTo(CaseCorpus.splitOf("lr-solid-baseline-1"));
  }

  @Test
  void aCaseLineIsReadWithItsExpectationsAndAbsences(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("dev"));
    Files.writeString(
        dir.resolve("dev/a.jsonl"),
        "// comment\n\n"
            + "{\"id\":\"x1\",\"modality\":\"ct\",\"body_part\":\"chest\",\"context\":\"screening\","
            + "\"age\":64,\"sex\":\"F\",\"priors\":[{\"days\":-365,\"findings\":\"4 mm nodule.\"}],"
            + "\"dictation\":\"Findings: 5 mm nodule.\",\"expect\":{\"lung-rads\":\"3\","
            + "\"BI-RADS.composition\":\"c\"},\"flags\":[\"LATERALITY_MISMATCH\"],"
            + "\"absent\":{\"systems\":[\"Fleischner\"],\"flags\":[\"CRITICAL_RESULT\"]}}\n");
    EvalCase c = CaseCorpus.read(dir).get(0).evalCase();
    assertThat(c.expect())
        .containsEntry("Lung-RADS", "3")
        .containsEntry("BI-RADS.composition", "c");
    assertThat(c.absentSystems()).containsExactly(ScoringSystem.FLEISCHNER);
    assertThat(c.flags()).containsExactly(FlagType.LATERALITY_MISMATCH);
    assertThat(c.absentFlags()).containsExactly(FlagType.CRITICAL_RESULT);
    assertThat(c.request().study().procedure().code()).isEqualTo("71271");
    assertThat(c.request().priors().get(0).relativeDays()).isEqualTo(-365);
    assertThat(c.request().patient().ageYears()).isEqualTo(64);
  }

  @Test
  void aBadLineIsNamedByFileLineAndReason(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("b.jsonl"),
        "{\"id\":\"x1\",\"modality\":\"CT\",\"body_part\":\"CHEST\",\"context\":\"screening\","
            + "\"dictation\":\"Findings: none.\",\"expect\":{\"Lung-RAD\":\"1\"}}\n");
    assertThatThrownBy(() -> CaseCorpus.read(dir))
        .hasMessageContaining("b.jsonl:1")
        .hasMessageContaining("unknown scoring system \"Lung-RAD\"");
    Files.writeString(
        dir.resolve("b.jsonl"),
        "{\"id\":\"x1\",\"modality\":\"CT\",\"body_part\":\"CHEST\",\"context\":\"screening\","
            + "\"dictation\":\"a\"}\n{\"id\":\"x1\",\"modality\":\"CT\",\"body_part\":\"CHEST\","
            + "\"context\":\"screening\",\"dictation\":\"b\"}\n");
    assertThatThrownBy(() -> CaseCorpus.read(dir))
        .hasMessageContaining("b.jsonl:2")
        .hasMessageContaining("case id x1 repeats");
  }

  @Test
  void theCorpusCoversEverySystemAndEveryCheckedFlagBothWays() throws Exception {
    List<EvalCase> cases =
        CaseCorpus.read(CORPUS).stream().map(CaseCorpus.Located::evalCase).toList();
    for (ScoringSystem s : ScoringSystem.values()) {
      assertThat(cases.stream().filter(c -> c.expect().containsKey(s.label())).count())
          .as("cases expecting %s", s.label())
          .isGreaterThanOrEqualTo(15);
      assertThat(cases.stream().filter(c -> c.absentSystems().contains(s)).count())
          .as("cases where %s must stay absent", s.label())
          .isGreaterThanOrEqualTo(10);
    }
    for (FlagType f :
        List.of(
            FlagType.LATERALITY_MISMATCH,
            FlagType.MEASUREMENT_MISMATCH,
            FlagType.FINDING_NOT_IN_IMPRESSION,
            FlagType.CATEGORY_MANAGEMENT_MISMATCH,
            FlagType.CRITICAL_RESULT,
            FlagType.ACTIONABLE_FINDING)) {
      assertThat(cases.stream().filter(c -> c.flags().contains(f)).count())
          .as("cases expecting %s", f)
          .isGreaterThanOrEqualTo(7);
      assertThat(cases.stream().filter(c -> c.absentFlags().contains(f)).count())
          .as("counterparts where %s must stay silent", f)
          .isGreaterThanOrEqualTo(7);
    }
  }
}
