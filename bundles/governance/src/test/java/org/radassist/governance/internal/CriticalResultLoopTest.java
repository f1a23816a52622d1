package org.radassist.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.radassist.governance.ActionRefusedException;
import org.radassist.governance.CriticalResultLoop;
import org.radassist.governance.CriticalResultNotice;
import org.radassist.governance.CriticalResultTracking;
import org.radassist.host.Role;
import org.radassist.host.UserIdentity;
import org.radassist.model.AuditAction;
import org.radassist.model.AuditEvent;
import org.radassist.model.CriticalCategory;

/**
 * The critical-result loop against real HAPI MLLP peers on loopback: a RIS that acknowledges at
 * once, one that acknowledges too late the first time, and one that never acknowledges.
 */
class CriticalResultLoopTest {
  private final List<AuditEvent> audit = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final CountDownLatch never = new CountDownLatch(1);
  private final List<HL7Service> servers = new CopyOnWriteArrayList<>();
  private final UserIdentity radiologist =
      new UserIdentity("dr.house", null, Set.of(Role.RADIOLOGIST));
  private final CriticalResultNotice notice =
      new CriticalResultNotice(
          "st-7",
          "trace-7",
          "PID-123",
          "ACC-987",
          "D1234^Wilson^James",
          CriticalCategory.CATEGORY_1,
          "Acute pulmonary embolism, right lower lobe");

  /** A HAPI MLLP server whose n-th message is answered after delays[n] ms (-1: never). */
  private Peer peer(long... delays) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    HapiContext context = new DefaultHapiContext();
    context.setValidationContext(ValidationContextFactory.noValidation());
    context
        .getParserConfiguration()
        .setIdGenerator(new ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator());
    HL7Service server = context.newServer(port, false);
    Peer peer = new Peer(port);
    server.registerApplication(
        "ORU",
        "R01",
        new ReceivingApplication<Message>() {
          @Override
          public Message processMessage(Message in, Map<String, Object> meta) {
            int n = peer.received.getAndIncrement();
            peer.messages.add(in);
            long delay = n < delays.length ? delays[n] : 0;
            try {
              if (delay < 0) {
                never.await();
              } else {
                Thread.sleep(delay);
              }
              return in.generateACK();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }

          @Override
          public boolean canProcess(Message in) {
            return true;
          }
        });
    server.startAndWait();
    servers.add(server);
    return peer;
  }

  private static final class Peer {
    final int port;
    final AtomicInteger received = new AtomicInteger();
    final ConcurrentLinkedQueue<Message> messages = new ConcurrentLinkedQueue<>();

    Peer(int port) {
      this.port = port;
    }
  }

  private CriticalResultLoop loop(Peer ris, Peer escalation, Duration timeFrame) {
    return new RetryingCriticalResultLoop(
        new MllpHl7Channel("127.0.0.1", ris.port, 500, "RIS"),
        new MllpHl7Channel("127.0.0.1", escalation.port, 500, "ONCALL"),
        scheduler,
        Clock.systemUTC(),
        audit::add,
        Map.of(CriticalCategory.CATEGORY_1, timeFrame),
        Duration.ofMillis(200));
  }

  private CriticalResultTracking awaitResolved(CriticalResultLoop loop)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      CriticalResultTracking t = loop.tracking(notice.traceId()).orElseThrow();
      if (t.state() != CriticalResultTracking.State.SENDING) {
        return t;
      }
      Thread.sleep(25);
    }
    throw new AssertionError("not resolved: " + loop.tracking(notice.traceId()));
  }

  @AfterEach
  void stop() {
    never.countDown();
    servers.forEach(HL7Service::stop);
    scheduler.shutdownNow();
  }

  @Test
  void anAcknowledgedAlertIsDocumentedWithWhoWhenAndHow() throws Exception {
    Peer ris = peer(0);
    CriticalResultLoop loop = loop(ris, peer(0), Duration.ofSeconds(5));
    loop.confirm(radiologist, notice);
    CriticalResultTracking t = awaitResolved(loop);
    assertThat(t.state()).isEqualTo(CriticalResultTracking.State.ACKNOWLEDGED);
    assertThat(t.attempts()).isEqualTo(1);
    assertThat(t.communication())
        .startsWith("Who: D1234^Wilson^James. When: ")
        .contains("How: HL7 ORU^R01 over MLLP to RIS")
        .contains("acknowledged AA");
    Terser sent = new Terser(ris.messages.peek());
    assertThat(sent.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBSERVATION/OBX-8")).isEqualTo("AA");
    assertThat(sent.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-3")).isEqualTo("ACC-987");
    assertThat(sent.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBSERVATION/OBX-5"))
        .contains("Acute pulmonary embolism");
    assertThat(audit)
        .extracting(AuditEvent::action)
        .containsExactly(
            AuditAction.CRITICAL_RESULT_CONFIRMED, AuditAction.CRITICAL_RESULT_COMMUNICATED);
  }

  @Test
  void anActionableFindingTravelsTheSameLoopAsAbnormalNotCriticallyAbnormal() throws Exception {
    CriticalResultNotice renal =
        new CriticalResultNotice(
            "st-8",
            "trace-8",
            "PID-124",
            "ACC-988",
            "D1234^Wilson^James",
            CriticalCategory.CATEGORY_3,
            "Solid right renal mass");
    Peer ris = peer(0);
    CriticalResultLoop loop =
        new RetryingCriticalResultLoop(
            new MllpHl7Channel("127.0.0.1", ris.port, 500, "RIS"),
            new MllpHl7Channel("127.0.0.1", peer(0).port, 500, "ONCALL"),
            scheduler,
            Clock.systemUTC(),
            audit::add,
            Map.of(CriticalCategory.CATEGORY_3, Duration.ofSeconds(5)),
            Duration.ofMillis(200));
    loop.confirm(radiologist, renal);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (loop.tracking("trace-8").orElseThrow().state() == CriticalResultTracking.State.SENDING
        && System.nanoTime() < deadline) {
      Thread.sleep(25);
    }
    assertThat(loop.tracking("trace-8").orElseThrow().state())
        .isEqualTo(CriticalResultTracking.State.ACKNOWLEDGED);
    Terser sent = new Terser(ris.messages.peek());
    assertThat(sent.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBSERVATION/OBX-8")).isEqualTo("A");
    assertThat(sent.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBSERVATION/OBX-5"))
        .contains("category 3")
        .contains("Solid right renal mass");
    assertThat(audit)
        .extracting(AuditEvent::action)
        .containsExactly(
            AuditAction.CRITICAL_RESULT_CONFIRMED, AuditAction.ACTIONABLE_FINDING_COMMUNICATED);
  }

  @Test
  void aLateAcknowledgementIsRetriedUntilTheReceiverAnswersInTime() throws Exception {
    Peer ris = peer(1500, 0);
    CriticalResultLoop loop = loop(ris, peer(0), Duration.ofSeconds(10));
    loop.confirm(radiologist, notice);
    CriticalResultTracking t = awaitResolved(loop);
    assertThat(t.state()).isEqualTo(CriticalResultTracking.State.ACKNOWLEDGED);
    assertThat(t.attempts()).isEqualTo(2);
    assertThat(ris.received.get()).isEqualTo(2);
  }

  @Test
  void aReceiverThatNeverAcknowledgesIsEscalatedAfterTheCategoryTimeFrame() throws Exception {
    Peer ris = peer(-1, -1, -1, -1, -1, -1, -1, -1);
    Peer onCall = peer(0);
    CriticalResultLoop loop = loop(ris, onCall, Duration.ofSeconds(2));
    loop.confirm(radiologist, notice);
    CriticalResultTracking t = awaitResolved(loop);
    assertThat(t.state()).isEqualTo(CriticalResultTracking.State.ESCALATED);
    assertThat(t.attempts()).isGreaterThanOrEqualTo(2);
    assertThat(onCall.received.get()).isEqualTo(1);
    assertThat(t.communication())
        .contains("How: HL7 ORU^R01 over MLLP to ONCALL")
        .contains("Escalated");
    assertThat(audit)
        .filteredOn(e -> e.action() == AuditAction.CRITICAL_RESULT_ESCALATED)
        .singleElement()
        .satisfies(
            e -> assertThat(e.details().get("reason")).contains("not acknowledged within PT2S"));
  }

  @Test
  void onlyARadiologistConfirmsACriticalResult() {
    UserIdentity tech = new UserIdentity("tech", null, Set.of(Role.TECHNOLOGIST));
    assertThatThrownBy(
            () ->
                new RetryingCriticalResultLoop(
                        new MllpHl7Channel("127.0.0.1", 9, 100, "RIS"),
                        new MllpHl7Channel("127.0.0.1", 9, 100, "ONCALL"),
                        scheduler,
                        Clock.systemUTC(),
                        audit::add,
                        Map.of(),
                        Duration.ofSeconds(1))
                    .confirm(tech, notice))
        .isInstanceOf(ActionRefusedException.class);
    assertThat(audit).extracting(AuditEvent::action).containsExactly(AuditAction.ACTION_REFUSED);
  }
}
