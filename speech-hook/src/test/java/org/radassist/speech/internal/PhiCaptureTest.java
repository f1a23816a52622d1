package org.radassist.speech.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.internal.engine.EmbeddedDraftingService;
import org.radassist.drafting.internal.engine.RulesEngine;
import org.radassist.drafting.request.DraftRequestFactory;
import org.radassist.drafting.wire.DraftWire;
import org.radassist.model.DraftReport;
import org.radassist.model.Section;
import org.radassist.model.SectionKind;
import org.radassist.speech.AcceptedReport;
import org.radassist.speech.DictationSegment;
import org.radassist.speech.internal.fhircast.FhircastConfig;
import org.radassist.speech.internal.fhircast.FhircastPublisher;
import org.radassist.speech.internal.hl7.Hl7ResultSender;
import org.radassist.speech.testing.FhircastTestHub;
import org.radassist.speech.testing.PanelModel;
import org.radassist.speech.testing.RecordingDraftingService;
import org.radassist.speech.testing.StatusLog;
import org.radassist.speech.testing.Studies;

/**
 * Captures every payload that leaves: the draft requests (as the contract's JSON, what the remote
 * client sends), the FHIRcast requests a real hub receives and the HL7 messages a real MLLP RIS
 * receives, for a dictation full of identifiers; none of the name, MRN, accession, UID or dates may
 * be in any of them: the dates leave only as days relative to the study date ({@code [day -12]}).
 */
class PhiCaptureTest {
  static final String DICTATION =
      "Mrs. Oakley, MRN4455667, accession ACC20261129, study 1.2.826.0.1.3680043.8.498.12345,"
          + " born 05/02/1958 (an age in years), compared with 2026-11-20: new eight point two mm solid nodule in the"
          + " right upper lobe. Call Annie at 555-123-4567.";

  /** Dates as the scrubber reads them (ISO, numeric, DICOM DA, with month names). */
  static final java.util.regex.Pattern LITERAL_DATE =
      java.util.regex.Pattern.compile(
          "(?i)\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b|\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b"
              + "|\\b(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\b"
              + "|\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}\\b"
              + "|\\b\\d{1,2}\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b");

  @TempDir Path dir;

  @Test
  void noIdentifierLeavesByAnyChannel() throws Exception {
    List<String> drafts = new ArrayList<>();
    List<String> hl7 = new CopyOnWriteArrayList<>();
    ExecutorService engineThreads = Executors.newFixedThreadPool(2);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    HapiContext hapi = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
    hapi.setValidationContext(ValidationContextFactory.noValidation());
    OkHttpClient http = new OkHttpClient();
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    HL7Service ris = hapi.newServer(port, false);
    try (FhircastTestHub hub = new FhircastTestHub()) {
      ris.registerApplication(
          "ORU",
          "R01",
          new ReceivingApplication<Message>() {
            @Override
            public Message processMessage(Message m, Map<String, Object> meta) {
              try {
                hl7.add(m.encode());
                return m.generateACK();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            }

            @Override
            public boolean canProcess(Message m) {
              return true;
            }
          });
      ris.startAndWait();
      DraftRequestFactory phi = DraftRequestFactory.newSession(new SecureRandom());
      FileOutbox outbox = new FileOutbox(dir, Clock.systemUTC());

      // 1. dictation -> draft requests
      RecordingDraftingService recording =
          new RecordingDraftingService(
              new EmbeddedDraftingService(
                  RulesEngine.withDefaults(), engineThreads, Clock.systemUTC()));
      PanelModel panel = new PanelModel();
      try (DictationSession session =
          new DictationSession(
              Studies.CHEST_CT,
              recording,
              phi,
              outbox,
              scheduler,
              Duration.ofMillis(50),
              new StatusLog(),
              panel,
              () -> "Screening for Annie Oakley (MRN4455667), 30 pack-years",
              List::of)) {
        session.onSegment(
            new DictationSegment(
                "test", Studies.CHEST_CT.studyInstanceUid(), 1, false, DICTATION.substring(0, 60)));
        session.onSegment(
            new DictationSegment("test", Studies.CHEST_CT.studyInstanceUid(), 1, true, DICTATION));
        DraftReport draft = panel.awaitCompleted(20_000);
        DraftWire wire = DraftWire.create();
        recording.sent().forEach(x -> drafts.add(wire.writeRequest(x.request())));

        // 2. the accepted draft, plus a line the radiologist typed, goes out by FHIRcast and HL7
        Map<SectionKind, String> accepted = new EnumMap<>(SectionKind.class);
        for (Section s : draft.sections()) {
          accepted.put(s.kind(), s.text());
        }
        accepted.put(
            SectionKind.COMMUNICATION,
            "Discussed with Dr. Smith and Mrs. Oakley on 2026-11-20; " + DICTATION);
        AcceptedReport report = new AcceptedReport("dr-1", accepted);
        FhircastPublisher fhircast =
            new FhircastPublisher(
                new FhircastConfig(
                    hub.hubUrl(),
                    "topic-1",
                    FhircastTestHub.TOKEN,
                    "radassist",
                    60,
                    0.8,
                    Duration.ofSeconds(5)),
                http,
                outbox,
                phi,
                () -> "v1",
                Clock.systemUTC());
        assertThat(fhircast.publish(report, Studies.CHEST_CT)).isTrue();
        Hl7ResultSender oru =
            new Hl7ResultSender(
                org.radassist.hl7.Hl7Messages.create(),
                outbox,
                phi,
                "127.0.0.1",
                port,
                Clock.systemUTC());
        assertThat(oru.send(report, Studies.CHEST_CT)).isTrue();
      }

      List<String> everything = new ArrayList<>(drafts);
      everything.addAll(hub.requestBodies());
      everything.addAll(hl7);
      System.out.printf(
          "phi capture: %d draft requests, %d FHIRcast requests, %d HL7 messages checked%n",
          drafts.size(), hub.requestBodies().size(), hl7.size());
      assertThat(drafts).isNotEmpty();
      assertThat(hub.requestBodies()).isNotEmpty();
      assertThat(hl7).hasSize(1);
      assertThat(String.join("\n", drafts)).contains("nodule"); // the clinical content does leave
      for (String payload : everything) {
        String lower = payload.toLowerCase(Locale.ROOT);
        for (String id : Studies.IDENTIFIERS) {
          assertThat(lower).as("payload %s", payload).doesNotContain(id.toLowerCase(Locale.ROOT));
        }
        assertThat(lower).doesNotContain("555-123-4567").doesNotContain("smith");
        // no literal date in any form the scrubber reads, apart from the protocols' own send
        // times (FHIRcast event timestamp, HL7 MSH-7)
        String content =
            payload.replaceAll("\"timestamp\":\"[^\"]*\"", "").replaceAll("MSH\\|[^\r]*", "");
        assertThat(LITERAL_DATE.matcher(content).find()).as("a date in %s", payload).isFalse();
      }
      // the dates became days relative to the study date (2026-11-20): born 05/02/1958 and
      // compared with 2026-11-20, in the dictation sent for drafting and in what was accepted
      assertThat(String.join("\n", drafts)).contains("[age 68]").contains("[day 0]");
      assertThat(String.join("\n", hub.requestBodies())).contains("[age 68]").contains("[day 0]");
      assertThat(hl7.get(0)).contains("[age 68]").contains("[day 0]");
    } finally {
      ris.stopAndWait();
      hapi.close();
      scheduler.shutdownNow();
      engineThreads.shutdownNow();
      http.dispatcher().executorService().shutdownNow();
    }
  }
}
