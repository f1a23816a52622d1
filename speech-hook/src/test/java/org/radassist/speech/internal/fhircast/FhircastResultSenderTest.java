package org.radassist.speech.internal.fhircast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.request.DraftRequestFactory;
import org.radassist.model.SectionKind;
import org.radassist.speech.DictationSegment;
import org.radassist.speech.SessionStatus;
import org.radassist.speech.StudyDictation;
import org.radassist.speech.StudyDictationListener;
import org.radassist.speech.internal.DefaultSpeechHook;
import org.radassist.speech.internal.DictationSession;
import org.radassist.speech.internal.FileOutbox;
import org.radassist.speech.testing.FhircastTestHub;
import org.radassist.speech.testing.Studies;

/**
 * Approving a draft sends the accepted sections to the reporting system as one FHIRcast
 * DiagnosticReport-update, through the speech hook's approve path, against the real test hub.
 */
class FhircastResultSenderTest {
  static final String UID = Studies.CHEST_CT.studyInstanceUid();
  static final String NAME = "FHIRcast DiagnosticReport-update to 127.0.0.1";
  static final long WAIT = 20_000;

  @TempDir Path dir;
  private FhircastTestHub hub;
  private ScheduledExecutorService scheduler;
  private final OkHttpClient http = new OkHttpClient();
  private FhircastSubscriber subscriber;
  private DefaultSpeechHook hook;
  private StudyDictation study;
  private final List<AutoCloseable> open = new ArrayList<>();

  private static final StudyDictationListener QUIET =
      new StudyDictationListener() {
        @Override
        public void onSegment(DictationSegment segment) {}

        @Override
        public void onDraftEvent(DraftEvent event) {}

        @Override
        public void onStatus(SessionStatus status) {}
      };

  /** What the radiologist accepted (Findings edited, Impression accepted, Comparison empty). */
  private static Map<SectionKind, String> accepted() {
    Map<SectionKind, String> sections = new LinkedHashMap<>();
    sections.put(SectionKind.FINDINGS, "New 8.2 mm solid nodule right upper lobe, Oakley.");
    sections.put(SectionKind.IMPRESSION, "Lung-RADS 4A. Call 555-123-4567.");
    sections.put(SectionKind.COMPARISON, " ");
    return sections;
  }

  @BeforeEach
  void start() throws Exception {
    hub = new FhircastTestHub();
    scheduler = Executors.newScheduledThreadPool(2);
    subscriber = new FhircastSubscriber(config(), http, new FhircastListener() {}, scheduler);
    subscriber.start(segment -> {});
    assertThat(hub.awaitSubscriber(WAIT)).isTrue();
    hook =
        new DefaultSpeechHook(
            new FileOutbox(dir.resolve("dictation"), Clock.systemUTC()),
            scheduler,
            DictationSession.Timing.withDebounce(Duration.ofMillis(50)));
    hook.addResultSender(sender(publisher()));
    study = hook.open(Studies.CHEST_CT, List::of, QUIET);
  }

  @AfterEach
  void stop() throws Exception {
    study.close();
    hook.close();
    subscriber.close();
    for (AutoCloseable c : open) {
      c.close();
    }
    hub.close();
    scheduler.shutdownNow();
  }

  private FhircastConfig config() {
    return new FhircastConfig(
        hub.hubUrl(), "topic-1", FhircastTestHub.TOKEN, "test", 3600, 0.8, Duration.ofSeconds(2));
  }

  /** A publisher over the results outbox folder (a new one = the workstation restarted). */
  private FhircastPublisher publisher() throws Exception {
    return new FhircastPublisher(
        config(),
        http,
        new FileOutbox(dir.resolve("outbox-fhircast"), Clock.systemUTC()),
        DraftRequestFactory.newSession(new SecureRandom()),
        subscriber::versionId,
        Clock.systemUTC());
  }

  private FhircastResultSender sender(FhircastPublisher publisher) {
    return new FhircastResultSender(subscriber, publisher, NAME);
  }

  private int pending() throws Exception {
    return new FileOutbox(dir.resolve("outbox-fhircast"), Clock.systemUTC()).pending().size();
  }

  private void openReport(String reportId, String studyUid) throws Exception {
    hub.awaitAck(
        hub.publish(
            "DiagnosticReport-open",
            FhircastTestHub.context(
                "report", FhircastTestHub.resource("DiagnosticReport", reportId),
                "study", FhircastTestHub.imagingStudy("is-1", studyUid, "ACC1"),
                "patient", FhircastTestHub.resource("Patient", "p-1")),
            Instant.now().toString(),
            true),
        WAIT);
  }

  private static List<JsonNode> entries(JsonNode event, String resourceType) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode c : event.path("event").path("context")) {
      if ("updates".equals(c.path("key").asText())) {
        for (JsonNode e : c.path("resource").path("entry")) {
          if (resourceType.equals(e.path("resource").path("resourceType").asText())) {
            assertThat(e.path("request").path("method").asText()).isEqualTo("PUT");
            found.add(e.path("resource"));
          }
        }
      }
    }
    return found;
  }

  @Test
  void approvingSendsOneUpdateWithOnlyTheAcceptedSectionsToTheOpenReport() throws Exception {
    openReport("dr-7", UID);

    assertThat(study.sendAccepted(accepted())).containsExactly(NAME + ": acknowledged");

    assertThat(hub.published()).hasSize(1);
    JsonNode event = hub.published().get(0);
    assertThat(event.path("event").path("hub.event").asText()).isEqualTo("DiagnosticReport-update");
    assertThat(event.path("event").path("hub.topic").asText()).isEqualTo("topic-1");
    assertThat(event.path("event").path("context.versionId").asText())
        .isEqualTo(subscriber.versionId());
    assertThat(event.path("event").path("context").path(0).path("reference").path("reference"))
        .hasToString("\"DiagnosticReport/dr-7\"");
    List<JsonNode> observations = entries(event, "Observation");
    assertThat(observations)
        .extracting(o -> o.path("code").path("coding").path(0).path("code").asText())
        .containsExactly(SectionKind.FINDINGS.code().code(), SectionKind.IMPRESSION.code().code());
    assertThat(observations)
        .allSatisfy(o -> assertThat(o.path("status").asText()).isEqualTo("preliminary"));
    assertThat(observations.get(0).path("valueString").asText())
        .startsWith("New 8.2 mm solid nodule right upper lobe")
        .doesNotContain("Oakley");
    assertThat(observations.get(1).path("valueString").asText())
        .contains("Lung-RADS 4A")
        .doesNotContain("555-123-4567");
    List<JsonNode> reports = entries(event, "DiagnosticReport");
    assertThat(reports).hasSize(1);
    assertThat(reports.get(0).path("id").asText()).isEqualTo("dr-7");
    assertThat(reports.get(0).path("status").asText()).isEqualTo("preliminary");
    assertThat(reports.get(0).path("result"))
        .extracting(r -> r.path("reference").asText())
        .containsExactly(
            "Observation/" + observations.get(0).path("id").asText(),
            "Observation/" + observations.get(1).path("id").asText());
    String body = event.toString();
    for (String identifying : Studies.IDENTIFIERS) {
      assertThat(body).doesNotContain(identifying);
    }
    assertThat(body).doesNotContain("Patient/");
    assertThat(pending()).isZero();
  }

  @Test
  void withNoReportOpenForTheStudyTheSenderIsNotApplicableAndSendsNothing() throws Exception {
    assertThat(study.sendAccepted(accepted()))
        .containsExactly(NAME + ": not applicable (" + FhircastResultSender.NO_REPORT_OPEN + ")");

    openReport("dr-other", "1.2.3.4.5.6.7"); // the reporting system has another study's report
    assertThat(study.sendAccepted(accepted()))
        .containsExactly(NAME + ": not applicable (" + FhircastResultSender.NO_REPORT_OPEN + ")");

    openReport("dr-8", UID);
    hub.awaitAck(
        hub.publish(
            "DiagnosticReport-close",
            FhircastTestHub.context(
                "report", FhircastTestHub.resource("DiagnosticReport", "dr-8"),
                "patient", FhircastTestHub.resource("Patient", "p-1"))),
        WAIT);
    assertThat(study.sendAccepted(accepted()))
        .containsExactly(NAME + ": not applicable (" + FhircastResultSender.NO_REPORT_OPEN + ")");

    assertThat(hub.published()).isEmpty();
    assertThat(pending()).isZero();
  }

  @Test
  void withTheHubDownTheUpdateStaysInTheOutboxAndIsSentOnceAfterItComesBack() throws Exception {
    openReport("dr-9", UID);
    int port = hub.hubUrl().getPort();
    hub.close();

    assertThat(study.sendAccepted(accepted()))
        .containsExactly(NAME + ": kept in its outbox, sent again later");
    assertThat(pending()).isEqualTo(1);
    String stored =
        new FileOutbox(dir.resolve("outbox-fhircast"), Clock.systemUTC())
            .pending()
            .get(0)
            .idempotencyKey();

    // the hub comes back on its address; the workstation restarted meanwhile (new outbox reader)
    hub = new FhircastTestHub(port);
    FhircastResultSender restarted = sender(publisher());
    assertThat(restarted.replay()).isEqualTo(1);
    assertThat(restarted.replay()).isZero();

    assertThat(hub.published()).hasSize(1);
    JsonNode event = hub.published().get(0);
    assertThat(event.path("id").asText()).isEqualTo(stored);
    assertThat(event.path("event").path("hub.event").asText()).isEqualTo("DiagnosticReport-update");
    assertThat(entries(event, "Observation")).hasSize(2);
    assertThat(pending()).isZero();
  }
}
