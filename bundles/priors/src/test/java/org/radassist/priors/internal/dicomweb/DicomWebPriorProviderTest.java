package org.radassist.priors.internal.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.radassist.priors.ComparisonSummary;
import org.radassist.priors.LookupStatus;
import org.radassist.priors.PriorLookup;
import org.radassist.priors.PriorQuery;
import org.radassist.priors.PriorStudy;
import org.radassist.priors.internal.compare.ComparisonEngine;
import org.radassist.priors.internal.service.DefaultPriorComparisonService;
import org.radassist.priors.internal.sr.RadAssistSrContentReader;
import org.radassist.priors.testing.SharedData;

class DicomWebPriorProviderTest {

  private static final String[][] KINDS = {
    {"CT", "CT CHEST WITHOUT CONTRAST"},
    {"CT", "CT HEAD"},
    {"MR", "MR BRAIN"},
    {"CR", "CHEST 2 VIEWS"},
    {"US", "US ABDOMEN"},
  };

  private final FakePacs pacs = new FakePacs();
  private DicomWebPriorProvider provider;

  DicomWebPriorProviderTest() throws Exception {}

  @BeforeEach
  void patientWithTwoHundredPriors() throws Exception {
    LocalDate today = LocalDate.parse("2026-11-19");
    pacs.studies.add(new FakePacs.Study("1.9.0", "P200", today, "CT", "CT CHEST WITHOUT CONTRAST"));
    for (int i = 1; i <= 200; i++) {
      String[] kind = KINDS[i % KINDS.length];
      pacs.studies.add(
          new FakePacs.Study("1.9." + i, "P200", today.minusDays(20L * i), kind[0], kind[1]));
    }
    // someone else's study, and one later than the current one
    pacs.studies.add(new FakePacs.Study("1.8.1", "OTHER", today.minusDays(5), "CT", "CT CHEST"));
    pacs.studies.add(new FakePacs.Study("1.9.999", "P200", today.plusDays(3), "CT", "CT CHEST"));
    byte[] sr = Files.readAllBytes(SharedData.dicom("sr/highdicom_sr_document.dcm"));
    pacs.srInstances.put("1.9.0", List.of(sr));
    pacs.srInstances.put(
        "1.9.5", List.of(sr, "not a DICOM file".getBytes(StandardCharsets.US_ASCII)));
    provider = provider(pacs.baseUrl(), Duration.ofSeconds(5));
  }

  private static DicomWebPriorProvider provider(String url, Duration timeout) {
    return new DicomWebPriorProvider(
        new DicomWebSettings(url, timeout, timeout, timeout, 100, 1000, 4),
        RadAssistSrContentReader.create());
  }

  @AfterEach
  void stop() {
    provider.close();
    pacs.close();
  }

  @Test
  void pagesThroughTwoHundredPriorsAndKeepsTheMostRelevant() {
    PriorLookup lookup = provider.lookup("1.9.0", new PriorQuery(10, 0.55));

    assertThat(lookup.candidatesConsidered()).isEqualTo(200);
    assertThat(pacs.requests)
        .filteredOn(r -> r.startsWith("/dicom-web/studies?") && r.contains("PatientID=P200"))
        .hasSize(3)
        .allSatisfy(r -> assertThat(r).contains("limit=100").contains("StudyDate=-20261119"));
    assertThat(lookup.priors()).hasSize(10);
    // the chest CTs first, newest first; never a head CT or brain MR
    assertThat(lookup.priors().subList(0, 5))
        .allSatisfy(p -> assertThat(p.study().studyDescription()).startsWith("CT CHEST"));
    assertThat(lookup.priors())
        .noneSatisfy(p -> assertThat(p.study().studyDescription()).containsAnyOf("HEAD", "BRAIN"));
    assertThat(lookup.priors())
        .extracting(PriorStudy::relevance)
        .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(lookup.priors().get(0).studyInstanceUid()).isEqualTo("1.9.5");
    assertThat(lookup.notes()).anySatisfy(n -> assertThat(n).contains("10 most relevant of 200"));
  }

  @Test
  void readsTheSrsOfTheCurrentStudyAndItsPriorsAndSkipsWhatDoesNotParse() {
    PriorLookup lookup = provider.lookup("1.9.0", new PriorQuery(10, 0.55));

    assertThat(lookup.currentFindings()).isNotEmpty();
    PriorStudy withSr = lookup.priors().get(0);
    assertThat(withSr.findings()).isNotEmpty();
    assertThat(withSr.notes()).singleElement().asString().contains("skipped");
    assertThat(lookup.status()).isEqualTo(LookupStatus.PARTIAL);
  }

  @Test
  void anUnknownStudyIsNotFound() {
    PriorLookup lookup = provider.lookup("1.2.3.4", PriorQuery.defaults());

    assertThat(lookup.status()).isEqualTo(LookupStatus.NOT_FOUND);
    assertThat(lookup.statusMessage()).contains("1.2.3.4");
  }

  @Test
  void aSlowPacsIsUnavailableWithinTheTimeoutAndTheComparisonSaysSo() {
    pacs.delayMillis = 3000;
    try (DicomWebPriorProvider impatient = provider(pacs.baseUrl(), Duration.ofMillis(300))) {
      long start = System.nanoTime();
      ComparisonSummary summary =
          new DefaultPriorComparisonService(
                  impatient, ComparisonEngine.defaults(), PriorQuery.defaults())
              .summarize("1.9.0");

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      assertThat(summary.status()).isEqualTo(LookupStatus.UNAVAILABLE);
      assertThat(summary.statusMessage()).startsWith("PACS unreachable: no answer in time");
      assertThat(summary.paragraph())
          .startsWith("Comparison: prior studies could not be retrieved (PACS unreachable:");
    }
  }

  @Test
  void aPacsThatIsDownIsUnavailable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (DicomWebPriorProvider down =
        provider("http://127.0.0.1:" + closedPort + "/dicom-web", Duration.ofSeconds(2))) {
      PriorLookup lookup = down.lookup("1.9.0", PriorQuery.defaults());

      assertThat(lookup.status()).isEqualTo(LookupStatus.UNAVAILABLE);
      assertThat(lookup.statusMessage())
          .isEqualTo(
              "PACS unreachable: connection refused (http://127.0.0.1:"
                  + closedPort
                  + "/dicom-web)");
    }
  }
}
