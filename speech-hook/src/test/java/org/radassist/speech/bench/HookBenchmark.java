package org.radassist.speech.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
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
import org.radassist.drafting.DraftAssembler;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.request.DraftRequestFactory;
import org.radassist.drafting.wire.DraftWire;
import org.radassist.drafting.wire.WireEvent;
import org.radassist.model.ModelInfo;
import org.radassist.model.SectionKind;
import org.radassist.speech.internal.loopback.IntakeLimits;
import org.radassist.speech.internal.loopback.LoopbackConfig;
import org.radassist.speech.internal.loopback.LoopbackIntake;
import org.radassist.speech.testing.Studies;

/**
 * The hook's own overhead (docs/speech-hook.md, "Benchmark"): a segment pushed to the loopback
 * intake over a real loopback connection, the preparation of a draft request (PHI minimisation and
 * the contract's JSON), and one SSE event from wire to the panel model's draft.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HookBenchmark {
  static final String DICTATION =
      "Comparison CT chest 11/20/2025. New eight point two mm solid nodule in the right upper lobe"
          + " series three image forty five, previously four mm. No pleural effusion. Discussed with"
          + " Dr. Smith at 10:15.";
  private static final MediaType JSON = MediaType.get("application/json");

  private LoopbackIntake intake;
  private OkHttpClient http;
  private Request post;
  private DraftRequestFactory phi;
  private DraftWire wire;
  private WireEvent delta;
  private Path dir;

  @Setup(Level.Trial)
  public void start() throws IOException {
    dir = Files.createTempDirectory("hook-bench");
    intake =
        new LoopbackIntake(
            new LoopbackConfig(
                0,
                dir.resolve("token"),
                65536,
                20000,
                // the round trip is measured, not the segment rate limit (a speech engine's 50/s)
                new IntakeLimits(
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(10),
                    32,
                    Double.MAX_VALUE,
                    Integer.MAX_VALUE,
                    Set.of())),
            new SecureRandom());
    intake.start(segment -> {});
    http = new OkHttpClient();
    String body =
        "{\"study_instance_uid\":\"1.2.3.4\",\"seq\":1,\"final\":false,\"text\":\""
            + DICTATION
            + "\"}";
    post =
        new Request.Builder()
            .url(intake.httpUri().toString())
            .header("Authorization", "Bearer " + intake.token())
            .post(RequestBody.create(body, JSON))
            .build();
    phi = DraftRequestFactory.newSession(new SecureRandom());
    wire = DraftWire.create();
    delta =
        wire.encode(new DraftEvent.SectionDelta(SectionKind.FINDINGS, "New 8.2 mm solid nodule. "));
  }

  @TearDown(Level.Trial)
  public void stop() {
    intake.close();
    http.dispatcher().executorService().shutdownNow();
    http.connectionPool().evictAll();
  }

  @Benchmark
  public int loopbackIntakeRoundTrip() throws IOException {
    try (Response r = http.newCall(post).execute()) {
      return r.code();
    }
  }

  @Benchmark
  public String draftRequestPreparation() {
    DraftRequest request =
        phi.request(
            Studies.CHEST_CT,
            org.radassist.drafting.request.RequestContent.dictation(DICTATION)
                .withIndication("lung screening"));
    phi.token("req", Studies.CHEST_CT.studyInstanceUid() + "#" + request.dictationText());
    return wire.writeRequest(request);
  }

  @Benchmark
  public Object sseEventToPanelModel() {
    DraftAssembler panel = DraftAssembler.create("st-1", java.time.Clock.systemUTC());
    panel.accept(new DraftEvent.Started("d-1", new ModelInfo("m", "1", "bench")));
    panel.accept(wire.decode(delta.name(), delta.data()));
    return panel.snapshot();
  }
}
