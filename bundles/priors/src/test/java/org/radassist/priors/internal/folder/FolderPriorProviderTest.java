package org.radassist.priors.internal.folder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.priors.ChangeKind;
import org.radassist.priors.ChangeRecord;
import org.radassist.priors.ComparisonSummary;
import org.radassist.priors.LookupStatus;
import org.radassist.priors.PriorLookup;
import org.radassist.priors.PriorQuery;
import org.radassist.priors.internal.compare.ComparisonEngine;
import org.radassist.priors.internal.service.DefaultPriorComparisonService;
import org.radassist.priors.internal.sr.RadAssistSrContentReader;
import org.radassist.priors.testing.ScreeningHistory;
import org.radassist.priors.testing.SyntheticHistory;

class FolderPriorProviderTest {

  @TempDir static Path folder;
  static List<SyntheticHistory.WrittenStudy> studies;
  static String current;

  @BeforeAll
  static void writeHistory() throws Exception {
    studies = SyntheticHistory.write(folder, ScreeningHistory.studies());
    current = studies.get(studies.size() - 1).studyInstanceUid();
  }

  private final FolderPriorProvider provider =
      new FolderPriorProvider(folder, RadAssistSrContentReader.create());

  @Test
  void findsThePatientsRelevantPriorsInTheFolder() {
    PriorLookup lookup = provider.lookup(current, PriorQuery.defaults());

    assertThat(lookup.currentStudy())
        .hasValueSatisfying(s -> assertThat(s.bodyPart()).isEqualTo("CHEST"));
    assertThat(lookup.currentFindings()).hasSize(3);
    assertThat(lookup.candidatesConsidered()).isEqualTo(3);
    // the brain MR is no comparison for a chest CT
    assertThat(lookup.priors())
        .extracting(p -> p.study().studyDate().toString())
        .containsExactly("2025-11-20", "2024-11-18");
    assertThat(lookup.priors().get(0).reportText())
        .isEqualTo(
            "Findings: Solid nodule right upper lobe 6.0 mm, slightly larger.\n"
                + "Impressions: Lung-RADS 3. 6-month LDCT.");
  }

  @Test
  void anSrThatDoesNotParseIsSkippedWithANote() {
    PriorLookup lookup = provider.lookup(current, PriorQuery.defaults());

    assertThat(lookup.status()).isEqualTo(LookupStatus.PARTIAL);
    assertThat(lookup.priors().get(0).notes())
        .singleElement()
        .asString()
        .contains("broken-sr.dcm skipped: ");
    assertThat(lookup.priors().get(0).findings()).hasSize(3);
  }

  @Test
  void comparesGrowthStabilityNewAndResolved() {
    ComparisonSummary summary =
        new DefaultPriorComparisonService(
                provider, ComparisonEngine.defaults(), PriorQuery.defaults())
            .summarize(current);

    assertThat(summary.paragraph()).isEqualTo(ScreeningHistory.EXPECTED_PARAGRAPH);
    assertThat(summary.changes())
        .extracting(ChangeRecord::kind)
        .containsExactly(
            ChangeKind.INCREASED, ChangeKind.NEW, ChangeKind.STABLE, ChangeKind.RESOLVED);
  }

  @Test
  void anUnknownStudyIsNotFound() {
    assertThat(provider.lookup("1.2.3", PriorQuery.defaults()).status())
        .isEqualTo(LookupStatus.NOT_FOUND);
  }
}
