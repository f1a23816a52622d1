package org.radassist.speech.internal.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.request.DraftRequestFactory;
import org.radassist.hl7.Hl7Messages;
import org.radassist.hl7.ScheduledOrder;
import org.radassist.model.SectionKind;
import org.radassist.speech.AcceptedReport;
import org.radassist.speech.internal.FileOutbox;
import org.radassist.speech.testing.Studies;

/**
 * HL7 v2 over MLLP (through the HL7 bundle) against HAPI peers on loopback: a RIS receiving ORU, a
 * RIS sending orders.
 */
class Hl7Test {
  @TempDir Path dir;
  private final HapiContext hapi = context();
  private final Hl7Messages hl7 = Hl7Messages.create();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private HL7Service ris;

  static HapiContext context() {
    HapiContext c = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
    c.setValidationContext(ValidationContextFactory.noValidation());
    return c;
  }

  @AfterEach
  void stop() throws IOException {
    if (ris != null) {
      ris.stopAndWait();
    }
    hapi.close();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The RIS: a HAPI MLLP server that stores every ORU it receives and answers AA. */
  void startRis(int port) throws Exception {
    ris = hapi.newServer(port, false);
    ris.registerApplication(
        "ORU",
        "R01",
        new ReceivingApplication<Message>() {
          @Override
          public Message processMessage(Message m, Map<String, Object> meta) {
            try {
              received.add(m.encode());
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
  }

  static AcceptedReport report() {
    return new AcceptedReport(
        "PLC123",
        Map.of(
            SectionKind.FINDINGS,
            "New 8.2 mm solid nodule right upper lobe (series 3 image 45).",
            SectionKind.IMPRESSION,
            "Lung-RADS 4A. Discussed with Dr. Smith on 11/20/2026."));
  }

  @Test
  void anAcceptedReportReachesTheRisAsAPreliminaryOruAndLeavesTheOutbox() throws Exception {
    int port = freePort();
    startRis(port);
    FileOutbox outbox = new FileOutbox(dir, Clock.systemUTC());
    Hl7ResultSender sender =
        new Hl7ResultSender(
            hl7,
            outbox,
            DraftRequestFactory.newSession(new SecureRandom()),
            "127.0.0.1",
            port,
            Clock.systemUTC());

    assertThat(sender.send(report(), Studies.CHEST_CT)).isTrue();

    assertThat(outbox.pending()).isEmpty();
    assertThat(received).hasSize(1);
    Terser oru = new Terser(hapi.getPipeParser().parse(received.get(0)));
    assertThat(oru.get("/MSH-9-1") + "^" + oru.get("/MSH-9-2")).isEqualTo("ORU^R01");
    assertThat(oru.get("/.OBR-2-1")).isEqualTo("PLC123");
    assertThat(oru.get("/.OBR-25")).isEqualTo("P");
    assertThat(oru.get("/.OBSERVATION(0)/OBX-3-1")).isEqualTo("59776-5");
    assertThat(oru.get("/.OBSERVATION(0)/OBX-11")).isEqualTo("P");
    assertThat(oru.get("/.OBSERVATION(1)/OBX-5"))
        .isEqualTo("Lung-RADS 4A. Discussed with [NAME] on [day 0].");
    assertThat(received.get(0)).doesNotContain("PID|");
  }

  @Test
  void sectionsAcceptedInThePanelReachTheRisThroughTheSpeechHookAnsweringTheRisOrder()
      throws Exception {
    int port = freePort();
    startRis(port);
    java.util.concurrent.ScheduledExecutorService scheduler =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    try (org.radassist.speech.internal.DefaultSpeechHook hook =
        new org.radassist.speech.internal.DefaultSpeechHook(
            new FileOutbox(dir.resolve("dictation"), Clock.systemUTC()),
            scheduler,
            org.radassist.speech.internal.DictationSession.Timing.withDebounce(
                java.time.Duration.ofMillis(50)))) {
      org.radassist.speech.StudyDictationListener quiet =
          new org.radassist.speech.StudyDictationListener() {
            @Override
            public void onSegment(org.radassist.speech.DictationSegment segment) {}

            @Override
            public void onDraftEvent(org.radassist.drafting.DraftEvent event) {}

            @Override
            public void onStatus(org.radassist.speech.SessionStatus status) {}
          };
      org.radassist.speech.StudyDictation study = hook.open(Studies.CHEST_CT, List::of, quiet);
      Map<SectionKind, String> accepted =
          Map.of(
              SectionKind.FINDINGS, "New 8.2 mm solid nodule right upper lobe.",
              SectionKind.COMPARISON, " ");

      // no reporting system configured: nothing is sent, and the panel is told so
      assertThat(study.sendAccepted(accepted)).isEmpty();

      Hl7ResultSender sender =
          new Hl7ResultSender(
              hl7,
              new FileOutbox(dir.resolve("results"), Clock.systemUTC()),
              DraftRequestFactory.newSession(new SecureRandom()),
              "127.0.0.1",
              port,
              Clock.systemUTC());
      hook.addResultSender(sender::send);
      // without a RIS order the study's accession number is the order answered
      assertThat(study.sendAccepted(accepted)).containsExactly("reporting system: acknowledged");
      hook.rememberOrder(Studies.CHEST_CT.studyInstanceUid(), "PLC777");
      assertThat(study.sendAccepted(accepted)).containsExactly("reporting system: acknowledged");

      assertThat(received).hasSize(2);
      Terser first = new Terser(hapi.getPipeParser().parse(received.get(0)));
      Terser second = new Terser(hapi.getPipeParser().parse(received.get(1)));
      assertThat(first.get("/.OBR-2-1")).isEqualTo("ACC20261129");
      assertThat(second.get("/.OBR-2-1")).isEqualTo("PLC777");
      assertThat(second.get("/.OBSERVATION(0)/OBX-5"))
          .isEqualTo("New 8.2 mm solid nodule right upper lobe.");
      assertThat(second.get("/.OBSERVATION(1)/OBX-5")).isNull(); // the blank section is left out
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void aResultTheRisDidNotTakeIsReplayedAfterARestartWithTheSameControlId() throws Exception {
    int port = freePort();
    FileOutbox outbox = new FileOutbox(dir, Clock.systemUTC());
    Hl7ResultSender before =
        new Hl7ResultSender(
            hl7,
            outbox,
            DraftRequestFactory.newSession(new SecureRandom()),
            "127.0.0.1",
            port,
            Clock.systemUTC());

    assertThat(before.send(report(), Studies.CHEST_CT)).isFalse(); // the RIS is down
    String controlId = outbox.pending().get(0).idempotencyKey();

    startRis(port);
    FileOutbox reopened = new FileOutbox(dir, Clock.systemUTC());
    Hl7ResultSender after =
        new Hl7ResultSender(
            hl7,
            reopened,
            DraftRequestFactory.newSession(new SecureRandom()),
            "127.0.0.1",
            port,
            Clock.systemUTC());

    assertThat(after.replay()).isEqualTo(1);
    assertThat(after.replay()).isZero();
    assertThat(received)
        .singleElement()
        .satisfies(m -> assertThat(m).contains("|" + controlId + "|"));
    assertThat(reopened.pending()).isEmpty();
    System.out.printf("hl7 outbox: sent=2 acknowledged=1 replayed=1%n");
  }

  @Test
  void anAnswerThatAcknowledgesAnotherMessageKeepsTheResultInTheOutbox() throws Exception {
    // a peer on the RIS port that answers every message with an ACK for some other control id
    try (ServerSocket peer = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Thread t =
          new Thread(
              () -> {
                try (java.net.Socket s = peer.accept()) {
                  java.io.InputStream in = s.getInputStream();
                  while (in.read() != 0x1c) {
                    // the ORU
                  }
                  s.getOutputStream()
                      .write(
                          ("\u000bMSH|^~\\&|RIS|H|RADASSIST|R|2026||ACK|A1|P|2.5.1\rMSA|AA|OTHER\r"
                                  + "\u001c\r")
                              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                  s.getOutputStream().flush();
                } catch (IOException e) {
                  // the sender hung up
                }
              });
      t.setDaemon(true);
      t.start();
      FileOutbox outbox = new FileOutbox(dir, Clock.systemUTC());
      Hl7ResultSender sender =
          new Hl7ResultSender(
              hl7,
              outbox,
              DraftRequestFactory.newSession(new SecureRandom()),
              "127.0.0.1",
              peer.getLocalPort(),
              Clock.systemUTC());

      assertThat(sender.send(report(), Studies.CHEST_CT)).isFalse();
      assertThat(outbox.pending()).hasSize(1);
    }
  }

  @Test
  void ordersFromTheRisTriggerPreDraftingAndAreAcknowledged() throws Exception {
    int port = freePort();
    List<ScheduledOrder> scheduled = new CopyOnWriteArrayList<>();
    try (OrderIntake intake = new OrderIntake(hl7, port, scheduled::add)) {
      intake.start();
      String orm =
          "MSH|^~\\&|RIS|HOSP|RADASSIST|RAD|20261120093000||ORM^O01|M1|P|2.3.1\r"
              + "PID|1||MRN4455667^^^HOSP^MR||OAKLEY^ANNIE\r"
              + "ORC|NW|PLC123|ACC20261129||SC\r"
              + "OBR|1|PLC123|ACC20261129|71271^CT CHEST LOW DOSE^CPT||||||||||||||ACC20261129|RP1|SPS1||||CT\r"
              + "ZDS|1.2.826.0.1.3680043.8.498.12345^^Application^DICOM\r";
      String omi =
          "MSH|^~\\&|RIS|HOSP|RADASSIST|RAD|20261120093000||OMI^O23^OMI_O23|M2|P|2.5.1\r"
              + "PID|1||MRN4455667^^^HOSP^MR||OAKLEY^ANNIE\r"
              + "ORC|NW|PLC124|ACC20261130||SC\r"
              + "TQ1|1\r"
              + "OBR|1|PLC124|ACC20261130|71250^CT CHEST^CPT\r"
              + "IPC|ACC20261130|RP2|1.2.826.0.1.3680043.8.498.67890|SPS2|CT\r";
      String noUid =
          "MSH|^~\\&|RIS|HOSP|RADASSIST|RAD|20261120093000||ORM^O01|M3|P|2.3.1\r"
              + "ORC|NW|PLC125\r"
              + "OBR|1|PLC125||71250^CT CHEST^CPT\r";

      Connection c = hapi.newClient("127.0.0.1", port, false);
      try {
        String ack1 =
            new Terser(c.getInitiator().sendAndReceive(hapi.getPipeParser().parse(orm)))
                .get("/MSA-1");
        String ack2 =
            new Terser(c.getInitiator().sendAndReceive(hapi.getPipeParser().parse(omi)))
                .get("/MSA-1");
        String ack3 =
            new Terser(c.getInitiator().sendAndReceive(hapi.getPipeParser().parse(noUid)))
                .get("/MSA-1");
        assertThat(List.of(ack1, ack2, ack3)).containsExactly("AA", "AA", "AE");
      } finally {
        c.close();
      }
    }

    assertThat(scheduled)
        .extracting(
            ScheduledOrder::studyInstanceUid,
            ScheduledOrder::placerOrderNumber,
            ScheduledOrder::modality)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1.2.826.0.1.3680043.8.498.12345", "PLC123", "CT"),
            org.assertj.core.groups.Tuple.tuple("1.2.826.0.1.3680043.8.498.67890", "PLC124", "CT"));
    assertThat(scheduled)
        .extracting(ScheduledOrder::accessionNumber)
        .containsExactly("ACC20261129", "ACC20261130");
  }
}
