package org.radassist.workstation.internal.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.model.Finding;
import org.radassist.sr.ReportView;
import org.radassist.sr.SrDocument;
import org.radassist.sr.StructuredReportReader;

class SrMeasurementReportsTest {
  @TempDir static Path temp;
  static DefaultStudy study;

  @BeforeAll
  static void generate() throws Exception {
    study =
        new DefaultStudyGenerator(Optional.of(new SrMeasurementReports()))
            .generate(temp.resolve("a"));
  }

  @Test
  void eachTimePointHasOneTid1500ReportOfTheNoduleWithTheSharedTrackingUid() throws Exception {
    assertThat(study.reports()).hasSize(2);
    Finding prior = onlyFinding(study.reportOf(study.prior()).orElseThrow());
    Finding current = onlyFinding(study.reportOf(study.current()).orElseThrow());
    assertThat(prior.trackingUid()).isEqualTo(current.trackingUid()).isEqualTo(study.trackingUid());
    assertThat(prior.largestLengthMillimetres()).contains(6.0);
    assertThat(current.largestLengthMillimetres()).contains(8.2);
    assertThat(current.site().meaning()).isEqualTo("Upper lobe of right lung");
    assertThat(current.algorithm().name()).isEqualTo("RadAssist Phantom Nodule CAD");
    assertThat(current.references())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.sopInstanceUid()).isEqualTo(study.current().noduleSopInstanceUid());
              assertThat(r.region()).isNotNull();
            });
  }

  @Test
  void theReportsBelongToTheirStudiesAndAreReproducible() throws Exception {
    SrDocument doc =
        StructuredReportReader.create().read(study.reportOf(study.current()).orElseThrow());
    assertThat(doc.studyInstanceUid()).isEqualTo(study.current().studyInstanceUid());
    assertThat(doc.partial()).isFalse();
    DefaultStudy again =
        new DefaultStudyGenerator(Optional.of(new SrMeasurementReports()))
            .generate(temp.resolve("b"));
    for (int i = 0; i < 2; i++) {
      assertThat(Files.readAllBytes(again.reports().get(i)))
          .isEqualTo(Files.readAllBytes(study.reports().get(i)));
    }
  }

  @Test
  void dcmtkReadsTheReportsWithoutErrors() throws Exception {
    for (Path report : study.reports()) {
      Process p =
          new ProcessBuilder("dsrdump", report.toString()).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes());
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(output).isZero();
      assertThat(output).doesNotContain("E: ").contains("Imaging Measurement Report");
    }
  }

  private static Finding onlyFinding(Path report) throws Exception {
    List<Finding> findings = ReportView.of(StructuredReportReader.create().read(report)).findings();
    assertThat(findings).hasSize(1);
    return findings.get(0);
  }
}
