package org.radassist.examples.swinghost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

  @Test
  void aRadiologistSeesFindingsAndPriorsDraftsAcceptsAndEveryAcceptIsAudited() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SampleRun.Result r =
        SampleRun.run(
            options("radiologist", Role.RADIOLOGIST),
            SampleRun.DICTATION,
            new PrintStream(out, true, StandardCharsets.UTF_8));

    String log = out.toString(StandardCharsets.UTF_8);
    assertThat(r.findingsTab()).as(log).isEqualTo("Findings (1)");
    assertThat(r.priorsCompared()).as(log).isTrue();
    assertThat(r.draftComplete()).as(log).isTrue();
    assertThat(r.accepted()).as(log).isGreaterThanOrEqualTo(2);
    assertThat(r.acceptRecords()).as(log).isEqualTo(r.accepted());
    assertThat(r.auditIntact()).isTrue();
    assertThat(r.ok()).isTrue();
    // the trail's files verify on their own, as `radassist audit verify` reads them
    Path trail = temp.resolve("radiologist").resolve("audit");
    assertThat(AuditFiles.verify(AuditFiles.trailFiles(trail)).records())
        .isEqualTo(r.auditRecords());
  }

  @Test
  void aViewerCannotAcceptWithoutGovernanceAndNothingIsAuditedAsAccepted() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SampleRun.Result r =
        SampleRun.run(
            options("viewer", Role.VIEWER),
            SampleRun.DICTATION,
            new PrintStream(out, true, StandardCharsets.UTF_8));

    String log = out.toString(StandardCharsets.UTF_8);
    assertThat(r.draftComplete()).as(log).isTrue();
    assertThat(r.refused()).as(log).isTrue();
    assertThat(r.accepted()).isZero();
    assertThat(r.acceptRecords()).isZero();
    assertThat(r.ok()).as(log).isTrue();
  }

  @Test
  void showOnImageOpensTheReferencedSliceAndDrawsTheAiRegion() throws Exception {
    try (SwingHost host = SwingHost.start(options("show", Role.RADIOLOGIST))) {
      PanelRobot robot = new PanelRobot(host.content());
      assertThat(
              PanelRobot.await(() -> robot.countEnabled("Show on image") > 0, 60, TimeUnit.SECONDS))
          .isTrue();
      String before = PanelRobot.onEdt(() -> host.view().caption());

      robot.click("Show on image");

      assertThat(
              PanelRobot.await(
                  () -> PanelRobot.onEdt(() -> host.view().showsRegion()), 30, TimeUnit.SECONDS))
          .isTrue();
      // the phantom's nodule is on slice 9 of 24; the study opened on slice 1
      assertThat(before).startsWith("Image 1 ");
      assertThat(PanelRobot.onEdt(() -> host.view().caption())).startsWith("Image 9 ");
    }
  }
}
