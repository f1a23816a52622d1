package org.radassist.drafting.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.DraftCall;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftListener;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftingService;
import org.radassist.drafting.remote.RemoteConfig;
import org.radassist.model.ModelInfo;
import org.radassist.model.SectionKind;
import org.radassist.panel.model.DraftReview;
import org.radassist.speech.DictationSegment;
import org.radassist.speech.SessionStatus;
import org.radassist.speech.testing.Studies;

/**
 * Issue 5, done-when 2: the fault suite against the real drafting service running as its own
 * process ({@link ServiceProcess}: {@code ServeCommand}, H2 file store kept across restarts). The
 * workstation side is the real one (the speech hook from its public factory: file outbox and PHI
 * minimiser, the OkHttp remote client, the panel's DraftReview). Faults are real: SIGKILL,
 * SIGSTOP/SIGCONT, the service's own rate limiter and token check, a kernel connection reset; the
 * only injected fault is the workstation dying between the service's answer and the outbox
 * acknowledgement, which no peer can produce. Each scenario prints {@code fault=<name> sent=N
 * acknowledged=N replayed=N drafts_on_server=N} and asserts that no dictation is lost (acknowledged
 * only once a complete draft holds it, else still in the outbox) and none is drafted twice (one
 * draft on the server).
 *
 * <p>Counts: {@code sent} final dictation segments handed to the session (each written to the
 * outbox first); {@code acknowledged} outbox items removed after a complete draft; {@code replayed}
 * answers the service marked {@code Idempotent-Replayed: true} (the same draft again, for the same
 * key); {@code drafts_on_server} completed drafts in the service's store, read after it stopped.
 * Disk full for the outbox is covered in speech-hook ({@code DictationSessionTest}, an Outbox
 * failing with "No space left on device": NOT_DURABLE, kept in memory, sent).
 */
class FaultSuiteTest {
  static final String UID = Studies.CHEST_CT.studyInstanceUid();
  static final Duration WAIT = Duration.ofSeconds(45);

  @TempDir Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private <T extends AutoCloseable> T opened(T c) {
    open.add(c);
    return c;
  }

  private ServiceProcess service(String name, String... options) throws Exception {
    return opened(new ServiceProcess(dir.resolve(name), List.of(options))).start();
  }

  private Hook hook(RemoteConfig config, String outbox) throws Exception {
    return hook(config, outbox, UnaryOperator.identity());
  }

  private Hook hook(RemoteConfig config, String outbox, UnaryOperator<DraftingService> wrap)
      throws Exception {
    return opened(
            new Hook(Studies.CHEST_CT, config, dir.resolve(outbox), wrap, UnaryOperator.identity()))
        .open();
  }

  private static void dictate(Hook hook) {
    hook.engine.dictate(
        new DictationSegment("loopback", UID, 1, true, LoopbackEndToEndTest.DICTATION));
  }

  /** The panel holds a complete draft, the one the store holds; the outbox is empty. */
  private static String assertCompleted(Hook hook) throws Exception {
    hook.panel.awaitPhase(DraftReview.Phase.COMPLETE, WAIT);
    hook.status.await(s -> s.state() == SessionStatus.State.READY, WAIT);
    String findings =
        hook.panel.read(r -> r.section(SectionKind.FINDINGS).map(s -> s.text()).orElse(""));
    assertThat(findings).containsIgnoringCase("solid nodule");
    assertThat(hook.pending()).as("outbox items left").isZero();
    return hook.panel.read(DraftReview::draftId);
  }

  /** Prints the scenario's line and checks: one completed draft on the server, the panel's. */
  private static void report(
      String fault, int sent, Hook hook, ServiceProcess service, String panelDraft, String extra)
      throws Exception {
    hook.close(); // and its idle connections, which a graceful stop would wait for
    service.stop();
    StoreRows rows = service.rows();
    List<StoreRows.Draft> completed = rows.completed();
    int acknowledged = sent - hook.pending();
    System.out.println(
        "fault="
            + fault
            + " sent="
            + sent
            + " acknowledged="
            + acknowledged
            + " replayed="
            + hook.http.replayed()
            + " drafts_on_server="
            + completed.size()
            + " attempts="
            + hook.http.statuses()
            + " failed_on_server="
            + (rows.drafts().size() - completed.size())
            + extra);
    assertThat(acknowledged).as("no dictation lost").isEqualTo(sent);
    assertThat(completed)
        .as("one draft for the dictation, the panel's")
        .singleElement()
        .satisfies(d -> assertThat(d.draftId()).isEqualTo(panelDraft));
    assertThat(rows.keys()).as("one idempotency key").hasSize(1);
    assertThat(hook.http.attempts().stream().map(HttpLog.Attempt::key).distinct())
        .as("every attempt carried the same Idempotency-Key")
        .hasSize(1);
  }

  // ------------------------------------------------------------------ (i) killed mid-stream

  @Test
  void aServiceKilledMidStreamAndRestartedStillGivesExactlyOneDraft() throws Exception {
    SlowModelServer model = opened(new SlowModelServer());
    model.hold();
    ServiceProcess service =
        service(
            "killed",
            "--backend",
            "openai",
            "--llm-url",
            model.baseUri().toString(),
            "--llm-model",
            "llama-3.1-8b-instruct",
            "--replica-id",
            "replica-a",
            "--heartbeat-ms",
            "200");
    Hook hook = hook(Hook.fastConfig(service.baseUri(), ServiceProcess.TOKEN), "outbox");

    dictate(hook);
    hook.panel.await(r -> r.phase() == DraftReview.Phase.STREAMING, WAIT);
    String killedDraft = hook.panel.read(DraftReview::draftId);
    model.awaitRequests(1, WAIT); // the service is waiting on its model, the stream is open

    service.kill();
    model.release();
    hook.status.await(s -> s.state() == SessionStatus.State.UNAVAILABLE, WAIT);
    assertThat(hook.pending()).as("the dictation waits in the outbox").isEqualTo(1);
    service.start();

    String draft = assertCompleted(hook);
    assertThat(hook.panel.startedDraftIds()).contains(killedDraft).endsWith(draft);
    report("killed-mid-stream", 1, hook, service, draft, "");
  }

  // ------------------------------------------------------------------ (ii) stalled

  @Test
  void aStalledServiceTimesOutTheCallsAndCompletesOnceItRunsAgain() throws Exception {
    ServiceProcess service = service("stalled");
    RemoteConfig config =
        Hook.fastConfig(service.baseUri(), ServiceProcess.TOKEN)
            .withTimeouts(
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                Duration.ofSeconds(20))
            .withRetries(1, Duration.ofMillis(50), Duration.ofMillis(100));
    Hook hook = hook(config, "outbox");

    service.freeze();
    dictate(hook);
    hook.http.await(a -> !a.answered(), 2, WAIT); // two attempts past the first-event timeout
    hook.status.await(s -> s.state() == SessionStatus.State.UNAVAILABLE, WAIT);
    assertThat(hook.pending()).isEqualTo(1);
    service.thaw();

    String draft = assertCompleted(hook);
    report("stalled", 1, hook, service, draft, "");
  }

  // ------------------------------------------------------------------ (iii) 429 and 401

  @Test
  void aRateLimitedRequestWaitsRetryAfterAndSucceeds() throws Exception {
    ServiceProcess service = service("limited", "--rate-limit", "1", "--rate-burst", "1");
    Hook hook = hook(Hook.fastConfig(service.baseUri(), ServiceProcess.TOKEN), "outbox");

    drainRateLimit(service.baseUri());
    dictate(hook);

    String draft = assertCompleted(hook);
    List<Integer> statuses = hook.http.statuses();
    assertThat(statuses).first().isEqualTo(429);
    assertThat(statuses).last().isEqualTo(200);
    report("rate-limited-429", 1, hook, service, draft, "");
  }

  /** Spends the client's token bucket: requests until the service answers 429. */
  private static void drainRateLimit(URI base) throws Exception {
    OkHttpClient http = new OkHttpClient();
    okhttp3.Request probe =
        new okhttp3.Request.Builder()
            .url(base.resolve("/v1/drafts/d-00000000-0000-0000-0000-000000000000").toString())
            .header("Authorization", "Bearer " + ServiceProcess.TOKEN)
            .build();
    try {
      for (int i = 0; i < 20; i++) {
        try (okhttp3.Response r = http.newCall(probe).execute()) {
          if (r.code() == 429) {
            return;
          }
        }
      }
      throw new AssertionError("the service's rate limiter never answered 429");
    } finally {
      http.connectionPool().evictAll();
    }
  }

  @Test
  void aWrongTokenIsNotRetriedAndTheDictationStaysInTheOutbox() throws Exception {
    ServiceProcess service = service("unauthorized");
    Hook hook = hook(Hook.fastConfig(service.baseUri(), "not-the-token"), "outbox");

    dictate(hook);
    SessionStatus unavailable =
        hook.status.await(s -> s.state() == SessionStatus.State.UNAVAILABLE, WAIT);
    assertThat(unavailable.message()).contains("401");
    // Nothing to await: a retry would come within the session's first backoff (250 ms) and the
    // client's own (100..400 ms); give both several times over, then check none came.
    Thread.sleep(1500);
    assertThat(hook.http.statuses()).containsExactly(401);
    assertThat(hook.status.last().state()).isEqualTo(SessionStatus.State.UNAVAILABLE);
    assertThat(hook.pending()).as("the dictation is kept").isEqualTo(1);

    hook.close();
    service.stop();
    int drafts = service.rows().drafts().size();
    System.out.println(
        "fault=unauthorized-401 sent=1 acknowledged="
            + (1 - hook.pending())
            + " replayed="
            + hook.http.replayed()
            + " drafts_on_server="
            + drafts
            + " attempts="
            + hook.http.statuses()
            + " kept_in_outbox="
            + hook.pending());
    assertThat(drafts).isZero();
  }

  /**
   * The service has no HTTP 503 for a streaming request (it answers 503 only in JSON mode, from
   * /ready, or when its store or backend cannot start a draft): a failing model server reaches the
   * client as the stream's retryable {@code error} event, after the service's own upstream retries.
   * The session retries with the same key (released by the service after a retryable failure).
   */
  @Test
  void aRetryableErrorFromTheServiceIsRetriedWithTheSameKeyAndSucceeds() throws Exception {
    SlowModelServer model = opened(new SlowModelServer());
    model.unavailableFor(3); // the first draft's request and the service's two upstream retries
    ServiceProcess service =
        service(
            "upstream-503",
            "--backend",
            "openai",
            "--llm-url",
            model.baseUri().toString(),
            "--llm-model",
            "llama-3.1-8b-instruct",
            "--heartbeat-ms",
            "200"); // keeps the stream alive through the service's upstream backoff
    Hook hook = hook(Hook.fastConfig(service.baseUri(), ServiceProcess.TOKEN), "outbox");

    dictate(hook);

    String draft = assertCompleted(hook);
    assertThat(hook.panel.events())
        .anySatisfy(
            e -> {
              assertThat(e).isInstanceOf(DraftEvent.Failed.class);
              assertThat(((DraftEvent.Failed) e).code()).isEqualTo("upstream_unavailable");
              assertThat(((DraftEvent.Failed) e).retryable()).isTrue();
            });
    assertThat(hook.http.statuses()).containsExactly(200, 200);
    report("service-error-event-retryable", 1, hook, service, draft, "");
    assertThat(service.rows().drafts())
        .as("the failed draft is kept, the completed one is the panel's")
        .hasSize(2);
  }

  // ------------------------------------------------------------------ (iv) connection reset

  @Test
  void aConnectionResetDuringTheRequestIsRetriedOnceTheServiceIsBack() throws Exception {
    ServiceProcess service = service("reset");
    Hook hook = hook(Hook.fastConfig(service.baseUri(), ServiceProcess.TOKEN), "outbox");

    service.freeze(); // the kernel accepts the connection; nobody reads the request
    dictate(hook);
    hook.http.awaitWritten(1, WAIT);
    service.kill(); // the request in the dead process's socket: the connection is reset
    List<HttpLog.Attempt> first = hook.http.await(a -> true, 1, WAIT);
    assertThat(first.get(0).answered()).isFalse();
    assertThat(first.get(0).failure()).doesNotContain("timeout");
    hook.status.await(s -> s.state() == SessionStatus.State.UNAVAILABLE, WAIT);
    service.start();

    String draft = assertCompleted(hook);
    report(
        "connection-reset",
        1,
        hook,
        service,
        draft,
        " first_failure=\"" + first.get(0).failure() + "\"");
  }

  // ------------------------------------------------------------------ (v) client restart

  @Test
  void aWorkstationRestartBetweenSendAndAcknowledgementReplaysTheSameDraft() throws Exception {
    ServiceProcess service = service("client-restart");
    RemoteConfig config = Hook.fastConfig(service.baseUri(), ServiceProcess.TOKEN);
    CountDownLatch answered = new CountDownLatch(1);
    // the only injected fault: the workstation dies after the service answered, before the
    // session could acknowledge the outbox item (the terminal event never reaches it)
    Hook before = hook(config, "outbox", real -> new DiesBeforeAcknowledgement(real, answered));

    dictate(before);
    before.http.await(a -> a.status() == 200, 1, WAIT);
    assertThat(answered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS))
        .as("the service's answer reached the workstation")
        .isTrue();
    String firstDraft = before.http.attempts().get(0).draftId();
    before.close();
    assertThat(before.pending()).as("sent, not acknowledged").isEqualTo(1);

    Hook after = hook(config, "outbox"); // the restarted workstation, same outbox folder
    int replayedFromOutbox = after.replayedFromOutbox;
    assertThat(replayedFromOutbox).isEqualTo(1);

    String draft = assertCompleted(after);
    assertThat(draft).as("the service replayed the same draft").isEqualTo(firstDraft);
    assertThat(after.http.attempts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.replayed()).isTrue();
              assertThat(a.key()).isEqualTo(before.http.attempts().get(0).key());
            });
    report(
        "client-restart-before-ack",
        1,
        after,
        service,
        draft,
        " replayed_from_outbox=" + replayedFromOutbox);
  }

  /** Passes everything through but the terminal event, which dies with the workstation. */
  private record DiesBeforeAcknowledgement(DraftingService real, CountDownLatch answered)
      implements DraftingService {
    @Override
    public ModelInfo model() {
      return real.model();
    }

    @Override
    public DraftCall draft(DraftRequest request, String idempotencyKey, DraftListener listener) {
      return real.draft(
          request,
          idempotencyKey,
          e -> {
            if (e.isTerminal()) {
              answered.countDown();
            } else {
              listener.onEvent(e);
            }
          });
    }
  }
}
