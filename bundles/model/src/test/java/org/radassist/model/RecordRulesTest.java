package org.radassist.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordRulesTest {

  @ParameterizedTest
  @CsvSource({"8.2, mm, 8.2", "0.82, cm, 8.2", "820, um, 0.82", "0.0082, m, 8.2"})
  void lengthsConvertToMillimetres(String value, String unit, double mm) {
    Measurement m = Measurement.of(CodedConcept.of("G-D7FE", "SRT", "Diameter"), value, unit);
    assertThat(m.lengthInMillimetres())
        .hasValueSatisfying(
            v -> assertThat(v).isCloseTo(mm, org.assertj.core.data.Offset.offset(1e-9)));
  }

  @Test
  void volumesConvertAndNonLengthsDoNot() {
    Measurement ml = Measurement.of(CodedConcept.of("118565006", "SCT", "Volume"), "1.5", "ml");
    assertThat(ml.volumeInCubicMillimetres()).contains(1500.0);
    assertThat(ml.lengthInMillimetres()).isEmpty();
  }

  @Test
  void recordsCopyTheirListsSoLaterChangesDoNotLeakIn() {
    List<String> params = new ArrayList<>(List.of("a"));
    AlgorithmIdentification algo = new AlgorithmIdentification("X", "1", params);
    params.add("b");
    assertThat(algo.parameters()).containsExactly("a");
    assertThatThrownBy(() -> algo.parameters().add("c"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void draftRejectsRepeatedSectionKinds() {
    assertThatThrownBy(
            () ->
                new DraftReport(
                    "d",
                    null,
                    new ModelInfo("m", null, null),
                    List.of(
                        Section.drafted(SectionKind.FINDINGS, "a"),
                        Section.drafted(SectionKind.FINDINGS, "b")),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    java.time.Instant.EPOCH))
        .hasMessageContaining("must not repeat a section kind");
  }

  @Test
  void criticalFlagsNeedTheirCategoryAndIncompleteFieldsNameWhatIsMissing() {
    assertThatThrownBy(() -> Flag.of(FlagType.CRITICAL_RESULT, Severity.CRITICAL, "PE", List.of()))
        .hasMessageContaining("needs its critical category");
    assertThatThrownBy(
            () -> Flag.of(FlagType.ACTIONABLE_FINDING, Severity.WARNING, "renal mass", List.of()))
        .hasMessageContaining("needs its critical category");
    assertThatThrownBy(
            () ->
                new StructuredField(
                    ScoringSystem.LUNG_RADS,
                    "2022",
                    "category",
                    "",
                    List.of(),
                    0.5,
                    FieldStatus.INCOMPLETE,
                    List.of(),
                    "r",
                    null))
        .hasMessageContaining("must name what is missing");
  }

  @Test
  void evidenceSpansAreOrderedAndQuoteTheirText() {
    Evidence e = Evidence.of(SectionKind.FINDINGS, "no acute fracture", 3, 8);
    assertThat(e.quote()).isEqualTo("acute");
    assertThatThrownBy(() -> new Evidence(SectionKind.FINDINGS, 5, 2, ""))
        .hasMessageContaining("0 <= start <= end");
  }

  @Test
  void sectionTitlesAndCodesFollowIheIdr() {
    assertThat(SectionKind.CLINICAL_HISTORY.title()).isEqualTo("Clinical History");
    assertThat(SectionKind.IMPRESSION.code().code()).isEqualTo("19005-8");
    assertThat(ReviewState.EDITED.isFinal()).isTrue();
    assertThat(ReviewState.PENDING.isFinal()).isFalse();
  }

  @Test
  void categoriesOneAndTwoAreCriticalResultsAndCategoryThreeIsAnActionableFinding() {
    List<String> comm = List.of("who", "when", "how");
    Flag pe =
        new Flag(
            FlagType.CRITICAL_RESULT,
            Severity.CRITICAL,
            "PE",
            List.of(),
            CriticalCategory.CATEGORY_1,
            comm);
    Flag renal =
        new Flag(
            FlagType.ACTIONABLE_FINDING,
            Severity.WARNING,
            "renal mass",
            List.of(),
            CriticalCategory.CATEGORY_3,
            comm);
    assertThat(pe.type().needsCommunication()).isTrue();
    assertThat(renal.type().needsCommunication()).isTrue();
    assertThat(FlagType.LATERALITY_MISMATCH.needsCommunication()).isFalse();
    DraftReport withActionable = ModelJsonTest.sampleDraft();
    assertThat(withActionable.hasActionableFinding()).isTrue();
    assertThat(withActionable.hasCriticalResult()).as("no banner for category 3").isFalse();
    assertThatThrownBy(
            () ->
                new Flag(
                    FlagType.CRITICAL_RESULT,
                    Severity.WARNING,
                    "renal mass",
                    List.of(),
                    CriticalCategory.CATEGORY_3,
                    comm))
        .hasMessageContaining("category 3 is an ACTIONABLE_FINDING");
    assertThatThrownBy(
            () ->
                new Flag(
                    FlagType.ACTIONABLE_FINDING,
                    Severity.CRITICAL,
                    "PE",
                    List.of(),
                    CriticalCategory.CATEGORY_2,
                    comm))
        .hasMessageContaining("categories 1-2 are a CRITICAL_RESULT");
  }
}
