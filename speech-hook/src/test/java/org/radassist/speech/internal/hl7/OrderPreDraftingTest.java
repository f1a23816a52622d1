package org.radassist.speech.internal.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.util.Terser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.internal.engine.EmbeddedDraftingService;
import org.radassist.drafting.internal.engine.RulesEngine;
import org.radassist.model.StudyContext;
import org.radassist.speech.DictationSegment;
import org.radassist.speech.SessionStatus;
import org.radassist.speech.StudyDictationListener;
import org.radassist.speech.internal.DefaultSpeechHook;
import org.radassist.speech.internal.DictationSession;
import org.radassist.speech.internal.FileOutbox;
import org.radassist.speech.testing.PanelModel;
import org.radassist.speech.testing.RecordingDraftingService;

/**
 * Pre-drafting from a RIS order, over real MLLP: the order's reason (OBR-31) becomes the indication
 * of the drafts of the study opened later, without being dictated.
 */
class OrderPreDraftingTest {
  static final String UID = "1.2.826.0.1.3680043.8.498.12345";

  @TempDir Path dir;
  private final HapiContext hapi = Hl7Test.context();
  private final ExecutorService engineThreads = Executors.newFixedThreadPool(2);
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() throws Exception {
    scheduler.shutdownNow();
    engineThreads.shutdownNow();
    hapi.close();
  }

  static String orm(String reason) {
    String[] obr = new String[32];
    java.util.Arrays.fill(obr, "");
    obr[0] = "OBR";
    obr[1] = "1";
    obr[2] = "PLC123";
    obr[3] = "ACC20261129";
    obr[4] = "71271^CT CHEST LOW DOSE^CPT";
    obr[24] = "CT";
    obr[31] = "^" + reason;
    return "MSH|^~\\&|RIS|HOSP|RADASSIST|RAD|20261120093000||ORM^O01|M1|P|2.3.1\r"
        + "PID|1||MRN4455667^^^HOSP^MR||OAKLEY^ANNIE\r"
        + "ORC|NW|PLC123|ACC20261129||SC\r"
        + String.join("|", obr)
        + "\r"
        + "ZDS|"
        + UID
        + "^^Application^DICOM\r";
  }

  @Test
  void theOrdersReasonIsTheIndicationOfTheDraftsOfTheStudyOpenedLater() throws Exception {
    RecordingDraftingService drafting =
        new RecordingDraftingService(
            new EmbeddedDraftingService(
                RulesEngine.withDefaults(), engineThreads, Clock.systemUTC()));
    DefaultSpeechHook hook =
        new DefaultSpeechHook(
            new FileOutbox(dir, Clock.systemUTC()),
            scheduler,
            DictationSession.Timing.withDebounce(Duration.ofMillis(50)));
    hook.setDraftingService(drafting);
    int port = Hl7Test.freePort();
    try (OrderIntake intake =
        new OrderIntake(
            org.radassist.hl7.Hl7Messages.create(),
            port,
            s -> hook.rememberIndication(s.studyInstanceUid(), s.reason()))) {
      intake.start();
      Connection c = hapi.newClient("127.0.0.1", port, false);
      try {
        String ack =
            new Terser(
                    c.getInitiator()
                        .sendAndReceive(
                            hapi.getPipeParser().parse(orm("Persistent cough, 30 pack-years"))))
                .get("/MSA-1");
        assertThat(ack).isEqualTo("AA");
      } finally {
        c.close();
      }
    }
    assertThat(hook.indication(UID)).isEqualTo("Persistent cough, 30 pack-years");

    PanelModel panel = new PanelModel();
    hook.open(
            StudyContext.ofStudy(UID),
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
            })
        .typed(true, "new eight mm solid nodule in the right upper lobe");
    panel.awaitCompleted(20_000);
    assertThat(drafting.sent().get(0).request().indication())
        .isEqualTo("Persistent cough, 30 pack-years");
    hook.close();
  }
}
