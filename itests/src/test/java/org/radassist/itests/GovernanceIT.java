package org.radassist.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.time.LocalDate;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.AuditTrail;
import org.radassist.governance.ActionRefusedException;
import org.radassist.governance.Governance;
import org.radassist.governance.RolloutMode;
import org.radassist.host.Role;
import org.radassist.host.UserIdentity;
import org.radassist.model.AuditAction;
import org.radassist.model.Sex;
import org.radassist.model.StudyContext;

/**
 * Governance inside Felix: Config Admin changes apply, an invalid configuration is refused with the
 * previous one kept in force, and a non-radiologist's approval is refused in the service layer and
 * lands in the audit trail.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GovernanceIT {
  @Inject Governance governance;
  @Inject AuditTrail auditTrail;
  @Inject ConfigurationAdmin configAdmin;

  private final StudyContext chestCt =
      new StudyContext(
          "1.2.3",
          null,
          null,
          null,
          null,
          null,
          Sex.F,
          List.of("CT"),
          "CHEST",
          LocalDate.of(2026, 11, 29),
          null);
  private final UserIdentity attending = new UserIdentity("dr.house", null, Set.of());

  @Configuration
  public Option[] config() {
    return options(RadAssistRuntime.framework(RadAssistRuntime.WEASIS_ONLY.negate()));
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        fail("timed out waiting until " + what);
      }
      Thread.sleep(50);
    }
  }

  @Test
  public void configurationAppliesAndAnInvalidOneIsRefusedKeepingThePrevious() throws Exception {
    org.osgi.service.cm.Configuration c =
        configAdmin.getConfiguration("org.radassist.governance", "?");
    Dictionary<String, Object> valid = new Hashtable<>();
    valid.put("rollout.defaultMode", "shadow");
    valid.put("rollout.rules", new String[] {"CT/CHEST/*=integrated"});
    valid.put("roles", new String[] {"dr.house=RADIOLOGIST"});
    c.update(valid);
    await(
        "CT chest is integrated",
        () -> governance.modeFor(chestCt, attending) == RolloutMode.INTEGRATED);
    assertTrue(governance.rolesOf(attending).contains(Role.RADIOLOGIST));

    Dictionary<String, Object> invalid =
        new Hashtable<>(java.util.Map.of("rollout.defaultMode", "loud"));
    c.update(invalid);
    await(
        "the invalid configuration is refused",
        () -> governance.refusedConfiguration().isPresent());
    assertEquals(
        "rollout.defaultMode = \"loud\": expected shadow, assistive or integrated",
        governance.refusedConfiguration().get());
    assertEquals(RolloutMode.INTEGRATED, governance.modeFor(chestCt, attending));
    c.delete();
    await("defaults are back", () -> governance.modeFor(chestCt, attending) == RolloutMode.SHADOW);
  }

  @Test
  public void aRefusedApprovalByANonRadiologistIsAudited() throws Exception {
    UserIdentity technologist = new UserIdentity("tech.itest", null, Set.of(Role.TECHNOLOGIST));
    try {
      governance
          .approvals()
          .approveCode(technologist, "st-itest", "trace-itest", "ICD-10-CM", "R91.1");
      fail("a technologist approved a code");
    } catch (ActionRefusedException expected) {
      // refused in the service layer
    }
    AuditRecord head = auditTrail.head().orElseThrow();
    assertEquals(AuditAction.ACTION_REFUSED, head.event().action());
    assertEquals("tech.itest", head.event().user());
    assertTrue(auditTrail.verify().intact());
  }
}
