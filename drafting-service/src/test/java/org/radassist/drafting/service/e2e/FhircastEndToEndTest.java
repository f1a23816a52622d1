package org.radassist.drafting.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.remote.RemoteConfig;
import org.radassist.speech.testing.FhircastTestHub;
import org.radassist.speech.testing.Studies;

/**
 * Issue 5, done-when 1 (FHIRcast half): the reporting application opens a DiagnosticReport on a
 * FHIRcast hub (the speech hook's test hub: real Jetty HTTP + WebSocket) and shares the dictation
 * as an Observation {@code valueString} in a DiagnosticReport-update; the subscriber acknowledges
 * both events; the speech hook, built by its public factory with its FHIRcast subscription, routes
 * the dictation to the study open on screen, and it comes back from the real drafting service as a
 * streamed draft in the panel's model. Only the speech hook's API and factory are used here.
 */
class FhircastEndToEndTest {
  static final String UID = Studies.CHEST_CT.studyInstanceUid();

  @TempDir Path dir;
  private InProcessService service;
  private Hook hook;
  private FhircastTestHub hub;

  @BeforeEach
  void start() throws Exception {
    service = new InProcessService(dir.resolve("service"));
    hub = new FhircastTestHub();
    // the speech hook from its public factory, subscribed to the hub (in the background)
    hook =
        new Hook(
            Studies.CHEST_CT,
            RemoteConfig.defaults(service.baseUri(), InProcessService.TOKEN),
            dir.resolve("outbox"),
            UnaryOperator.identity(),
            b -> b.fhircast(hub.hubUrl(), "topic-1", FhircastTestHub.TOKEN));
    assertThat(hook.speech.sources()).contains("fhircast");
    assertThat(hub.awaitSubscriber(10_000)).as("subscription confirmed by the hub").isTrue();
    hook.open(); // the study on screen, as the panel opens its dictation
  }

  @AfterEach
  void stop() throws Exception {
    hook.close(); // and the subscription, its source
    hub.close();
    service.close();
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
