package org.radassist.speech.internal.fhircast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.radassist.speech.DictationSegment;
import org.radassist.speech.internal.TypedConfigs;
import org.radassist.speech.testing.FhircastTestHub;
import org.radassist.speech.testing.Studies;

/** The FHIRcast DS component against the test hub: configured, it subscribes in the background. */
class FhircastComponentTest {
  static final String UID = Studies.CHEST_CT.studyInstanceUid();
  private FhircastTestHub hub;
  @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir;

  @BeforeEach
  void start() throws Exception {
    hub = new FhircastTestHub();
  }

  @AfterEach
  void stop() throws Exception {
    hub.close();
  }

  static FhircastComponent.Config config(Map<String, Object> values) {
    return TypedConfigs.of(FhircastComponent.Config.class, values);
  }

  @Test
  void configuredItSubscribesAndDeliversDictationAsTheFhircastSource() throws Exception {
    FhircastComponent component =
        new FhircastComponent(
            config(
                Map.of(
                    "bearer_token",
                    FhircastTestHub.TOKEN,
                    "hub_url",
                    hub.hubUrl().toString(),
                    "topic",
                    "topic-1",
                    "lease_seconds",
                    3600,
                    "subscriber_name",
                    "radassist-test")));
    List<DictationSegment> segments = new CopyOnWriteArrayList<>();
    try {
      assertThat(component.name()).isEqualTo("fhircast");
      component.start(segments::add);
      assertThat(hub.awaitSubscriber(20_000)).isTrue();
      assertThat(hub.subscribeRequests().get(0))
          .containsEntry("hub.lease_seconds", "3600")
          .containsEntry("subscriber.name", "radassist-test");
      hub.awaitAck(
          hub.publish(
              "DiagnosticReport-open",
              FhircastTestHub.context(
                  "report", FhircastTestHub.resource("DiagnosticReport", "dr-1"),
                  "study", FhircastTestHub.imagingStudy("is-1", UID, "ACC1"),
                  "patient", FhircastTestHub.resource("Patient", "p-1")),
              Instant.now().toString(),
              true),
          20_000);
      assertThat(
              hub.awaitAck(
                  hub.publish(
                      "DiagnosticReport-update",
                      FhircastTestHub.update("dr-1", Map.of("obs-1", "no effusion"))),
                  20_000))
          .containsExactly("200");
      assertThat(segments)
          .containsExactly(new DictationSegment("fhircast", UID, 1, true, "no effusion"));

      // the results component shares the configuration and the report contexts heard
      FhircastResultsComponent results =
          new FhircastResultsComponent(
              TypedConfigs.framework(Map.of()),
              config(
                  Map.of(
                      "bearer_token",
                      FhircastTestHub.TOKEN,
                      "hub_url",
                      hub.hubUrl().toString(),
                      "topic",
                      "topic-1",
                      "outbox_dir",
                      dir.resolve("outbox-fhircast").toString())),
              component);
      try {
        assertThat(results.name()).isEqualTo("FHIRcast DiagnosticReport-update to 127.0.0.1");
        assertThat(results.notApplicable(Studies.CHEST_CT)).isEmpty();
        assertThat(
                results.send(
                    new org.radassist.speech.AcceptedReport(
                        "ignored-order",
                        Map.of(org.radassist.model.SectionKind.FINDINGS, "No effusion.")),
                    Studies.CHEST_CT))
            .isTrue();
        assertThat(hub.published()).hasSize(1);
        assertThat(hub.published().get(0).toString()).contains("DiagnosticReport/dr-1");
      } finally {
        results.deactivate();
      }
    } finally {
      component.close();
    }
  }

  @Test
  void unconfiguredTheResultsComponentIsNotApplicable() throws Exception {
    FhircastResultsComponent results =
        new FhircastResultsComponent(
            TypedConfigs.framework(Map.of("radassist.data.dir", dir.toString())),
            config(Map.of("topic", "t")),
            new ReportContexts() {
              @Override
              public java.util.Optional<String> openReport(String studyInstanceUid) {
                return java.util.Optional.of("dr-1");
              }

              @Override
              public String versionId() {
                return null;
              }
            });
    try {
      assertThat(results.notApplicable(Studies.CHEST_CT))
          .contains("FHIRcast is not configured (hub.url, topic)");
    } finally {
      results.deactivate();
    }
  }

  @Test
  void withoutHubUrlOrTopicItStaysIdle() {
    assertThat(FhircastComponent.config(config(Map.of("topic", "t")))).isNull();
    assertThat(FhircastComponent.config(config(Map.of("hub_url", "http://127.0.0.1:1/hub"))))
        .isNull();
    assertThat(
            FhircastComponent.config(
                config(
                    Map.of(
                        "hub_url", "http://127.0.0.1:1/hub", "topic", " ", "bearer_token", "x"))))
        .isNull();
    assertThat(
            FhircastComponent.config(
                config(
                    Map.of("hub_url", "http://127.0.0.1:1/hub", "topic", "t", "lease_seconds", 0))))
        .isNull();
    FhircastConfig ok =
        FhircastComponent.config(config(Map.of("hub_url", "http://127.0.0.1:1/hub", "topic", "t")));
    assertThat(ok.leaseSeconds()).isEqualTo(7200);
    assertThat(ok.subscriberName()).isEqualTo("RadAssist");
    assertThat(ok.bearerToken()).isNull();
  }
}
