package org.radassist.drafting.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.remote.RemoteConfig;
import org.radassist.speech.internal.fhircast.FhircastConfig;
import org.radassist.speech.internal.fhircast.FhircastListener;
import org.radassist.speech.internal.fhircast.FhircastSubscriber;
import org.radassist.speech.testing.FhircastTestHub;
import org.radassist.speech.testing.Studies;

/**
 * Issue 5, done-when 1 (FHIRcast half): the reporting application opens a DiagnosticReport on a
 * FHIRcast hub (the speech hook's test hub: real Jetty HTTP + WebSocket) and shares the dictation
 * as an Observation {@code valueString} in a DiagnosticReport-update; the subscriber acknowledges
 * both events, the study's dictation is opened when the report opens (the host's glue; the
 * subscriber is a dictation source of the speech hook built by its public factory), and the
 * dictation comes back from the real drafting service as a streamed draft in the panel's model.
 */
class FhircastEndToEndTest {
  static final String UID = Studies.CHEST_CT.studyInstanceUid();

  @TempDir Path dir;
  private InProcessService service;
  private Hook hook;
  private FhircastTestHub hub;
  private FhircastSubscriber subscriber;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final List<String> seen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    service = new InProcessService(dir.resolve("service"));
    hub = new FhircastTestHub();
    FhircastListener glue =
        new FhircastListener() {
          @Override
          public void reportOpened(String reportId, String studyInstanceUid) {
            seen.add("report-opened " + reportId + " " + studyInstanceUid);
            if (UID.equals(studyInstanceUid)) {
              try {
                hook.open(); // the study the radiologist reports is open
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            }
          }

          @Override
          public void subscription(String state, String detail) {
            seen.add(state);
          }
        };
    subscriber =
        new FhircastSubscriber(
            new FhircastConfig(
                hub.hubUrl(),
                "topic-1",
                FhircastTestHub.TOKEN,
                "radassist-e2e",
                3600,
                0.8,
                Duration.ofSeconds(5)),
            new OkHttpClient(),
            glue,
            scheduler);
    // the subscriber is one more dictation source of the hook, started by it
    hook =
        new Hook(
            Studies.CHEST_CT,
            RemoteConfig.defaults(service.baseUri(), InProcessService.TOKEN),
            dir.resolve("outbox"),
            UnaryOperator.identity(),
            b -> b.source(subscriber));
    assertThat(hub.awaitSubscriber(10_000)).as("subscription confirmed by the hub").isTrue();
  }

  @AfterEach
  void stop() throws Exception {
    hook.close(); // and the subscriber, its source
    hub.close();
    service.close();
    scheduler.shutdownNow();
  }

  @Test
  void dictationSharedInAnOpenDiagnosticReportComesBackAsAStreamedDraftInThePanel()
      throws Exception {
    String open =
        hub.publish(
            "DiagnosticReport-open",
            FhircastTestHub.context(
                "report", FhircastTestHub.resource("DiagnosticReport", "dr-e2e"),
                "study", FhircastTestHub.imagingStudy("is-e2e", UID, "ACC20261129"),
                "patient", FhircastTestHub.resource("Patient", "p-e2e")));
    assertThat(hub.awaitAck(open, 10_000)).containsExactly("200");
    assertThat(seen).contains("report-opened dr-e2e " + UID);

    String update =
        hub.publish(
            "DiagnosticReport-update",
            FhircastTestHub.update("dr-e2e", Map.of("obs-1", LoopbackEndToEndTest.DICTATION)));
    assertThat(hub.awaitAck(update, 10_000))
        .as("the update was handled (the session accepted the dictation)")
        .containsExactly("200");

    DraftAssertions.assertStreamedLungNoduleDraft(hook, LoopbackEndToEndTest.FINDING);
    DraftAssertions.assertOneDraftOnTheServerForTheKey(hook, service.rows);
  }
}
