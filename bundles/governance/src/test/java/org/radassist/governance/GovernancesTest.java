package org.radassist.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.internal.FileAuditTrail;
import org.radassist.host.Role;
import org.radassist.host.UserIdentity;
import org.radassist.model.AuditAction;
import org.radassist.model.CriticalCategory;
import org.radassist.model.Sex;
import org.radassist.model.StudyContext;

/**
 * The factory a host without OSGi uses, over a real file audit trail: what the javadoc example of
 * {@link Governances} promises.
 */
class GovernancesTest {
  @TempDir Path dir;
  private FileAuditTrail trail;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private HL7Service ris;

  private final StudyContext chestCt = study("CT", "CHEST");
  private final UserIdentity house = new UserIdentity("dr.house", "G. House", Set.of());
  private final UserIdentity viewer = new UserIdentity("clerk", null, Set.of(Role.VIEWER));

  private static StudyContext study(String modality, String bodyPart) {
    return new StudyContext(
        "1.2.3",
        null,
        null,
        null,
        null,
        null,
        Sex.F,
        List.of(modality),
        bodyPart,
        LocalDate.of(2026, 11, 29),
        null);
  }

  @BeforeEach
  void openTrail() throws IOException {
    trail = new FileAuditTrail(dir.resolve("audit"), 1 << 20);
  }

  @AfterEach
  void close() throws IOException {
    scheduler.shutdownNow();
    if (ris != null) {
      ris.stopAndWait();
    }
    trail.close();
  }

  private Governance governance() {
    return Governances.create(
        GovernanceSettings.defaults()
            .withDefaultMode(RolloutMode.ASSISTIVE)
            .withRollout(
                List.of(new RolloutRule("ct", "chest", null, RolloutMode.INTEGRATED)), Map.of())
            .withRoles(Map.of("dr.house", Set.of(Role.RADIOLOGIST))),
        trail);
  }

  @Test
  void rolloutFollowsTheMostSpecificRuleElseTheDefault() {
    Governance g = governance();
    assertThat(g.modeFor(chestCt, house)).isEqualTo(RolloutMode.INTEGRATED);
    assertThat(g.modeFor(study("MR", "BRAIN"), house)).isEqualTo(RolloutMode.ASSISTIVE);
    assertThat(Governances.create(GovernanceSettings.defaults(), trail).modeFor(chestCt, house))
        .isEqualTo(RolloutMode.SHADOW);
  }

  @Test
  void configuredRolesAreEnforcedAndEveryDecisionIsInTheAuditTrail() throws IOException {
    Governance g = governance();
    UserIdentity attending = g.withConfiguredRoles(house);
    assertThat(attending.roles()).containsExactly(Role.RADIOLOGIST);

    assertThat(g.approvals().approveDraft(attending, "st-1", "t-1"))
        .isEqualTo(SignOffState.APPROVED);
    assertThatThrownBy(
            () -> g.approvals().approveDraft(g.withConfiguredRoles(viewer), "st-2", "t-2"))
        .isInstanceOf(ActionRefusedException.class)
        .hasMessage("clerk: only a radiologist may approve a draft");

    List<AuditRecord> records = trail.readAll();
    assertThat(records)
        .extracting(r -> r.event().action())
        .containsExactly(AuditAction.DRAFT_APPROVED, AuditAction.ACTION_REFUSED);
    assertThat(records.get(1).event().details()).containsEntry("roles", "VIEWER");
    assertThat(trail.verify().intact()).isTrue();
  }

  @Test
  void anActionThatCannotBeAuditedDoesNotGoAhead() throws IOException {
    Governance g = governance();
    trail.close(); // a real trail that can no longer write
    assertThatThrownBy(
            () -> g.approvals().approveDraft(g.withConfiguredRoles(house), "st-1", "t-1"))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageStartingWith("audit trail unavailable");
    assertThat(g.approvals().state("st-1")).isEqualTo(SignOffState.DRAFTING);
  }

  @Test
  void withoutCriticalResultSettingsThereIsNoLoop() {
    assertThat(governance().criticalResults()).isEmpty();
  }

  @Test
  void aConfiguredCriticalResultLoopReachesARealHl7Receiver() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    HapiContext context = new DefaultHapiContext();
    context.setValidationContext(ValidationContextFactory.noValidation());
    context.getParserConfiguration().setIdGenerator(new InMemoryIDGenerator());
    ris = context.newServer(port, false);
    ris.registerApplication(
        "ORU",
        "R01",
        new ReceivingApplication<Message>() {
          @Override
          public Message processMessage(Message in, Map<String, Object> meta) {
            try {
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
    ris.startAndWait();
    Governance g =
        Governances.create(
            GovernanceSettings.defaults()
                .withCriticalResults(
                    CriticalResultSettings.hl7("127.0.0.1:" + port, "127.0.0.1:" + port)),
            trail,
            Clock.systemUTC(),
            scheduler);
    CriticalResultLoop loop = g.criticalResults().orElseThrow();
    CriticalResultNotice notice =
        new CriticalResultNotice(
            "st-7",
            "trace-7",
            "PID-123",
            "ACC-987",
            "D1234^Wilson^James",
            CriticalCategory.CATEGORY_1,
            "Acute pulmonary embolism");
    loop.confirm(new UserIdentity("dr.house", null, Set.of(Role.RADIOLOGIST)), notice);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    CriticalResultTracking t = loop.tracking("trace-7").orElseThrow();
    while (t.state() == CriticalResultTracking.State.SENDING && System.nanoTime() < deadline) {
      Thread.sleep(25);
      t = loop.tracking("trace-7").orElseThrow();
    }
    assertThat(t.state()).isEqualTo(CriticalResultTracking.State.ACKNOWLEDGED);
    assertThat(t.communication())
        .startsWith("Who: D1234^Wilson^James. When: ")
        .contains("How: HL7 ORU^R01 over MLLP to RIS (127.0.0.1:" + port + ") (acknowledged AA)");
    assertThat(trail.readAll())
        .extracting(r -> r.event().action())
        .contains(AuditAction.CRITICAL_RESULT_COMMUNICATED);
  }

  @Test
  void invalidSettingsAreNeverMadeAndNameTheKey() {
    assertThatThrownBy(() -> GovernanceSettings.defaults().withReview(Map.of(), 0.9, 1.5))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("review.doubleReadBelow = \"1.5\": must be a probability within [0, 1]");
    assertThatThrownBy(() -> CriticalResultSettings.hl7("ris.example.org", "pager:2576"))
        .hasMessage(
            "critical.endpoint = \"ris.example.org\": expected host:port for an HL7 MLLP receiver");
    assertThatThrownBy(() -> CriticalResultSettings.fhir("ftp://ehr", "https://pager"))
        .hasMessage("critical.endpoint = \"ftp://ehr\": expected the FHIR base URL (https://...)");
  }
}
