package org.radassist.sr.bench;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.StructuredReport;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.radassist.sr.Narrative;
import org.radassist.sr.ReportView;
import org.radassist.sr.SharedData;
import org.radassist.sr.SrDocument;
import org.radassist.sr.StructuredReportReader;

/**
 * Issue item 10: import + model + narrative of the 35 shared SR files against PixelMed's bare
 * StructuredReport build of the same bytes (goal: ratio <= 1.2), and the 1.27 MB fluoroscopy RDSR
 * alone (goal: < 100 ms). Run: see docs/sr.md ("Benchmarks").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xss4m"})
public class SrImportBenchmark {
  private final StructuredReportReader reader = StructuredReportReader.create();
  private List<byte[]> srFiles;
  private byte[] rdsr;

  @Setup
  public void load() throws Exception {
    srFiles = new ArrayList<>();
    for (var p : SharedData.srFiles()) {
      srFiles.add(Files.readAllBytes(p));
    }
    rdsr =
        Files.readAllBytes(
            SharedData.dicom("nasty").resolve("openrem_RF-RDSR-Philips_Azurion.dcm"));
  }

  private void ours(byte[] bytes, Blackhole bh) throws Exception {
    SrDocument d = reader.read(bytes, "bench");
    bh.consume(Narrative.lines(ReportView.of(d)));
  }

  private static void pixelmed(byte[] bytes, Blackhole bh) throws Exception {
    AttributeList list = new AttributeList();
    try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(bytes))) {
      list.read(in);
    }
    bh.consume(new StructuredReport(list));
  }

  @Benchmark
  public void ours35Files(Blackhole bh) throws Exception {
    for (byte[] b : srFiles) {
      ours(b, bh);
    }
  }

  @Benchmark
  public void pixelmedBare35Files(Blackhole bh) throws Exception {
    for (byte[] b : srFiles) {
      pixelmed(b, bh);
    }
  }

  @Benchmark
  public void oursRdsr127MB(Blackhole bh) throws Exception {
    ours(rdsr, bh);
  }

  @Benchmark
  public void pixelmedBareRdsr127MB(Blackhole bh) throws Exception {
    pixelmed(rdsr, bh);
  }
}
