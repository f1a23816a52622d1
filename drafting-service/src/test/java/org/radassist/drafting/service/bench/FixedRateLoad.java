package org.radassist.drafting.service.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.HdrHistogram.Histogram;

/**
 * The fixed-rate load generator of {@code scripts/bench-service --rate N}: {@code POST /v1/drafts}
 * (SSE, a fresh Idempotency-Key each) on a schedule of N requests per second over a fixed number of
 * keep-alive connections, one worker thread each.
 *
 * <p>Latency is measured from each request's <em>intended</em> send time, not from when a worker
 * got round to sending it: when the service stalls, the requests that should have gone out
 * meanwhile count their wait (no coordinated omission, as in wrk2). A closed-loop tool (wrk, {@code
 * hey -q}) sends nothing while all its connections wait, so a stall shows as one slow request.
 *
 * <p>Prints the lines {@code scripts/bench-service} prints for wrk ({@code drafts:}, {@code latency
 * ms:}, {@code errors:}) plus the server's CPU per draft when given its pid.
 */
public final class FixedRateLoad {
  private static final MediaType JSON = MediaType.get("application/json");

  /** Requests still unsent this long after the end count as errors ("not sent"). */
  private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final OkHttpClient http;
  private final String url;
  private final String token;
  private final byte[] body;
  private final int connections;
  private final double rate;
  private final String runId = Long.toString(System.currentTimeMillis(), 36);

  private FixedRateLoad(String url, String token, byte[] body, int connections, double rate) {
    this.url = url;
    this.token = token;
    this.body = body;
    this.connections = connections;
    this.rate = rate;
    this.http =
        new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(connections, 5, TimeUnit.MINUTES))
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(30))
            .retryOnConnectionFailure(false)
            .build();
  }

  /** What one phase (warm-up or measurement) saw. */
  record Phase(
      Histogram corrected,
      Histogram service,
      long completed,
      long failed,
      long notSent,
      long elapsedNanos,
      long serverCpuMillis) {}

  Phase run(long durationNanos, String phase, long serverPid, long clockTicks)
      throws InterruptedException {
    Histogram corrected = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    Histogram service = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    AtomicLong nextSlot = new AtomicLong();
    AtomicLong completed = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong notSent = new AtomicLong();
    AtomicLong lastDone = new AtomicLong();
    double intervalNanos = 1e9 / rate;
    long cpuBefore = serverCpuMillis(serverPid, clockTicks);
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
    long end = start + durationNanos;
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < connections; w++) {
      Thread t =
          new Thread(
              () -> {
                while (true) {
                  long slot = nextSlot.getAndIncrement();
                  long intended = start + (long) (slot * intervalNanos);
                  if (intended >= end) {
                    return;
                  }
                  long now;
                  while ((now = System.nanoTime()) < intended) {
                    LockSupport.parkNanos(intended - now);
                  }
                  if (now - end > DRAIN_NANOS) {
                    notSent.incrementAndGet();
                    continue;
                  }
                  boolean ok = send(phase + "-" + slot);
                  long done = System.nanoTime();
                  lastDone.accumulateAndGet(done, Math::max);
                  if (ok) {
                    completed.incrementAndGet();
                    record(corrected, done - intended);
                    record(service, done - now);
                  } else {
                    failed.incrementAndGet();
                  }
                }
              },
              "load-" + w);
      t.start();
      workers.add(t);
    }
    for (Thread t : workers) {
      t.join();
    }
    long cpuAfter = serverCpuMillis(serverPid, clockTicks);
    return new Phase(
        corrected,
        service,
        completed.get(),
        failed.get(),
        notSent.get(),
        Math.max(lastDone.get(), end) - start,
        cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore);
  }

  private static void record(Histogram h, long nanos) {
    synchronized (h) {
      h.recordValue(Math.min(h.getHighestTrackableValue(), Math.max(1, nanos / 1_000)));
    }
  }

  /** One draft, read to its end; true when it streamed to {@code draft.completed}. */
  private boolean send(String slot) {
    Request request =
        new Request.Builder()
            .url(url)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "text/event-stream")
            .header("Idempotency-Key", "bench-" + runId + "-" + slot)
            .post(RequestBody.create(body, JSON))
            .build();
    try (Response r = http.newCall(request).execute()) {
      String text = r.body().string();
      return r.code() == 200 && text.contains("event: draft.completed");
    } catch (IOException | RuntimeException e) {
      return false; // counted as failed; the run goes on
    }
  }

  /** utime + stime of a process from /proc, in ms; -1 when unknown. */
  static long serverCpuMillis(long pid, long clockTicks) {
    if (pid <= 0) {
      return -1;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // fields after the command name (which may hold spaces), from field 3 (state) on
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / clockTicks;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static String ms(Histogram h, double percentile) {
    return String.format("%.2f", h.getValueAtPercentile(percentile) / 1000.0);
  }

  static void print(Phase p, double rate, int connections) {
    double secs = p.elapsedNanos() / 1e9;
    Histogram h = p.corrected();
    System.out.printf(
        "drafts: %d in %.1f s = %.0f drafts/s (offered %.0f/s over %d connections)%n",
        p.completed(), secs, p.completed() / secs, rate, connections);
    System.out.printf(
        "latency ms: p50 %s  p90 %s  p99 %s  max %.2f  (from the intended send time)%n",
        ms(h, 50), ms(h, 90), ms(h, 99), h.getMaxValue() / 1000.0);
    Histogram s = p.service();
    System.out.printf(
        "service time ms (from the actual send, coordinated omission NOT corrected): p50 %s  p99 %s%n",
        ms(s, 50), ms(s, 99));
    System.out.printf("errors: failed %d, not sent %d%n", p.failed(), p.notSent());
    if (p.serverCpuMillis() >= 0 && p.completed() > 0) {
      System.out.printf(
          "server CPU: %.2f ms per draft%n", p.serverCpuMillis() / (double) p.completed());
    }
  }

  public static void main(String[] args) throws Exception {
    String url = null;
    String token = null;
    Path body = null;
    double rate = 500;
    int connections = 50;
    long duration = 20;
    long warmup = 10;
    long pid = -1;
    long ticks = 100;
    if (args.length % 2 != 0) {
      System.err.println("FixedRateLoad: options come in pairs (--name value)");
      System.exit(1);
    }
    for (int i = 0; i + 1 < args.length; i += 2) {
      String v = args[i + 1];
      try {
        switch (args[i]) {
          case "--url" -> url = v;
          case "--token" -> token = v;
          case "--body" -> body = Path.of(v);
          case "--rate" -> rate = Double.parseDouble(v);
          case "--connections" -> connections = Integer.parseInt(v);
          case "--duration" -> duration = seconds(v);
          case "--warmup" -> warmup = seconds(v);
          case "--server-pid" -> pid = Long.parseLong(v);
          case "--clock-ticks" -> ticks = Long.parseLong(v);
          default -> {
            System.err.println("FixedRateLoad: unknown option " + args[i]);
            System.exit(1);
          }
        }
      } catch (NumberFormatException e) {
        System.err.println("FixedRateLoad: " + args[i] + " " + v + ": not a number");
        System.exit(1);
      }
    }
    if (url == null || token == null || body == null || rate <= 0 || connections <= 0) {
      System.err.println(
          "FixedRateLoad: --url, --token, --body, a positive --rate and --connections are needed");
      System.exit(1);
    }
    FixedRateLoad load = new FixedRateLoad(url, token, Files.readAllBytes(body), connections, rate);
    if (warmup > 0) {
      load.run(TimeUnit.SECONDS.toNanos(warmup), "w", -1, ticks);
    }
    print(load.run(TimeUnit.SECONDS.toNanos(duration), "m", pid, ticks), rate, connections);
    System.exit(0); // OkHttp's pool threads linger otherwise
  }

  /** "20", "20s" or "2m". */
  private static long seconds(String v) {
    if (v.endsWith("m")) {
      return Long.parseLong(v.substring(0, v.length() - 1)) * 60;
    }
    return Long.parseLong(v.endsWith("s") ? v.substring(0, v.length() - 1) : v);
  }
}
