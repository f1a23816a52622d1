package org.radassist.itests.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * What RadAssist costs a Weasis-shaped framework: one run starts Felix with Weasis' system packages
 * and the runtime bundles, and with {@code --radassist DIR} every RadAssist bundle too, gets every
 * service RadAssist registers (as a viewer opening the panel does, so delayed components activate),
 * then prints one line of figures: time from framework init to SCR having settled every RadAssist
 * component (when the states last changed; the 200 ms the benchmark waits to see them stay so is
 * not counted), heap used after a full GC, live threads once idle, whether the loopback intake
 * listens (it should not: it starts when the first study opens), and CPU time (the process's, and
 * the host thread's where SCR activates). {@code --host-bundle} is Weasis' own API (the stand-in),
 * installed in both runs. {@code scripts/bench-weasis-cost} runs it with and without RadAssist in
 * fresh JVMs and prints the differences.
 *
 * <pre>
 * FrameworkCost --runtime DIR [--host-bundle JAR] [--radassist DIR] [--idle-seconds 5]
 * </pre>
 */
public final class FrameworkCost {
  /** SCR's ComponentConfigurationDTO states. */
  private static final int UNSATISFIED_CONFIGURATION = 1;

  private static final int UNSATISFIED_REFERENCE = 2;
  private static final int SATISFIED = 4;
  private static final int ACTIVE = 8;
  private static final int FAILED_ACTIVATION = 16;

  private FrameworkCost() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i], args[i + 1]);
    }
    File runtime = new File(required(opts, "--runtime"));
    File radassist = opts.containsKey("--radassist") ? new File(opts.get("--radassist")) : null;
    // Weasis' own API (the stand-in here): the host's, in both runs, never counted as RadAssist's
    File host = opts.containsKey("--host-bundle") ? new File(opts.get("--host-bundle")) : null;
    long idleMillis = Long.parseLong(opts.getOrDefault("--idle-seconds", "5")) * 1000;

    Path storage = Files.createTempDirectory("radassist-cost");
    Path data = Files.createTempDirectory("radassist-cost-data");
    Map<String, String> config = new HashMap<>();
    config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
    config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
    config.put(
        Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
        "org.slf4j,org.slf4j.event,org.slf4j.helpers,org.slf4j.spi,com.formdev.flatlaf,"
            + "com.formdev.flatlaf.extras,com.formdev.flatlaf.ui,com.formdev.flatlaf.util");
    config.put("radassist.data.dir", data.toString());
    // a free port for the loopback intake (set as an admin would, through the governance bridge):
    // the default 17645 may be taken on a shared machine, and it would not say whether it listens
    int loopbackPort = freePort();
    config.put("radassist.speech.loopback.port", Integer.toString(loopbackPort));
    config.put("java.awt.headless", "true");
    System.setProperty("java.awt.headless", "true");

    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    long start = System.nanoTime();
    long mainCpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
    Framework framework = factory.newFramework(config);
    framework.init();
    BundleContext context = framework.getBundleContext();
    List<Bundle> installed = new ArrayList<>();
    for (File jar : jars(runtime)) {
      installed.add(context.installBundle(jar.toURI().toString()));
    }
    if (host != null) {
      installed.add(context.installBundle(host.toURI().toString()));
    }
    List<Bundle> ours = new ArrayList<>();
    if (radassist != null) {
      for (File jar : jars(radassist)) {
        if (host != null && jar.getName().equals(host.getName())) {
          continue;
        }
        Bundle b = context.installBundle(jar.toURI().toString());
        installed.add(b);
        ours.add(b);
      }
    }
    Phases phases = new Phases(start);
    phases.mark("framework init + install");
    framework.start();
    phases.mark("framework start");
    for (Bundle b : installed) {
      if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
        long t0 = System.nanoTime();
        b.start();
        phases.bundle(b.getSymbolicName(), t0);
      }
    }
    phases.mark("bundles started");
    Settled first = awaitSettled(context, ours);
    // the stable window is the benchmark's own wait, not RadAssist's: it is not counted
    long waited = first.returned - first.since;
    phases.at("components settled", first.since);
    // a viewer opening the panel asks for RadAssist's services: delayed components activate then
    List<ServiceReference<?>> used = new ArrayList<>();
    for (Bundle b : ours) {
      ServiceReference<?>[] refs = b.getRegisteredServices();
      for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
        long t0 = System.nanoTime();
        long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        if (context.getService(ref) != null) {
          used.add(ref);
        }
        long took = (System.nanoTime() - t0) / 1_000_000;
        long cpu =
            (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1_000_000;
        if (took >= Long.getLong("cost.report.ms", Long.MAX_VALUE)) {
          System.err.printf(
              "activating %s took %d ms (%d ms CPU on this thread)%n",
              java.util.Arrays.toString((String[]) ref.getProperty(Constants.OBJECTCLASS)),
              took,
              cpu);
        }
      }
    }
    phases.mark("services used");
    Settled last = awaitSettled(context, ours);
    int[] settled = last.counts;
    long settledAt = ours.isEmpty() ? first.returned : last.since;
    long startupMillis = (settledAt - start - waited) / 1_000_000;
    // CPU the whole process used until then (every thread): less at the mercy of a loaded machine
    long cpuMillis = processCpuNanos() / 1_000_000;
    // CPU of this thread alone: the host's thread that installs, starts and asks for the services,
    // where SCR activates them (work moved to background threads is not in it)
    long mainCpuMillis =
        (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - mainCpuBefore) / 1_000_000;
    phases.at("settled again", settledAt);
    phases.print();

    Thread.sleep(idleMillis); // what stays running once nothing happens
    // the loopback intake (Jetty) listens once the first study opens, which no viewer did here
    boolean loopbackListening = ours.isEmpty() ? false : listening(loopbackPort);
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    int threads = ManagementFactory.getThreadMXBean().getThreadCount();
    int notActive = 0;
    for (Bundle b : ours) {
      if (b.getState() != Bundle.ACTIVE && b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
        notActive++;
      }
    }
    System.out.printf(
        "radassist=%s bundles=%d radassist_bundles_not_active=%d components=%d active=%d"
            + " satisfied=%d unsatisfied=%d failed=%d startup_ms=%d heap_after_gc_mb=%.1f"
            + " threads=%d threads_before=%d loopback_listening=%s cpu_ms=%d"
            + " host_thread_cpu_ms=%d%n",
        radassist != null,
        installed.size(),
        notActive,
        settled[0],
        settled[1],
        settled[2],
        settled[3],
        settled[4],
        startupMillis,
        heap / 1048576.0,
        threads,
        threadsBefore,
        loopbackListening,
        cpuMillis,
        mainCpuMillis);
    framework.stop();
    framework.waitForStop(10_000);
  }

  /**
   * Component counts {all, active, satisfied, unsatisfied, failed}, when they last changed and when
   * the wait for them to stay so ended (all {@link System#nanoTime()}).
   */
  private record Settled(int[] counts, long since, long returned) {}

  /**
   * Waits until SCR has decided every component of RadAssist's bundles (none still being activated)
   * and the count has stayed the same for 200 ms.
   */
  private static Settled awaitSettled(BundleContext context, List<Bundle> ours) throws Exception {
    if (ours.isEmpty()) {
      long now = System.nanoTime();
      return new Settled(new int[5], now, now);
    }
    long deadline = System.nanoTime() + 60_000_000_000L;
    int[] last = null;
    long stableSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      int[] now = componentStates(context, ours);
      if (last == null || !Arrays.equals(now, last)) {
        last = now;
        stableSince = System.nanoTime();
      } else if (now[0] > 0 && System.nanoTime() - stableSince > 200_000_000L) {
        return new Settled(now, stableSince, System.nanoTime());
      }
      Thread.sleep(5);
    }
    throw new IllegalStateException("SCR did not settle within 60 s");
  }

  /** Whether 127.0.0.1:{@code port} accepts a connection. */
  private static boolean listening(int port) {
    try (java.net.Socket s = new java.net.Socket()) {
      s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1_000);
      return true;
    } catch (java.io.IOException no) {
      return false;
    }
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * With {@code -Dcost.phases=true}: when each phase ended and the slow bundle starts, on stderr.
   */
  private static final class Phases {
    private final long start;
    private final boolean on = Boolean.getBoolean("cost.phases");
    private final List<String> lines = new ArrayList<>();

    Phases(long start) {
      this.start = start;
    }

    void mark(String phase) {
      at(phase, System.nanoTime());
    }

    void at(String phase, long when) {
      lines.add(String.format("%6d ms  %s", (when - start) / 1_000_000, phase));
    }

    void bundle(String name, long t0) {
      long took = (System.nanoTime() - t0) / 1_000_000;
      if (took >= Long.getLong("cost.report.ms", Long.MAX_VALUE)) {
        lines.add(String.format("          start %s took %d ms", name, took));
      }
    }

    void print() {
      if (on) {
        lines.forEach(System.err::println);
      }
    }
  }

  /** Through reflection: SCR's DTO classes are the SCR bundle's, not this class path's. */
  private static int[] componentStates(BundleContext context, List<Bundle> ours) throws Exception {
    ServiceReference<?> ref =
        context.getServiceReference("org.osgi.service.component.runtime.ServiceComponentRuntime");
    if (ref == null) {
      return new int[5];
    }
    Object scr = context.getService(ref);
    try {
      Object descriptions =
          scr.getClass()
              .getMethod("getComponentDescriptionDTOs", Bundle[].class)
              .invoke(scr, (Object) ours.toArray(new Bundle[0]));
      int[] counts = new int[5];
      for (Object d : (java.util.Collection<?>) descriptions) {
        java.lang.reflect.Method configs =
            findMethod(scr.getClass(), "getComponentConfigurationDTOs");
        Object list = configs.invoke(scr, d);
        java.util.Collection<?> cs = (java.util.Collection<?>) list;
        if (cs.isEmpty()) {
          counts[0]++;
          counts[3]++; // waiting for a configuration (off until configured)
          continue;
        }
        for (Object c : cs) {
          int state = c.getClass().getField("state").getInt(c);
          counts[0]++;
          switch (state) {
            case ACTIVE -> counts[1]++;
            case SATISFIED -> counts[2]++;
            case UNSATISFIED_CONFIGURATION, UNSATISFIED_REFERENCE -> counts[3]++;
            case FAILED_ACTIVATION -> counts[4]++;
            default -> {}
          }
        }
      }
      return counts;
    } finally {
      context.ungetService(ref);
    }
  }

  private static java.lang.reflect.Method findMethod(Class<?> type, String name) {
    for (java.lang.reflect.Method m : type.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == 1) {
        return m;
      }
    }
    throw new IllegalStateException("no " + name + " on " + type);
  }

  private static List<File> jars(File dir) {
    File[] files = dir.listFiles((d, n) -> n.endsWith(".jar"));
    if (files == null || files.length == 0) {
      throw new IllegalArgumentException(dir + ": no bundles (build the itests module first)");
    }
    Arrays.sort(files, Comparator.comparing(File::getName));
    return List.of(files);
  }

  private static String required(Map<String, String> opts, String key) {
    String v = opts.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing " + key);
    }
    return v;
  }
}
