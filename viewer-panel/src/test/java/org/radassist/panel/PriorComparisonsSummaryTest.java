package org.radassist.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radassist.model.StudyContext;
import org.radassist.priors.ComparisonSummary;
import org.radassist.priors.LookupStatus;
import org.radassist.priors.SizeMetric;
import org.radassist.priors.TrendPoint;
import org.radassist.priors.TrendSeries;

class PriorComparisonsSummaryTest {
  private final StudyContext current = StudyContext.ofStudy("1.2.3");

  @Test
  void theParagraphAndOneTrendPerMatchedFindingReachTheTab() {
    TrendSeries rul =
        new TrendSeries(
            "Nodule, right upper lobe",
            "1.2.9",
            "Nodule 1",
            SizeMetric.MEAN_DIAMETER,
            List.of(
                new TrendPoint(LocalDate.of(2025, 11, 20), "1.2.1", new BigDecimal("6.0"), null),
                new TrendPoint(LocalDate.of(2026, 11, 29), "1.2.3", new BigDecimal("8.2"), null)));
    ComparisonSummary summary =
        new ComparisonSummary(
            current,
            "Comparison: CT chest of 2025-11-20. The nodule has increased.",
            null,
            null,
            null,
            List.of(rul),
            null,
            LookupStatus.OK,
            null,
            null);
    PriorComparison panel = PriorComparisons.toPanel(summary).orElseThrow();
    assertThat(panel.summary()).startsWith("Comparison: CT chest of 2025-11-20");
    assertThat(panel.trends())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.unit()).isEqualTo("mm");
              assertThat(t.points())
                  .extracting(PriorComparison.TrendPoint::value)
                  .containsExactly(6.0, 8.2);
            });
  }

  @Test
  void thePriorsComparedCarryTheSentencesOfTheChangesSinceThem() {
    StudyContext older =
        new StudyContext(
            "1.2.1",
            null,
            null,
            null,
            null,
            null,
            null,
            List.of("CT"),
            "CHEST",
            LocalDate.of(2024, 11, 20),
            "CT chest");
    StudyContext newer =
        new StudyContext(
            "1.2.2",
            null,
            null,
            null,
            null,
            null,
            null,
            List.of("CT"),
            "CHEST",
            LocalDate.of(2025, 11, 20),
            "CT chest");
    org.radassist.priors.ChangeRecord grew =
        new org.radassist.priors.ChangeRecord(
            org.radassist.priors.ChangeKind.INCREASED,
            "nodule in the right upper lobe",
            null,
            null,
            null,
            null,
            "1.2.2",
            LocalDate.of(2025, 11, 20),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            false,
            null,
            null,
            "The nodule in the right upper lobe has increased.");
    ComparisonSummary summary =
        new ComparisonSummary(
            current,
            "Comparison: CT chest of 2025-11-20 and 2024-11-20.",
            List.of(newer, older),
            List.of(grew),
            null,
            null,
            null,
            LookupStatus.OK,
            null,
            null);
    assertThat(PriorComparisons.toPanel(summary).orElseThrow().compared())
        .containsExactly(
            new PriorComparison.ComparedPrior(
                newer, "The nodule in the right upper lobe has increased."),
            new PriorComparison.ComparedPrior(older, ""));
  }

  @Test
  void anUnreachablePacsIsSaidInsteadOfAParagraph() {
    ComparisonSummary down =
        new ComparisonSummary(
            current,
            "",
            null,
            null,
            null,
            null,
            null,
            LookupStatus.UNAVAILABLE,
            "PACS unreachable: connect timed out after 3 s",
            null);
    assertThat(PriorComparisons.toPanel(down))
        .hasValueSatisfying(p -> assertThat(p.summary()).startsWith("PACS unreachable"));
    ComparisonSummary none =
        new ComparisonSummary(current, "", null, null, null, null, null, LookupStatus.OK, "", null);
    assertThat(PriorComparisons.toPanel(none)).isEmpty();
  }
}
