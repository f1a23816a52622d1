package org.radassist.panel.testing;

import java.awt.AWTEvent;
import java.awt.EventQueue;
import java.awt.Toolkit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the Swing event thread during a scripted session: every event's dispatch is timed (wall
 * and CPU time of the event thread), and a sampler thread records the event thread's stack and
 * state while a dispatch runs long.
 *
 * <p>A stall is a dispatch longer than the threshold. It counts against RadAssist when the event
 * thread was inside RadAssist code ({@code org.radassist.}, the test harness excluded) and either
 * spent that long on the CPU or was blocked, waiting or sleeping there. A long dispatch during
 * which the event thread was runnable but got no CPU (the build machine is shared) is reported, not
 * failed: no code change can remove it.
 */
public final class EdtWatchdog implements AutoCloseable {

  /** One dispatch over the threshold. */
  public record Stall(
      double wallMillis,
      double cpuMillis,
      boolean blocked,
      String event,
      List<String> radAssistFrames) {
    public boolean inRadAssist() {
      return !radAssistFrames.isEmpty();
    }

    /** True when this stall is RadAssist's doing (see the class comment). */
    public boolean countsAgainstRadAssist(long thresholdMillis) {
      return inRadAssist() && (cpuMillis > thresholdMillis || blocked);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%.1f ms wall / %.1f ms cpu%s in %s at %s",
          wallMillis,
          cpuMillis,
          blocked ? " (blocked)" : "",
          event,
          radAssistFrames);
    }
  }

  private final long thresholdMillis;
  private final WatchingQueue queue = new WatchingQueue();
  private final Thread sampler;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private volatile boolean running = true;
  private volatile Thread edt;
  private volatile long dispatchStart;
  private final AtomicLong dispatchSerial = new AtomicLong();
  private volatile Sample sample;
  private final List<Stall> stalls = new ArrayList<>();
  private long events;
  private double worstWallMillis;
  private double worstCpuMillis;
  private String worstEvent = "";

  private record Sample(long serial, List<String> frames, boolean blocked) {}

  private EdtWatchdog(long thresholdMillis) {
    this.thresholdMillis = thresholdMillis;
    sampler = new Thread(this::sample, "edt-watchdog-sampler");
    sampler.setDaemon(true);
  }

  /** Starts watching the event queue; close() stops. */
  public static EdtWatchdog install(long thresholdMillis) throws Exception {
    EdtWatchdog w = new EdtWatchdog(thresholdMillis);
    EventQueue.invokeAndWait(() -> w.edt = Thread.currentThread());
    Toolkit.getDefaultToolkit().getSystemEventQueue().push(w.queue);
    // the event thread may be replaced by push(): find it again
    EventQueue.invokeAndWait(() -> w.edt = Thread.currentThread());
    w.sampler.start();
    w.reset();
    return w;
  }

  /** Forgets what was measured so far (after a warm-up). */
  public synchronized void reset() {
    stalls.clear();
    events = 0;
    worstWallMillis = 0;
    worstCpuMillis = 0;
    worstEvent = "";
  }

  private final class WatchingQueue extends EventQueue {
    @Override
    protected void dispatchEvent(AWTEvent event) {
      long serial = dispatchSerial.incrementAndGet();
      long cpu0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      dispatchStart = t0;
      try {
        super.dispatchEvent(event);
      } finally {
        dispatchStart = 0;
        long wall = System.nanoTime() - t0;
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        Sample s = sample;
        record(wall, cpu, event, s != null && s.serial() == serial ? s : null);
      }
    }

    void uninstall() {
      pop();
    }
  }

  private synchronized void record(long wallNanos, long cpuNanos, AWTEvent event, Sample s) {
    events++;
    double wall = wallNanos / 1e6;
    double cpu = cpuNanos / 1e6;
    if (wall > worstWallMillis) {
      worstWallMillis = wall;
      worstEvent = describe(event);
    }
    worstCpuMillis = Math.max(worstCpuMillis, cpu);
    if (wall > thresholdMillis) {
      List<String> frames = s == null ? fallbackFrames(event) : s.frames();
      stalls.add(new Stall(wall, cpu, s != null && s.blocked(), describe(event), frames));
    }
  }

  private static String describe(AWTEvent e) {
    String s = e.toString();
    return s.length() > 160 ? s.substring(0, 160) + "\u2026" : s;
  }

  /** Without a sample, the event's own runnable names the code (an invokeLater lambda). */
  private static List<String> fallbackFrames(AWTEvent e) {
    String s = e.toString();
    int at = s.indexOf("runnable=");
    if (at >= 0 && isRadAssist(s.substring(at + 9))) {
      return List.of(s.substring(at + 9, Math.min(s.length(), at + 120)));
    }
    return List.of();
  }

  private void sample() {
    while (running) {
      long start = dispatchStart;
      Thread t = edt;
      if (start != 0 && t != null && System.nanoTime() - start > thresholdMillis * 1_000_000L / 2) {
        long serial = dispatchSerial.get();
        ThreadInfo info = threads.getThreadInfo(t.getId(), 40);
        if (info != null && dispatchStart == start) {
          List<String> ours =
              Arrays.stream(info.getStackTrace())
                  .map(f -> f.getClassName() + "." + f.getMethodName())
                  .filter(EdtWatchdog::isRadAssist)
                  .limit(4)
                  .toList();
          boolean blocked = info.getThreadState() != Thread.State.RUNNABLE;
          Sample previous = sample;
          // keep the most telling sample of this dispatch: one in our code, blocked if ever
          if (previous == null
              || previous.serial() != serial
              || (!ours.isEmpty() && (previous.frames().isEmpty() || blocked))) {
            sample = new Sample(serial, ours, blocked && !ours.isEmpty());
          }
        }
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * RadAssist's own code: org.radassist classes but the test harness and {@code PanelRenderer} (and
   * its {@code internal.swing.Rendering}), which stands in for the host's repaint manager when the
   * session paints the tool into an image (painting is the toolkit's work; its cost is reported as
   * the worst dispatch, not failed).
   */
  static boolean isRadAssist(String frame) {
    return frame.startsWith("org.radassist.")
        && !frame.startsWith("org.radassist.panel.testing.")
        && !frame.startsWith("org.radassist.panel.PanelRenderer")
        && !frame.startsWith("org.radassist.panel.internal.swing.Rendering")
        && !frame.contains("Test");
  }

  public synchronized List<Stall> stalls() {
    return List.copyOf(stalls);
  }

  /** The stalls RadAssist must answer for (see the class comment). */
  public synchronized List<Stall> radAssistStalls() {
    return stalls.stream().filter(s -> s.countsAgainstRadAssist(thresholdMillis)).toList();
  }

  public synchronized long events() {
    return events;
  }

  public synchronized double worstWallMillis() {
    return worstWallMillis;
  }

  public synchronized double worstCpuMillis() {
    return worstCpuMillis;
  }

  /** The worst wall time of a dispatch that ran RadAssist code (0 when none was sampled). */
  public synchronized double worstRadAssistWallMillis() {
    return stalls.stream()
        .filter(Stall::inRadAssist)
        .mapToDouble(Stall::wallMillis)
        .max()
        .orElse(0);
  }

  /** The most CPU a dispatch over the threshold spent while in RadAssist code. */
  public synchronized double worstRadAssistCpuMillis() {
    return stalls.stream().filter(Stall::inRadAssist).mapToDouble(Stall::cpuMillis).max().orElse(0);
  }

  public synchronized String summary() {
    return String.format(
        Locale.ROOT,
        "EDT watchdog: %d events dispatched; worst dispatch %.1f ms wall, worst %.1f ms cpu (%s);"
            + " in RadAssist code worst %.1f ms wall / %.1f ms cpu; %d dispatches over %d ms,"
            + " %d of them RadAssist's (cpu or blocked in org.radassist code)",
        events,
        worstWallMillis,
        worstCpuMillis,
        worstEvent,
        worstRadAssistWallMillis(),
        worstRadAssistCpuMillis(),
        stalls.size(),
        thresholdMillis,
        radAssistStalls().size());
  }

  @Override
  public void close() throws Exception {
    running = false;
    sampler.interrupt();
    EventQueue.invokeAndWait(() -> {});
    queue.uninstall();
  }
}
