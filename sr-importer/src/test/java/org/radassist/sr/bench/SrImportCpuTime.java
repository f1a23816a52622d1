package org.radassist.sr.bench;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.StructuredReport;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.radassist.sr.Narrative;
import org.radassist.sr.ReportView;
import org.radassist.sr.SharedData;
import org.radassist.sr.StructuredReportReader;

/**
 * The same four cases as {@link SrImportBenchmark}, timed by the benchmark thread's CPU time (plus
 * wall time and allocated bytes): on a shared machine the JMH wall times swing with the other
 * processes, CPU time and allocation do not. Run: {@code sr-importer/bench cpu [WARMUP] [RUNS]}.
 */
public final class SrImportCpuTime {
  private static final StructuredReportReader READER = StructuredReportReader.create();
  private static Object sink;

  private interface Case {
    void run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    List<byte[]> files = new ArrayList<>();
    for (var p : SharedData.srFiles()) {
      files.add(Files.readAllBytes(p));
    }
    byte[] rdsr =
        Files.readAllBytes(
            SharedData.dicom("nasty").resolve("openrem_RF-RDSR-Philips_Azurion.dcm"));
    String[] names = {
      "ours35Files", "pixelmedBare35Files", "oursRdsr127MB", "pixelmedBareRdsr127MB"
    };
    Case[] cases = {
      () -> {
        for (byte[] b : files) {
          ours(b);
        }
      },
      () -> {
        for (byte[] b : files) {
          pixelmed(b);
        }
      },
      () -> ours(rdsr),
      () -> pixelmed(rdsr)
    };
    // warm every case up before timing any, then time them round-robin so a burst of load
    // elsewhere hits all cases alike
    for (int i = 0; i < warmup; i++) {
      for (Case c : cases) {
        c.run();
      }
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[][] cpu = new long[cases.length][runs];
    long[][] wall = new long[cases.length][runs];
    long[] allocated = new long[cases.length];
    for (int i = 0; i < runs; i++) {
      for (int k = 0; k < cases.length; k++) {
        long c0 = threads.getCurrentThreadCpuTime();
        long a0 = threads.getCurrentThreadAllocatedBytes();
        long w0 = System.nanoTime();
        cases[k].run();
        wall[k][i] = System.nanoTime() - w0;
        cpu[k][i] = threads.getCurrentThreadCpuTime() - c0;
        allocated[k] += threads.getCurrentThreadAllocatedBytes() - a0;
      }
    }
    double[] median = new double[cases.length];
    for (int k = 0; k < cases.length; k++) {
      Arrays.sort(cpu[k]);
      Arrays.sort(wall[k]);
      median[k] = cpu[k][runs / 2] / 1e6;
      System.out.printf(
          "%-22s CPU min %7.1f median %7.1f ms | wall min %7.1f median %7.1f ms | %6.1f MB/op%n",
          names[k],
          cpu[k][0] / 1e6,
          median[k],
          wall[k][0] / 1e6,
          wall[k][runs / 2] / 1e6,
          allocated[k] / 1e6 / runs);
    }
    System.out.printf(
        "35 files, ours / bare PixelMed (median CPU): %.2f; RDSR ours / bare: %.2f%n",
        median[0] / median[1], median[2] / median[3]);
  }

  private static void ours(byte[] bytes) throws Exception {
    sink = Narrative.lines(ReportView.of(READER.read(bytes, "bench")));
  }

  private static void pixelmed(byte[] bytes) throws Exception {
    AttributeList list = new AttributeList();
    try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(bytes))) {
      list.read(in);
    }
    sink = new StructuredReport(list);
  }
}
