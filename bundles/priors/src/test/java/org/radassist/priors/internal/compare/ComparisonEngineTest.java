package org.radassist.priors.internal.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radassist.priors.testing.Lesions.LLL;
import static org.radassist.priors.testing.Lesions.LUL;
import static org.radassist.priors.testing.Lesions.RML;
import static org.radassist.priors.testing.Lesions.RUL;
import static org.radassist.priors.testing.Lesions.lesion;
import static org.radassist.priors.testing.Lesions.study;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radassist.model.Finding;
import org.radassist.model.StudyContext;
import org.radassist.priors.ChangeKind;
import org.radassist.priors.ChangeRecord;
import org.radassist.priors.ComparisonSummary;
import org.radassist.priors.LookupStatus;
import org.radassist.priors.MatchBasis;
import org.radassist.priors.PriorStudy;
import org.radassist.priors.TrendSeries;

class ComparisonEngineTest {

  private final ComparisonEngine engine = ComparisonEngine.defaults();

  private final StudyContext first = study("1.1", "2024-11-18");
  private final StudyContext second = study("1.2", "2025-11-20");
  private final StudyContext current = study("1.3", "2026-11-19");

  private PriorStudy prior(StudyContext study, Finding... findings) {
    return new PriorStudy(study, 1.0, List.of(findings), "", List.of());
  }

  /** Growth, stability, a new and a resolved nodule over three screening rounds. */
  private ComparisonSummary screeningHistory() {
    PriorStudy round1 =
        prior(
            first,
            lesion("a1").site(RUL).uid("2.25.100").axes("5.0", "5.0", "mm").build(),
            lesion("b1").site(LLL).identifier("Nodule 2").axes("5.0", "4.8", "mm").build());
    PriorStudy round2 =
        prior(
            second,
            lesion("a2").site(RUL).uid("2.25.100").axes("6.0", "6.0", "mm").build(),
            lesion("b2").site(LLL).identifier("Nodule 2").axes("5.1", "5.0", "mm").build(),
            lesion("c2").site(LUL).uid("2.25.300").axes("3.2", "3.0", "mm").build());
    List<Finding> now =
        List.of(
            // the current SR encodes centimetres
            lesion("a3").site(RUL).uid("2.25.100").axes("0.82", "0.82", "cm").build(),
            lesion("b3").site(LLL).identifier("nodule 2").axes("5.0", "5.0", "mm").build(),
            lesion("d3").site(RML).uid("2.25.400").axes("4.0", "4.0", "mm").build());
    // priors arrive in any order
    return engine.compare(current, now, List.of(round1, round2));
  }

  @Test
  void theParagraphReadsAsARadiologistWouldWriteIt() {
    assertThat(screeningHistory().paragraph())
        .isEqualTo(
            "Comparison: CT chest of 2025-11-20 and CT chest of 2024-11-18."
                + " The nodule in the right upper lobe has increased in mean diameter from 6.0 mm"
                + " on 2025-11-20 to 8.2 mm (+2.2 mm, +37% in 12 months). This meets the Lung-RADS"
                + " growth criterion (> 1.5 mm within 12 months)."
                + " New 4.0 mm nodule in the right middle lobe, not seen on 2025-11-20."
                + " The nodule in the left lower lobe is stable at 5.0 mm (5.1 mm on 2025-11-20),"
                + " unchanged since 2024-11-18 (2 years)."
                + " The 3.1 mm nodule in the left upper lobe seen on 2025-11-20 is no longer seen."
                + " Sum of diameters of the 2 lesions measured on both studies: 13.2 mm,"
                + " previously 11.1 mm on 2025-11-20 (+19%).");
  }

  @Test
  void oneRecordPerLesionIncreasedAndNewFirst() {
    List<ChangeRecord> changes = screeningHistory().changes();

    assertThat(changes)
        .extracting(ChangeRecord::kind)
        .containsExactly(
            ChangeKind.INCREASED, ChangeKind.NEW, ChangeKind.STABLE, ChangeKind.RESOLVED);
    ChangeRecord grown = changes.get(0);
    assertThat(grown.trackingUid()).isEqualTo("2.25.100");
    assertThat(grown.priorSizeMillimetres()).isEqualByComparingTo("6.0");
    assertThat(grown.currentSizeMillimetres()).isEqualByComparingTo("8.2");
    assertThat(grown.absoluteChangeMillimetres()).isEqualByComparingTo("2.2");
    assertThat(grown.relativeChangePercent()).isEqualByComparingTo("36.7");
    assertThat(grown.intervalDays()).isEqualTo(364L);
    assertThat(grown.lungRadsGrowth()).isTrue();
    assertThat(grown.match().basis()).isEqualTo(MatchBasis.TRACKING_UID);

    ChangeRecord stable = changes.get(2);
    assertThat(stable.match().basis()).isEqualTo(MatchBasis.TRACKING_IDENTIFIER);
    assertThat(stable.stableSince()).isEqualTo(LocalDate.parse("2024-11-18"));
    assertThat(stable.priorStudyInstanceUid()).isEqualTo("1.2");

    ChangeRecord resolved = changes.get(3);
    assertThat(resolved.current()).isNull();
    assertThat(resolved.priorDate()).isEqualTo(LocalDate.parse("2025-11-20"));
    assertThat(changes.get(1).current().id()).isEqualTo("d3");
  }

  @Test
  void aTrendSeriesPerLesionOldestFirst() {
    List<TrendSeries> trends = screeningHistory().trends();

    assertThat(trends).hasSize(4);
    TrendSeries grown =
        trends.stream().filter(t -> "2.25.100".equals(t.trackingUid())).findFirst().orElseThrow();
    assertThat(grown.points())
        .extracting(p -> p.date() + "=" + p.sizeMillimetres())
        .containsExactly("2024-11-18=5.0", "2025-11-20=6.0", "2026-11-19=8.2");
  }

  @Test
  void noPriorsSaysNone() {
    ComparisonSummary summary =
        engine.compare(
            current, List.of(lesion("a").site(RUL).axes("5", "5", "mm").build()), List.of());

    assertThat(summary.paragraph()).isEqualTo("Comparison: None.");
    assertThat(summary.changes()).isEmpty();
  }

  @Test
  void priorsWithoutMeasurementsAreListedButNothingIsCalledNew() {
    ComparisonSummary summary =
        engine.compare(
            current,
            List.of(lesion("a").site(RUL).axes("5", "5", "mm").build()),
            List.of(new PriorStudy(second, 0.9, List.of(), "Report text", List.of())));

    assertThat(summary.paragraph())
        .isEqualTo(
            "Comparison: CT chest of 2025-11-20. No prior measurements are available for"
                + " comparison.");
    assertThat(summary.changes()).isEmpty();
  }

  @Test
  void anUnreachablePacsIsSaidPlainly() {
    ComparisonSummary summary =
        engine.compare(
            current,
            List.of(),
            List.of(),
            LookupStatus.UNAVAILABLE,
            "PACS unreachable: connect timed out",
            List.of());

    assertThat(summary.paragraph())
        .isEqualTo(
            "Comparison: prior studies could not be retrieved (PACS unreachable: connect timed"
                + " out).");
  }

  @Test
  void laterStudiesAreNotPriors() {
    ComparisonSummary summary =
        engine.compare(
            second,
            List.of(lesion("a").site(RUL).axes("5", "5", "mm").build()),
            List.of(prior(current, lesion("x").site(RUL).axes("9", "9", "mm").build())));

    assertThat(summary.priorsCompared()).isEmpty();
    assertThat(summary.notes()).anySatisfy(n -> assertThat(n).contains("later than the current"));
  }

  @Test
  void decreaseIsReportedWithItsInterval() {
    ComparisonSummary summary =
        engine.compare(
            current,
            List.of(lesion("a").site(RUL).uid("u").axes("6.5", "6.1", "mm").build()),
            List.of(
                prior(second, lesion("b").site(RUL).uid("u").axes("9.0", "8.0", "mm").build())));

    assertThat(summary.changes().get(0).sentence())
        .isEqualTo(
            "The nodule in the right upper lobe has decreased in mean diameter from 8.5 mm on"
                + " 2025-11-20 to 6.3 mm (-2.2 mm, -26% in 12 months).");
  }
}
