package org.radassist.priors.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.priors.ChangeKind;
import org.radassist.priors.ChangeRecord;
import org.radassist.priors.ComparisonSummary;
import org.radassist.priors.LookupStatus;
import org.radassist.priors.MatchBasis;
import org.radassist.priors.PriorLookup;
import org.radassist.priors.PriorQuery;
import org.radassist.priors.TrendSeries;
import org.radassist.priors.internal.compare.ComparisonEngine;
import org.radassist.priors.internal.dicomweb.DicomWebPriorProvider;
import org.radassist.priors.internal.dicomweb.DicomWebSettings;
import org.radassist.priors.internal.service.DefaultPriorComparisonService;
import org.radassist.priors.internal.sr.RadAssistSrContentReader;
import org.radassist.priors.testing.OrthancServer;
import org.radassist.priors.testing.ScreeningHistory;
import org.radassist.priors.testing.SyntheticHistory;

/**
 * The whole path against a real PACS: a synthetic history (real CT / MR images re-identified to one
 * test patient, TID 1500 SRs from the SR writer) stored into Orthanc, found again by QIDO-RS, its
 * SRs fetched by WADO-RS, matched and compared.
 */
class PriorsOrthancIT {

  @TempDir static Path folder;
  static OrthancServer orthanc;
  static String current;
  static DicomWebPriorProvider provider;

  @BeforeAll
  static void storeHistory() throws Exception {
    orthanc = OrthancServer.start();
    List<SyntheticHistory.WrittenStudy> studies =
        SyntheticHistory.write(folder, ScreeningHistory.studies());
    for (SyntheticHistory.WrittenStudy study : studies) {
      for (Path file : study.files()) {
        orthanc.upload(file);
      }
    }
    current = studies.get(studies.size() - 1).studyInstanceUid();
    provider =
        new DicomWebPriorProvider(
            DicomWebSettings.of(orthanc.dicomWebUrl()), RadAssistSrContentReader.create());
  }

  @AfterAll
  static void stop() throws Exception {
    if (provider != null) {
      provider.close();
    }
    if (orthanc != null) {
      orthanc.close();
    }
  }

  @Test
  void findsTheRelevantPriorsByQido() {
    PriorLookup lookup = provider.lookup(current, PriorQuery.defaults());

    assertThat(lookup.currentStudy())
        .hasValueSatisfying(s -> assertThat(s.patientId()).isEqualTo(SyntheticHistory.PATIENT_ID));
    assertThat(lookup.candidatesConsidered()).isEqualTo(3);
    assertThat(lookup.priors())
        .extracting(p -> p.study().studyDate().toString())
        .containsExactly("2025-11-20", "2024-11-18");
    assertThat(lookup.currentFindings()).hasSize(3);
    assertThat(lookup.priors().get(0).reportText())
        .isEqualTo(
            "Findings: Solid nodule right upper lobe 6.0 mm, slightly larger.\n"
                + "Impressions: Lung-RADS 3. 6-month LDCT.");
    // the SR without content is skipped with a note, the rest is used
    assertThat(lookup.status()).isEqualTo(LookupStatus.PARTIAL);
    assertThat(lookup.priors().get(0).notes()).singleElement().asString().contains("skipped");
    assertThat(lookup.priors().get(0).findings()).hasSize(3);
  }

  @Test
  void reportsGrowthStabilityNewAndResolved() {
    ComparisonSummary summary =
        new DefaultPriorComparisonService(
                provider, ComparisonEngine.defaults(), PriorQuery.defaults())
            .summarize(current);

    assertThat(summary.paragraph()).isEqualTo(ScreeningHistory.EXPECTED_PARAGRAPH);
    List<ChangeRecord> changes = summary.changes();
    assertThat(changes)
        .extracting(ChangeRecord::kind)
        .containsExactly(
            ChangeKind.INCREASED, ChangeKind.NEW, ChangeKind.STABLE, ChangeKind.RESOLVED);
    ChangeRecord grown = changes.get(0);
    assertThat(grown.trackingUid()).isEqualTo(ScreeningHistory.A);
    assertThat(grown.lungRadsGrowth()).isTrue();
    assertThat(grown.match().basis()).isEqualTo(MatchBasis.TRACKING_UID);
    assertThat(changes.get(1).trackingUid()).isEqualTo(ScreeningHistory.D);
    assertThat(changes.get(2).match().basis()).isEqualTo(MatchBasis.TRACKING_IDENTIFIER);
    assertThat(changes.get(3).trackingUid()).isEqualTo(ScreeningHistory.C);
    TrendSeries trend =
        summary.trends().stream()
            .filter(t -> ScreeningHistory.A.equals(t.trackingUid()))
            .findFirst()
            .orElseThrow();
    assertThat(trend.points())
        .extracting(p -> p.date() + "=" + p.sizeMillimetres())
        .containsExactly("2024-11-18=5.0", "2025-11-20=6.0", "2026-11-19=8.2");
  }

  @Test
  void theHistoryNeverTouchesTheRepository() throws Exception {
    assertThat(folder.toRealPath().startsWith(OrthancServer.projectRoot().toRealPath())).isFalse();
    assertThat(Files.list(folder).count()).isEqualTo(4);
  }
}
