package org.radassist.workstation.internal.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.DraftingService;
import org.radassist.drafting.remote.RemoteConfig;
import org.radassist.drafting.remote.RemoteDraftingService;
import org.radassist.drafting.testing.CapturingDraftServer;
import org.radassist.drafting.testing.IdentifierDictation;
import org.radassist.host.PanelContribution;
import org.radassist.host.Role;
import org.radassist.host.UserIdentity;
import org.radassist.host.ViewerHost;
import org.radassist.panel.RadAssistPanels;
import org.radassist.panel.RadAssistTool;
import org.radassist.workstation.internal.study.DefaultStudy;
import org.radassist.workstation.internal.study.DefaultStudyGenerator;

/**
 * The workstation's headless run with the real panel, drafting with the remote client against a
 * real capturing server on loopback: the dictation full of identifiers leaves with none of them,
 * and nothing of the study's own header; the run drafts once (through the panel), and report.txt is
 * the panel's reviewed draft.
 */
class WorkstationCaptureTest {
  @TempDir Path temp;

  @Test
  void theRunDraftsOnceThroughThePanelAndNoIdentifierLeaves() throws Exception {
    DefaultStudy study = new DefaultStudyGenerator(Optional.empty()).generate(temp.resolve("s"));
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    OkHttpClient http = new OkHttpClient();
    try (CapturingDraftServer server = new CapturingDraftServer()) {
      DraftingService remote =
          RemoteDraftingService.create(
              RemoteConfig.defaults(server.uri(), "token-1"),
              http,
              scheduler,
              new Random(),
              Clock.systemUTC());
      PanelContribution panel =
          new PanelContribution() {
            RadAssistTool tool;

            @Override
            public String id() {
              return "radassist.panel";
            }

            @Override
            public String title() {
              return "RadAssist";
            }

            @Override
            public JComponent createComponent(ViewerHost host) {
              tool = RadAssistPanels.builder(host).drafting(remote).build();
              return tool.component();
            }

            @Override
            public void dispose(JComponent component) {
              tool.dispose();
            }
          };
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      HeadlessRun.Parts parts =
          new HeadlessRun.Parts(
              bench(),
              () -> List.of(panel),
              () -> Optional.of(remote),
              Optional::empty,
              Optional.empty(),
              Optional.empty(),
              Clock.systemUTC());
      Path out = temp.resolve("out");
      int code =
          new HeadlessRun(parts, new PrintStream(log, true, StandardCharsets.UTF_8))
              .run(study.root(), out, IdentifierDictation.TEXT);
      String said = log.toString(StandardCharsets.UTF_8);
      assertThat(code).as(said).isZero();

      assertThat(server.draftBodies()).as("one draft, the panel's").hasSize(1);
      assertThat(said).contains("report from the panel's review of draft");
      var context =
          new org.radassist.workstation.internal.load.FolderLoader()
              .load(study.root())
              .newest()
              .orElseThrow()
              .context();
      for (CapturingDraftServer.Captured c : server.captured()) {
        IdentifierDictation.assertNoneLeaves(c.everything());
        String lower = c.everything().toLowerCase(java.util.Locale.ROOT);
        assertThat(lower).doesNotContain(context.studyInstanceUid().toLowerCase());
        if (context.patientId() != null) {
          assertThat(lower).doesNotContain(context.patientId().toLowerCase());
        }
        for (String part :
            org.radassist.model.privacy.TextScrubber.nameParts(context.patientName())) {
          assertThat(lower).doesNotContain(part.toLowerCase());
        }
      }
      IdentifierDictation.assertFindingsSent(server.draftBodies().get(0));
      assertThat(Files.readString(out.resolve("report.txt"))).contains("nodule");
    } finally {
      scheduler.shutdownNow();
      http.dispatcher().executorService().shutdownNow();
    }
  }

  private static Workbench bench() throws Exception {
    CompletableFuture<Workbench> b = new CompletableFuture<>();
    SwingUtilities.invokeLater(
        () ->
            b.complete(
                Workbench.create(
                    "test host",
                    new UserIdentity("dr", "Dr Test", EnumSet.of(Role.RADIOLOGIST)),
                    Executors.newSingleThreadExecutor())));
    return b.get(30, TimeUnit.SECONDS);
  }
}
