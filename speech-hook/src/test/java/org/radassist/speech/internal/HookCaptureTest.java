package org.radassist.speech.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.remote.RemoteConfig;
import org.radassist.drafting.remote.RemoteDraftingService;
import org.radassist.drafting.testing.CapturingDraftServer;
import org.radassist.drafting.testing.IdentifierDictation;
import org.radassist.model.Sex;
import org.radassist.model.StudyContext;
import org.radassist.speech.DictationSegment;
import org.radassist.speech.PriorReport;
import org.radassist.speech.SessionStatus;
import org.radassist.speech.StudyDictation;
import org.radassist.speech.StudyDictationListener;
import org.radassist.speech.testing.PanelModel;

/**
 * The speech hook as the panel opens it, drafting with the remote client against a real capturing
 * server on loopback: a dictation full of identifiers (typed in the panel's box, with an indication
 * and a prior) leaves with none of them.
 */
class HookCaptureTest {
  @TempDir Path dir;

  @Test
  void noIdentifierReachesTheDraftingServer() throws Exception {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    OkHttpClient http = new OkHttpClient();
    try (CapturingDraftServer server = new CapturingDraftServer();
        DefaultSpeechHook hook =
            new DefaultSpeechHook(
                new FileOutbox(dir, Clock.systemUTC()),
                scheduler,
                DictationSession.Timing.withDebounce(Duration.ofMillis(20)))) {
      hook.setDraftingService(
          RemoteDraftingService.create(
              RemoteConfig.defaults(server.uri(), "token-1"),
              http,
              scheduler,
              new Random(),
              Clock.systemUTC()));
      StudyContext study = IdentifierDictation.STUDY;
      hook.rememberIndication(
          study.studyInstanceUid(), "Screening for Mrs. Annie Oakley, MRN PID7788123");
      PanelModel panel = new PanelModel();
      StudyDictation dictation =
          hook.open(
              study,
              List::of,
              new StudyDictationListener() {
                @Override
                public void onSegment(DictationSegment segment) {}

                @Override
                public void onDraftEvent(DraftEvent event) {
                  panel.onEvent(event);
                }

                @Override
                public void onStatus(SessionStatus status) {}
              });
      dictation.priors(
          List.of(
              new PriorReport(
                  new StudyContext(
                      "1.2.826.0.1.3680043.8.498.55",
                      "ACC20251103",
                      "PID7788123",
                      null,
                      "Oakley^Annie",
                      LocalDate.of(1958, 5, 2),
                      Sex.F,
                      List.of("CT"),
                      "CHEST",
                      LocalDate.of(2025, 11, 3),
                      null),
                  "6 mm nodule, discussed with Dr. Alan Grant on 2025-11-03 at 14:35")));
      dictation.typed(true, IdentifierDictation.TEXT);
      assertThat(panel.awaitCompleted(20_000)).isNotNull();
      dictation.close();

      assertThat(server.draftBodies()).isNotEmpty();
      for (CapturingDraftServer.Captured c : server.captured()) {
        IdentifierDictation.assertNoneLeaves(c.everything());
      }
      IdentifierDictation.assertFindingsSent(server.draftBodies().get(0));
      assertThat(server.draftBodies().get(0)).contains("\"relative_days\":-382");
    } finally {
      scheduler.shutdownNow();
      http.dispatcher().executorService().shutdownNow();
    }
  }
}
