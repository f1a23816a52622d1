package org.radassist.examples.swinghost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.audit.AuditFiles;
import org.radassist.host.Role;
import org.radassist.host.UserIdentity;

/**
 * The sample host runs the product end to end without OSGi, headless: AI findings from the SR, the
 * prior comparison, drafting, the radiologist's accepts in the audit trail, and a user without the
 * radiologist role refused.
 */
class SwingHostEndToEndTest {
  @TempDir static Path temp;
  static Path study;

  @BeforeAll
  static void phantom() throws Exception {
    study = PhantomStudy.write(temp.resolve("study"));
  }

  private static SwingHost.Options options(String data, Role... roles) {
    return new SwingHost.Options(
        study,
        temp.resolve(data),
        new UserIdentity("u-" + data, "Test " + data, EnumSet.of(roles[0], roles)));
  }

  private static SampleRun.Result run(SwingHost.Options options, StringBuilder log)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      return SampleRun.run(
          options, SampleRun.DICTATION, new PrintStream(out, true, StandardCharsets.UTF_8));
    } finally {
      log.append(out.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void aRadiologistSeesFindingsAndPriorsDraftsAcceptsAndEveryAcceptIsAudited() throws Exception {
    StringBuilder log = new StringBuilder();
    SampleRun.Result r = run(options("radiologist", Role.RADIOLOGIST), log);

    assertThat(r.findingsTab()).as(log::toString).isEqualTo("Findings (1)");
    assertThat(r.priorsCompared()).as(log::toString).isTrue();
    assertThat(r.draftComplete()).as(log::toString).isTrue();
    assertThat(r.accepted()).as(log::toString).isGreaterThanOrEqualTo(2);
    assertThat(r.acceptRecords()).as(log::toString).isEqualTo(r.accepted());
    assertThat(r.outboxUnsent()).as("drafted through the speech hook's outbox").isZero();
    assertThat(r.auditIntact()).isTrue();
    assertThat(r.ok()).isTrue();
    // the trail's files verify on their own, as `radassist audit verify` reads them
    Path trail = temp.resolve("radiologist").resolve("audit");
    assertThat(AuditFiles.verify(AuditFiles.trailFiles(trail)).records())
        .isEqualTo(r.auditRecords());
  }

  @Test
  void governanceRefusesAViewerAndAuditsTheRefusal() throws Exception {
    StringBuilder log = new StringBuilder();
    SampleRun.Result r = run(options("viewer", Role.VIEWER), log);

    assertThat(r.draftComplete()).as(log::toString).isTrue();
    assertThat(r.refused()).as(log::toString).isTrue();
    assertThat(r.accepted()).isZero();
    assertThat(r.acceptRecords()).isZero();
    assertThat(r.refusalRecords()).as(log::toString).isPositive();
    assertThat(r.ok()).as(log::toString).isTrue();
  }

  @Test
  void withoutGovernanceThePanelStillLetsOnlyARadiologistAccept() throws Exception {
    StringBuilder log = new StringBuilder();
    SwingHost.Options viewer = options("viewer-ungoverned", Role.VIEWER, Role.TECHNOLOGIST);
    SampleRun.Result r =
        run(new SwingHost.Options(viewer.study(), viewer.dataDir(), viewer.user(), false), log);

    assertThat(r.refused()).as(log::toString).isTrue();
    assertThat(r.acceptRecords()).isZero();
    assertThat(r.ok()).as(log::toString).isTrue();
  }

  @Test
  void aSpeechEngineDictatesThroughTheLoopbackIntakeIntoTheOutboxAndTheDraftReachesThePanel()
      throws Exception {
    try (SwingHost host = SwingHost.start(options("loopback", Role.RADIOLOGIST))) {
      PanelRobot robot = new PanelRobot(host.content());
      assertThat(
              PanelRobot.await(
                  () -> robot.tabTitle("Findings").startsWith("Findings ("), 60, TimeUnit.SECONDS))
          .isTrue();
      var endpoint = host.speech().loopback().orElseThrow();
      assertThat(endpoint.http().getHost()).isEqualTo("127.0.0.1");
      String token = Files.readString(endpoint.tokenFile()).trim();
      String uid = host.host().currentStudy().orElseThrow().studyInstanceUid();
      String body =
          "{\"study_instance_uid\":\""
              + uid
              + "\",\"seq\":1,\"final\":true,\"text\":\"Lungs: 8 mm solid nodule in the right"
              + " upper lobe. Impression: growing nodule.\"}";
      HttpResponse<String> posted =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(endpoint.http())
                      .timeout(Duration.ofSeconds(10))
                      .header("Authorization", "Bearer " + token)
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(posted.statusCode()).as(posted.body()).isBetween(200, 299);

      robot.selectTab("Draft");
      assertThat(
              PanelRobot.await(
                  () -> robot.shows("Draft complete") && robot.countEnabled("Accept") > 0,
                  60,
                  TimeUnit.SECONDS))
          .isTrue();
      assertThat(robot.shows("8 mm")).isTrue();
      // durable first: the outbox directory holds the dictation; drafted, nothing is left unsent
      try (var files = Files.walk(temp.resolve("loopback").resolve("outbox"))) {
        assertThat(files.filter(Files::isRegularFile).count()).isPositive();
      }
      assertThat(PanelRobot.await(() -> host.speech().unsentItems() == 0, 30, TimeUnit.SECONDS))
          .isTrue();

      // a wrong token is refused and nothing reaches the outbox
      HttpResponse<String> refused =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(endpoint.http())
                      .timeout(Duration.ofSeconds(10))
                      .header("Authorization", "Bearer not-the-token")
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              body.replace("\"seq\":1", "\"seq\":2")))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(401);
    }
  }

  @Test
  void showOnImageOpensTheReferencedSliceAndDrawsTheAiRegion() throws Exception {
    try (SwingHost host = SwingHost.start(options("show", Role.RADIOLOGIST))) {
      PanelRobot robot = new PanelRobot(host.content());
      assertThat(
              PanelRobot.await(() -> robot.countEnabled("Show on image") > 0, 60, TimeUnit.SECONDS))
          .isTrue();
      // the study opens on its first slice (decoded on the viewer's worker, then shown)
      assertThat(
              PanelRobot.await(
                  () -> PanelRobot.onEdt(() -> host.view().caption()).startsWith("Image 1 "),
                  30,
                  TimeUnit.SECONDS))
          .isTrue();

      robot.click("Show on image");

      assertThat(
              PanelRobot.await(
                  () -> PanelRobot.onEdt(() -> host.view().showsRegion()), 30, TimeUnit.SECONDS))
          .isTrue();
      // the phantom's nodule is on slice 9 of 24
      assertThat(PanelRobot.onEdt(() -> host.view().caption())).startsWith("Image 9 ");
    }
  }

  @Test
  void anUnreachablePacsIsSaidInThePriorsTabAndTheRestWorks() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort(); // closed again: nothing listens there
    }
    SwingHost.Options base = options("pacs", Role.RADIOLOGIST);
    SwingHost.Options options =
        new SwingHost.Options(
            base.study(),
            base.dataDir(),
            base.user(),
            true,
            "http://127.0.0.1:" + port + "/dicom-web",
            null);
    try (SwingHost host = SwingHost.start(options)) {
      PanelRobot robot = new PanelRobot(host.content());
      robot.selectTab("Priors");
      assertThat(PanelRobot.await(() -> robot.shows("PACS unreachable"), 60, TimeUnit.SECONDS))
          .isTrue();
      assertThat(
              PanelRobot.await(
                  () -> robot.tabTitle("Findings").equals("Findings (1)"), 60, TimeUnit.SECONDS))
          .isTrue();
    }
  }

  @Test
  void aBadTemplatesDirectoryStopsTheStartNamingItAndLeavesNothingOpen() throws Exception {
    SwingHost.Options base = options("templates", Role.RADIOLOGIST);
    Path missing = temp.resolve("no-templates");
    SwingHost.Options options =
        new SwingHost.Options(base.study(), base.dataDir(), base.user(), true, null, missing);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SwingHost.start(options))
        .hasMessageContaining(missing + ": template directory not found");
    // the audit trail was released: the next start opens it
    try (SwingHost host = SwingHost.start(options("templates", Role.RADIOLOGIST))) {
      assertThat(host.audit().verify().intact()).isTrue();
    }
  }
}
