package org.radassist.priors.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.radassist.model.CodedConcept;
import org.radassist.priors.ComparisonSummary;
import org.radassist.priors.PriorQuery;
import org.radassist.priors.internal.compare.ComparisonEngine;
import org.radassist.priors.internal.dicomweb.DicomWebPriorProvider;
import org.radassist.priors.internal.dicomweb.DicomWebSettings;
import org.radassist.priors.internal.service.DefaultPriorComparisonService;
import org.radassist.priors.internal.sr.RadAssistSrContentReader;
import org.radassist.priors.testing.Lesions;
import org.radassist.priors.testing.OrthancServer;
import org.radassist.priors.testing.SyntheticHistory;

/**
 * The Comparison end to end against Orthanc: a patient with 20 relevant priors, each study with 10
 * TID 1500 SRs of 2 nodules (20 per study). One operation = QIDO for the study and the patient's
 * studies, QIDO + WADO-RS for the SR series of the current study and all 20 priors, SR parsing,
 * matching through the history, change records and the paragraph. Starts Orthanc with
 * scripts/orthanc; run with {@code mvn -Pbench ... -Djmh.args=SummaryBenchmark} (docs/priors.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SummaryBenchmark {

  static final int PRIORS = 20;
  static final int REPORTS_PER_STUDY = 10;
  static final int NODULES_PER_STUDY = 20;
  private static final CodedConcept[] SITES = {Lesions.RUL, Lesions.RML, Lesions.LUL, Lesions.LLL};

  private OrthancServer orthanc;
  private DicomWebPriorProvider provider;
  private DefaultPriorComparisonService service;
  private Path folder;
  private String current;

  @Setup(Level.Trial)
  public void storeHistory() throws Exception {
    orthanc = OrthancServer.start();
    folder = Files.createTempDirectory("radassist-priors-bench");
    List<SyntheticHistory.StudySpec> specs = new ArrayList<>();
    LocalDate today = LocalDate.parse("2026-11-19");
    for (int s = PRIORS; s >= 0; s--) {
      List<SyntheticHistory.Nodule> nodules = new ArrayList<>();
      for (int i = 0; i < NODULES_PER_STUDY; i++) {
        String size = String.format(Locale.ROOT, "%.1f", 4.0 + i * 0.3 + (PRIORS - s) * 0.05);
        nodules.add(
            new SyntheticHistory.Nodule(
                "2.25.77" + i,
                "Nodule " + (i + 1),
                SITES[i % SITES.length],
                size,
                size,
                "mm",
                i * 25.0,
                -i * 10.0,
                -100 + i * 5.0));
      }
      specs.add(
          new SyntheticHistory.StudySpec(
              "pydicom_CT_small.dcm",
              today.minusMonths(3L * s),
              "CT",
              "CHEST",
              "CT CHEST LOW DOSE SCREENING",
              nodules,
              null,
              false));
    }
    List<SyntheticHistory.WrittenStudy> written =
        SyntheticHistory.write(folder, specs, REPORTS_PER_STUDY);
    int files = 0;
    for (SyntheticHistory.WrittenStudy study : written) {
      for (Path file : study.files()) {
        orthanc.upload(file);
        files++;
      }
    }
    current = written.get(written.size() - 1).studyInstanceUid();
    provider =
        new DicomWebPriorProvider(
            DicomWebSettings.of(orthanc.dicomWebUrl()), RadAssistSrContentReader.create());
    service =
        new DefaultPriorComparisonService(
            provider, ComparisonEngine.defaults(), new PriorQuery(PRIORS, 0.55));
    long start = System.nanoTime();
    ComparisonSummary first = service.summarize(current);
    long coldMillis = (System.nanoTime() - start) / 1_000_000;
    if (first.priorsCompared().size() != PRIORS || first.changes().size() != NODULES_PER_STUDY) {
      throw new IllegalStateException(
          "unexpected summary: "
              + first.priorsCompared().size()
              + " priors, "
              + first.changes().size()
              + " changes; "
              + first.notes());
    }
    System.out.printf(
        Locale.ROOT,
        "%n[priors bench] stored %d files (%d studies x %d SRs + images); first (cold) summary"
            + " %d ms; %d priors compared, %d change records%n",
        files,
        written.size(),
        REPORTS_PER_STUDY,
        coldMillis,
        first.priorsCompared().size(),
        first.changes().size());
    // CPU per summary on both sides: what the wall time is bounded by on an idle machine
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    int runs = 5;
    long cpu0 = os.getProcessCpuTime();
    long orthanc0 = orthanc.cpuMillis();
    long wall0 = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      service.summarize(current);
    }
    System.out.printf(
        Locale.ROOT,
        "[priors bench] warm: wall %d ms/summary, RadAssist CPU %d ms, Orthanc CPU %d ms;"
            + " load average %.1f on %d cores%n",
        (System.nanoTime() - wall0) / runs / 1_000_000,
        (os.getProcessCpuTime() - cpu0) / runs / 1_000_000,
        (orthanc.cpuMillis() - orthanc0) / runs,
        os.getSystemLoadAverage(),
        os.getAvailableProcessors());
  }

  @Benchmark
  public ComparisonSummary summarize() {
    return service.summarize(current);
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    provider.close();
    orthanc.close();
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
