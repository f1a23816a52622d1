package org.radassist.speech.internal.fhircast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.internal.engine.EmbeddedDraftingService;
import org.radassist.drafting.internal.engine.RulesEngine;
import org.radassist.drafting.request.DraftRequestFactory;
import org.radassist.model.DraftReport;
import org.radassist.model.SectionKind;
import org.radassist.speech.DictationSegment;
import org.radassist.speech.internal.DictationRouter;
import org.radassist.speech.internal.DictationSession;
import org.radassist.speech.internal.FileOutbox;
import org.radassist.speech.testing.FhircastTestHub;
import org.radassist.speech.testing.PanelModel;
import org.radassist.speech.testing.StatusLog;
import org.radassist.speech.testing.Studies;

/** The FHIRcast subscriber against a real hub on Jetty HTTP + WebSocket (test code). */
class FhircastSubscriberTest {
  static final String UID = Studies.CHEST_CT.studyInstanceUid();
  static final long WAIT = 20_000;

  @TempDir Path dir;
  private FhircastTestHub hub;
  private ScheduledExecutorService scheduler;
  private final OkHttpClient http = new OkHttpClient();
  private final List<AutoCloseable> open = new ArrayList<>();
  private final List<DictationSegment> segments = new CopyOnWriteArrayList<>();
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final FhircastListener recording =
      new FhircastListener() {
        @Override
        public void studyOpened(String uid) {
          seen.add("studyOpened " + uid);
        }

        @Override
        public void studyClosed(String uid) {
          seen.add("studyClosed " + uid);
        }

        @Override
        public void reportOpened(String reportId, String uid) {
          seen.add("reportOpened " + reportId + " " + uid);
        }

        @Override
        public void reportClosed(String reportId, String uid) {
          seen.add("reportClosed " + reportId + " " + uid);
        }

        @Override
        public void syncError(String message) {
          seen.add("syncError " + message);
        }

        @Override
        public void subscription(String state, String detail) {
          seen.add(state);
        }
      };

  @BeforeEach
  void start() throws Exception {
    hub = new FhircastTestHub();
    scheduler = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    scheduler.shutdownNow();
    hub.close();
    http.dispatcher().executorService().shutdownNow();
  }

  FhircastSubscriber subscribe(int lease, FhircastListener listener) throws Exception {
    FhircastSubscriber s =
        new FhircastSubscriber(
            new FhircastConfig(
                hub.hubUrl(),
                "topic-1",
                FhircastTestHub.TOKEN,
                "radassist",
                lease,
                0.5,
                Duration.ofSeconds(10)),
            http,
            listener,
            scheduler);
    s.start(segments::add);
    open.add(s);
    assertThat(hub.awaitSubscriber(WAIT)).isTrue();
    return s;
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long end = System.currentTimeMillis() + WAIT;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("not within " + WAIT + " ms: " + what);
      }
      Thread.sleep(10);
    }
  }

  String openReport(String timestamp) throws Exception {
    return hub.publish(
        "DiagnosticReport-open",
        FhircastTestHub.context(
            "report", FhircastTestHub.resource("DiagnosticReport", "dr-1"),
            "study", FhircastTestHub.imagingStudy("is-1", UID, "ACC20261129"),
            "patient", FhircastTestHub.resource("Patient", "p-1")),
        timestamp,
        true);
  }

  @Test
  void itSubscribesWithAWebSocketChannelAndAcknowledgesEveryEvent() throws Exception {
    FhircastSubscriber s = subscribe(7200, recording);

    Map<String, String> form = hub.subscribeRequests().get(0);
    assertThat(form)
        .containsEntry("hub.channel.type", "websocket")
        .containsEntry("hub.mode", "subscribe")
        .containsEntry("hub.topic", "topic-1")
        .containsEntry("hub.lease_seconds", "7200");
    assertThat(form.get("hub.events").split(","))
        .contains(
            "ImagingStudy-open",
            "ImagingStudy-close",
            "DiagnosticReport-open",
            "DiagnosticReport-update",
            "DiagnosticReport-close",
            "SyncError");
    assertThat(s.endpoint()).startsWith("ws://127.0.0.1:").contains("/ws/");
    await(() -> seen.contains("subscribed"), "subscription confirmed");

    String open =
        hub.publish(
            "ImagingStudy-open",
            FhircastTestHub.context("study", FhircastTestHub.imagingStudy("is-1", UID, "A1")));
    String heartbeat = hub.publish("heartbeat", FhircastTestHub.context());
    String close =
        hub.publish(
            "ImagingStudy-close",
            FhircastTestHub.context("study", FhircastTestHub.imagingStudy("is-1", UID, "A1")));

    assertThat(hub.awaitAck(open, WAIT)).containsExactly("200");
    assertThat(hub.awaitAck(close, WAIT)).containsExactly("200");
    assertThat(seen).contains("studyOpened " + UID, "studyClosed " + UID);
    assertThat(hub.acks(heartbeat)).isEmpty(); // heartbeat is not among the subscribed events
  }

  @Test
  void aDroppedChannelIsReportedAndTheSubscriptionReconnectsWithBackoff() throws Exception {
    FhircastSubscriber s =
        new FhircastSubscriber(
            new FhircastConfig(
                hub.hubUrl(),
                "topic-1",
                FhircastTestHub.TOKEN,
                "radassist",
                7200,
                0.5,
                Duration.ofSeconds(10)),
            http,
            recording,
            scheduler,
            Duration.ofMillis(20),
            Duration.ofMillis(200),
            new java.util.SplittableRandom(7));
    open.add(s);
    s.startInBackground(segments::add);
    await(() -> seen.contains("subscribed"), "subscription confirmed");
    String firstChannel = s.endpoint();

    assertThat(hub.dropConnections()).isEqualTo(1);

    await(() -> seen.contains("resubscribed"), "resubscribed after the drop");
    assertThat(seen)
        .containsSubsequence("subscribed", "disconnected", "reconnecting", "resubscribed");
    // the renewal names the channel the hub assigned: the hub keeps one subscription
    assertThat(hub.subscribeRequests()).hasSize(2);
    assertThat(hub.subscribeRequests().get(1)).containsEntry("hub.channel.endpoint", firstChannel);
    String opened =
        hub.publish(
            "ImagingStudy-open",
            FhircastTestHub.context("study", FhircastTestHub.imagingStudy("is-1", UID, "A1")));
    assertThat(hub.awaitAck(opened, WAIT)).containsExactly("200");
    assertThat(seen).contains("studyOpened " + UID);
  }

  @Test
  void aSubscriptionTheHubDropsBeforeTheBindIsNotWaitedOnForeverButMadeAgain() throws Exception {
    hub.forgetSubscriptionsBeforeBind(1);
    FhircastSubscriber s =
        new FhircastSubscriber(
            new FhircastConfig(
                hub.hubUrl(),
                "topic-1",
                FhircastTestHub.TOKEN,
                "radassist",
                7200,
                0.5,
                Duration.ofMillis(500)),
            http,
            recording,
            scheduler,
            Duration.ofMillis(20),
            Duration.ofMillis(200),
            new java.util.SplittableRandom(7));
    open.add(s);
    s.startInBackground(segments::add);

    await(() -> seen.contains("subscribed"), "subscription confirmed after subscribing again");
    assertThat(hub.silentBinds()).isEqualTo(1);
    assertThat(seen).containsSubsequence("unconfirmed", "reconnecting", "subscribed");
    assertThat(hub.subscribeRequests()).hasSize(2);
    String opened =
        hub.publish(
            "ImagingStudy-open",
            FhircastTestHub.context("study", FhircastTestHub.imagingStudy("is-1", UID, "A1")));
    assertThat(hub.awaitAck(opened, WAIT)).containsExactly("200");
    assertThat(seen).contains("studyOpened " + UID);
  }

  @Test
  void dictationSharedInTheOpenReportArrivesAsFinalSegments() throws Exception {
    subscribe(7200, recording);
    hub.awaitAck(openReport(Instant.now().toString()), WAIT);
    assertThat(seen).contains("reportOpened dr-1 " + UID);

    String u1 =
        hub.publish(
            "DiagnosticReport-update",
            FhircastTestHub.update("dr-1", Map.of("obs-1", "new nodule")));
    String u2 =
        hub.publish(
            "DiagnosticReport-update",
            FhircastTestHub.update("dr-1", Map.of("obs-1", "new 8 mm nodule")));
    String u3 =
        hub.publish(
            "DiagnosticReport-update",
            FhircastTestHub.update("dr-1", Map.of("obs-2", "no effusion")));
    for (String id : List.of(u1, u2, u3)) {
      assertThat(hub.awaitAck(id, WAIT)).containsExactly("200");
    }

    assertThat(segments)
        .containsExactly(
            new DictationSegment("fhircast", UID, 1, true, "new nodule"),
            new DictationSegment("fhircast", UID, 1, true, "new 8 mm nodule"),
            new DictationSegment("fhircast", UID, 2, true, "no effusion"));
  }

  @Test
  void aGapInTheVersionChainIsRepairedFromTheHubsCurrentContext() throws Exception {
    subscribe(7200, recording);
    hub.awaitAck(openReport(Instant.now().toString()), WAIT);
    hub.awaitAck(
        hub.publish(
            "DiagnosticReport-update", FhircastTestHub.update("dr-1", Map.of("obs-1", "first"))),
        WAIT);
    // the subscriber misses this update
    hub.publish(
        "DiagnosticReport-update",
        FhircastTestHub.update("dr-1", Map.of("obs-2", "missed")),
        Instant.now().toString(),
        false);

    String third =
        hub.publish(
            "DiagnosticReport-update", FhircastTestHub.update("dr-1", Map.of("obs-3", "third")));

    assertThat(hub.awaitAck(third, WAIT)).containsExactly("200");
    assertThat(seen).contains("resynced");
    assertThat(segments).extracting(DictationSegment::text).contains("first", "missed", "third");
  }

  @Test
  void aSyncErrorIsReportedAndAStaleOpenIgnored() throws Exception {
    subscribe(7200, recording);
    hub.awaitAck(openReport(Instant.now().toString()), WAIT);

    com.fasterxml.jackson.databind.node.ObjectNode outcome =
        FhircastTestHub.resource("OperationOutcome", "oo-1");
    outcome
        .putArray("issue")
        .addObject()
        .put("severity", "warning")
        .put("diagnostics", "report viewer refused");
    String error = hub.publish("SyncError", FhircastTestHub.context("operationoutcome", outcome));
    String stale = openReport(Instant.now().minusSeconds(3600).toString());

    assertThat(hub.awaitAck(error, WAIT)).containsExactly("200");
    assertThat(hub.awaitAck(stale, WAIT)).containsExactly("200");
    assertThat(seen).contains("syncError report viewer refused");
    assertThat(seen).filteredOn(s -> s.startsWith("reportOpened")).hasSize(1);
  }

  @Test
  void theSubscriptionIsRenewedBeforeTheLeaseEndsAndClosedWithAnUnsubscribe() throws Exception {
    hub.grantLease(2);
    FhircastSubscriber s = subscribe(2, recording);

    await(() -> hub.subscribeRequests().size() >= 2, "a renewal within the 2 s lease");
    assertThat(hub.subscribeRequests().get(1)).containsEntry("hub.channel.endpoint", s.endpoint());
    await(() -> seen.contains("resubscribed"), "renewal confirmed");

    s.close();
    await(() -> hub.subscribers() == 0, "unsubscribed");
  }

  @Test
  void dictationArrivingByFhircastComesBackAsAStreamedDraft() throws Exception {
    ExecutorService engineThreads = Executors.newFixedThreadPool(2);
    open.add(engineThreads::shutdownNow);
    PanelModel panel = new PanelModel();
    DictationRouter router = new DictationRouter();
    FileOutbox outbox = new FileOutbox(dir.resolve("outbox"), Clock.systemUTC());
    EmbeddedDraftingService engine =
        new EmbeddedDraftingService(RulesEngine.withDefaults(), engineThreads, Clock.systemUTC());
    FhircastListener hook =
        new FhircastListener() {
          @Override
          public void reportOpened(String reportId, String uid) {
            // the hook opens the study's session when the report being dictated is opened
            router.open(
                new DictationSession(
                    Studies.CHEST_CT,
                    engine,
                    DraftRequestFactory.newSession(new SecureRandom()),
                    outbox,
                    scheduler,
                    Duration.ofMillis(100),
                    new StatusLog(),
                    panel,
                    () -> "",
                    List::of));
          }

          @Override
          public void reportClosed(String reportId, String uid) {
            router.close(uid);
          }
        };
    FhircastSubscriber s =
        new FhircastSubscriber(
            new FhircastConfig(
                hub.hubUrl(),
                "topic-1",
                FhircastTestHub.TOKEN,
                "radassist",
                7200,
                0.8,
                Duration.ofSeconds(10)),
            http,
            hook,
            scheduler);
    s.start(router);
    open.add(s);
    assertThat(hub.awaitSubscriber(WAIT)).isTrue();

    hub.awaitAck(openReport(Instant.now().toString()), WAIT);
    hub.publish(
        "DiagnosticReport-update",
        FhircastTestHub.update(
            "dr-1",
            Map.of("obs-1", "new eight point two mm solid nodule in the right upper lobe")));

    DraftReport draft = panel.awaitCompleted(WAIT);
    assertThat(draft.section(SectionKind.FINDINGS).orElseThrow().text())
        .containsIgnoringCase("nodule");
    await(
        () -> {
          try {
            return outbox.pending().isEmpty();
          } catch (Exception e) {
            return false;
          }
        },
        "outbox drained");
  }

  @Test
  void acceptedContentIsPublishedAsAPreliminaryUpdateThroughTheOutbox() throws Exception {
    FhircastSubscriber subscriber = subscribe(7200, recording);
    hub.awaitAck(openReport(Instant.now().toString()), WAIT);
    FileOutbox outbox = new FileOutbox(dir.resolve("out"), Clock.systemUTC());
    DraftRequestFactory phi = DraftRequestFactory.newSession(new SecureRandom());
    org.radassist.speech.AcceptedReport accepted =
        new org.radassist.speech.AcceptedReport(
            "dr-1",
            Map.of(
                SectionKind.FINDINGS,
                "New 8.2 mm solid nodule.",
                SectionKind.IMPRESSION,
                "Lung-RADS 4A."));
    // first the hub is unreachable: the update stays in the outbox
    FhircastConfig down =
        new FhircastConfig(
            java.net.URI.create("http://127.0.0.1:9/hub"),
            "topic-1",
            FhircastTestHub.TOKEN,
            "radassist",
            7200,
            0.8,
            Duration.ofSeconds(5));
    FhircastPublisher offline =
        new FhircastPublisher(down, http, outbox, phi, subscriber::versionId, Clock.systemUTC());
    assertThat(offline.publish(accepted, Studies.CHEST_CT)).isFalse();
    assertThat(outbox.pending()).hasSize(1);

    FhircastPublisher online =
        new FhircastPublisher(
            new FhircastConfig(
                hub.hubUrl(),
                "topic-1",
                FhircastTestHub.TOKEN,
                "radassist",
                7200,
                0.8,
                Duration.ofSeconds(5)),
            http,
            new FileOutbox(dir.resolve("out"), Clock.systemUTC()),
            phi,
            subscriber::versionId,
            Clock.systemUTC());
    assertThat(online.replay()).isEqualTo(1);

    assertThat(outbox.pending()).isEmpty();
    com.fasterxml.jackson.databind.JsonNode event = hub.published().get(0);
    assertThat(event.path("event").path("hub.event").asText()).isEqualTo("DiagnosticReport-update");
    assertThat(event.path("event").path("context.versionId").asText()).isNotBlank();
    com.fasterxml.jackson.databind.JsonNode entries =
        event.path("event").path("context").path(1).path("resource").path("entry");
    assertThat(entries).hasSize(3);
    assertThat(entries.findValuesAsText("status")).containsOnly("preliminary");
    assertThat(entries.get(2).path("resource").path("resourceType").asText())
        .isEqualTo("DiagnosticReport");
    assertThat(entries.get(2).path("resource").path("result")).hasSize(2);
    // the hub re-broadcasts it; the subscriber acknowledges it and does not take it for dictation
    assertThat(hub.awaitAck(event.path("id").asText(), WAIT)).containsExactly("200");
    assertThat(segments).isEmpty();
  }
}
