package org.radassist.speech.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.remote.RemoteConfig;
import org.radassist.drafting.remote.RemoteDraftingService;
import org.radassist.drafting.request.DraftRequestFactory;
import org.radassist.drafting.wire.DraftWire;
import org.radassist.model.ModelInfo;
import org.radassist.model.SectionKind;
import org.radassist.speech.DictationSegment;
import org.radassist.speech.internal.DictationSession;
import org.radassist.speech.internal.FileOutbox;
import org.radassist.speech.testing.PanelModel;
import org.radassist.speech.testing.StatusLog;
import org.radassist.speech.testing.Studies;

/**
 * Hook + client overhead over a loopback round trip (docs/speech-hook.md): a final segment goes
 * through the DictationSession (outbox fsync, PHI minimisation, request JSON) and the remote client
 * to a canned drafting service on 127.0.0.1 and comes back as a completed draft in the panel model;
 * the server's own time, as the server measures it per request, is subtracted: once its handler's
 * time (handler entered to response flushed) and once its whole time (request arrived at its
 * connector, Jetty's {@code getBeginNanoTime}, to response flushed). Also the SSE-event-to-panel
 * latency, and the raw flush latency of the outbox's disk so the disk's share can be told from
 * ours. Usage: RemoteOverhead [N] [outbox dir]; {@code -Dwarmup=} round trips first (default 6000,
 * for the JIT).
 */
public final class RemoteOverhead {
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    Path outboxDir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("overhead");
    DraftWire wire = DraftWire.create();
    List<DraftEvent> events =
        List.of(
            new DraftEvent.Started("d-1", new ModelInfo("canned", "1", "bench")),
            new DraftEvent.SectionDelta(SectionKind.FINDINGS, "New 8 mm nodule."),
            new DraftEvent.SectionDone(SectionKind.FINDINGS, "New 8 mm nodule.", "ab"),
            new DraftEvent.Completed("d-1", 1, 1, 1, 1, "cd"));
    StringBuilder sse = new StringBuilder();
    for (int i = 0; i < events.size(); i++) {
      sse.append(wire.encode(events.get(i)).toSse(i + 1));
    }
    byte[] stream = sse.toString().getBytes(StandardCharsets.UTF_8);
    Map<String, long[]> server = new ConcurrentHashMap<>(); // key -> {handler, flushed at, whole}
    org.eclipse.jetty.server.Server http = new org.eclipse.jetty.server.Server();
    org.eclipse.jetty.server.ServerConnector connector =
        new org.eclipse.jetty.server.ServerConnector(http);
    connector.setHost("127.0.0.1");
    http.addConnector(connector);
    http.setHandler(
        new org.eclipse.jetty.server.Handler.Abstract() {
          @Override
          public boolean handle(
              org.eclipse.jetty.server.Request request,
              org.eclipse.jetty.server.Response response,
              org.eclipse.jetty.util.Callback callback)
              throws Exception {
            long t0 = System.nanoTime();
            long arrived = request.getBeginNanoTime();
            org.eclipse.jetty.io.Content.Source.asByteBuffer(request);
            String key = request.getHeaders().get("Idempotency-Key");
            response.getHeaders().put("Content-Type", "text/event-stream");
            response.write(
                true,
                java.nio.ByteBuffer.wrap(stream),
                org.eclipse.jetty.util.Callback.from(
                    () -> {
                      long t1 = System.nanoTime();
                      server.put(key, new long[] {t1 - t0, t1, t1 - arrived});
                      callback.succeeded();
                    },
                    callback::failed));
            return true;
          }
        });
    http.start();
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    AtomicInteger connections = new AtomicInteger();
    OkHttpClient client =
        new OkHttpClient.Builder()
            .eventListener(
                new EventListener() {
                  @Override
                  public void connectStart(
                      okhttp3.Call call, InetSocketAddress address, java.net.Proxy proxy) {
                    connections.incrementAndGet();
                  }
                })
            .build();
    RemoteDraftingService remote =
        RemoteDraftingService.create(
            RemoteConfig.defaults(URI.create("http://127.0.0.1:" + connector.getLocalPort()), "t"),
            client,
            scheduler,
            RandomGenerator.getDefault(),
            Clock.systemUTC());
    long[][] disk = DiskFlush.measure(outboxDir, 300);
    long[] overhead = new long[n];
    long[] overheadWhole = new long[n];
    long[] eventToPanel = new long[n];
    DraftRequestFactory phi = DraftRequestFactory.newSession(new SecureRandom());
    FileOutbox outbox = new FileOutbox(outboxDir, Clock.systemUTC());
    int warmup = Integer.getInteger("warmup", 6000);
    long gcCountBefore = 0;
    long gcMillisBefore = 0;
    long jitMillisBefore = 0;
    for (int i = -warmup; i < n; i++) {
      if (i == 0) {
        gcCountBefore = gcCount();
        gcMillisBefore = gcMillis();
        jitMillisBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
      }
      CountDownLatch done = new CountDownLatch(1);
      long[] foldedAt = new long[1];
      PanelModel panel = new PanelModel();
      String[] key = new String[1];
      try (DictationSession session =
          new DictationSession(
              Studies.CHEST_CT,
              remote,
              phi,
              outbox,
              scheduler,
              Duration.ofMillis(50),
              new StatusLog(),
              e -> {
                panel.onEvent(e);
                if (e instanceof DraftEvent.Completed) {
                  foldedAt[0] = System.nanoTime();
                  done.countDown();
                }
              },
              () -> "",
              List::of)) {
        long t0 = System.nanoTime();
        session.onSegment(
            new DictationSegment(
                "bench", Studies.CHEST_CT.studyInstanceUid(), 1, true, "new nodule number " + i));
        if (!done.await(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("no draft within 10 s at iteration " + i);
        }
        long total = foldedAt[0] - t0;
        while (server.isEmpty()) {
          Thread.onSpinWait(); // the server records its time just after the flush
        }
        long[] s = null;
        for (Map.Entry<String, long[]> e : server.entrySet()) {
          s = e.getValue();
          key[0] = e.getKey();
        }
        server.remove(key[0]);
        if (i >= 0) {
          overhead[i] = total - s[0];
          overheadWhole[i] = total - s[2];
          eventToPanel[i] = foldedAt[0] - s[1];
        }
      }
    }
    long gcCount = gcCount() - gcCountBefore;
    long gcTime = gcMillis() - gcMillisBefore;
    long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitMillisBefore;
    long[][] diskAfter = DiskFlush.measure(outboxDir, 300);
    http.stop();
    scheduler.shutdownNow();
    client.dispatcher().executorService().shutdownNow();
    System.out.printf(
        "outbox %s, warm-up %d, JVM %s %s, during the %d measured: %d GCs (%d ms), JIT %d ms;"
            + " TCP connections opened in all: %d%n",
        outboxDir,
        warmup,
        System.getProperty("java.vm.version"),
        ManagementFactory.getRuntimeMXBean().getInputArguments(),
        n,
        gcCount,
        gcTime,
        jit,
        connections.get());
    print("hook + client overhead (round trip - server handler time)", overhead);
    print("hook + client overhead (round trip - server time from connector)", overheadWhole);
    print("SSE event (server flush) -> panel model", eventToPanel);
    print(
        "disk: 1 KB overwrite + force(false), as the outbox stores", concat(disk[0], diskAfter[0]));
    print("disk: new 1 KB file + force(true) + directory force", concat(disk[1], diskAfter[1]));
  }

  private static long gcCount() {
    long c = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      c += Math.max(0, gc.getCollectionCount());
    }
    return c;
  }

  private static long gcMillis() {
    long t = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      t += Math.max(0, gc.getCollectionTime());
    }
    return t;
  }

  private static long[] concat(long[] a, long[] b) {
    long[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  static void print(String what, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    System.out.printf(
        "%s, n=%d: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n",
        what, s.length, ms(s, 0.50), ms(s, 0.90), ms(s, 0.99), s[s.length - 1] / 1e6);
  }

  /** Nearest-rank percentile: the smallest value with at least q of the values at or below it. */
  static double ms(long[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
  }
}
