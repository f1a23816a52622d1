package org.radassist.drafting.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Per-draft CPU time of the engine on the benchmark's 300-word dictation, with percentiles. On a
 * shared, oversubscribed machine the JMH wall-clock percentiles mostly measure waiting for a core;
 * thread CPU time shows what the engine itself costs. Usage: {@code java -cp ...
 * org.radassist.drafting.bench.EngineCpuTime [DRAFTS]}.
 */
public final class EngineCpuTime {
  private EngineCpuTime() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    EngineBenchmark b = new EngineBenchmark();
    b.setUp();
    for (int i = 0; i < 1000; i++) {
      b.draft300Words();
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long[] cpu = new long[n];
    long[] wall = new long[n];
    for (int i = 0; i < n; i++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      b.draft300Words();
      wall[i] = System.nanoTime() - w0;
      cpu[i] = mx.getCurrentThreadCpuTime() - c0;
    }
    Arrays.sort(cpu);
    Arrays.sort(wall);
    System.out.printf(
        Locale.ROOT,
        "%d drafts of 300 words: CPU p50 %.2f ms, p99 %.2f ms, max %.2f ms; wall p50 %.2f ms, p99 %.2f ms%n",
        n,
        cpu[n / 2] / 1e6,
        cpu[(int) Math.ceil(n * 0.99) - 1] / 1e6,
        cpu[n - 1] / 1e6,
        wall[n / 2] / 1e6,
        wall[(int) Math.ceil(n * 0.99) - 1] / 1e6);
  }
}
