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
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
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
 * Governance inside Felix: Config Admin changes apply, an invalid configuration (governance's own
 * or any RadAssist component's) is refused with the previous one kept in force, and a
 * non-radiologist's approval is refused in the service layer and lands in the audit trail.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GovernanceIT {
  @Inject Governance governance;
  @Inject AuditTrail auditTrail;
  @Inject ConfigurationAdmin configAdmin;
  @Inject ServiceComponentRuntime scr;

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
  public void aValueOfTheWrongTypeIsRefusedKeepingThePrevious() throws Exception {
    org.osgi.service.cm.Configuration c =
        configAdmin.getConfiguration("org.radassist.governance", "?");
    c.update(new Hashtable<>(java.util.Map.of("rollout.defaultMode", "integrated")));
    await(
        "integrated everywhere",
        () ->
            governance.modeFor(chestCt, attending) == RolloutMode.INTEGRATED
                && governance.refusedConfiguration().isEmpty());

    // Config Admin stores a text where the typed configuration declares a number
    c.update(
        new Hashtable<>(
            java.util.Map.of(
                "rollout.defaultMode", "assistive", "review.doubleReadBelow", "lots")));
    await("the configuration is refused", () -> governance.refusedConfiguration().isPresent());
    assertEquals(
        "review.doubleReadBelow = \"lots\": not a number", governance.refusedConfiguration().get());
    assertEquals(RolloutMode.INTEGRATED, governance.modeFor(chestCt, attending));
    c.delete();
    await("defaults are back", () -> governance.modeFor(chestCt, attending) == RolloutMode.SHADOW);
  }

  /** The embedded drafting engine's configurations as SCR holds them (state, properties). */
  private List<ComponentConfigurationDTO> embeddedDrafting() {
    for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
      if (List.of(d.configurationPid).contains(EMBEDDED_DRAFTING)) {
        return List.copyOf(scr.getComponentConfigurationDTOs(d));
      }
    }
    throw new AssertionError("no component is configured by " + EMBEDDED_DRAFTING);
  }

  private static final String EMBEDDED_DRAFTING = "org.radassist.drafting.embedded";

  private boolean embeddedDraftingRunsWith(Object workerThreads) {
    List<ComponentConfigurationDTO> configs = embeddedDrafting();
    return configs.size() == 1
        && configs.get(0).state != ComponentConfigurationDTO.FAILED_ACTIVATION
        && java.util.Objects.equals(workerThreads, configs.get(0).properties.get("worker.threads"));
  }

  @Test
  public void anyComponentGivenAConfigurationBreakingItsMetatypeKeepsThePreviousOne()
      throws Exception {
    org.osgi.service.cm.Configuration c = configAdmin.getConfiguration(EMBEDDED_DRAFTING, "?");
    c.update(new Hashtable<>(java.util.Map.of("worker.threads", 3)));
    await("the engine runs with 3 threads", () -> embeddedDraftingRunsWith(3));

    // below the Metatype's minimum, then not a number: Config Admin stores both, the component
    // keeps running with the configuration it had
    c.update(new Hashtable<>(java.util.Map.of("worker.threads", 0, "max.dictation.chars", 5)));
    long changed = c.getChangeCount();
    Thread.sleep(500); // SCR delivers asynchronously: give a wrong delivery time to show
    assertTrue(embeddedDraftingRunsWith(3));
    // the whole previous configuration stays, not a mix: the valid new key waits too
    assertEquals(100_000, embeddedDrafting().get(0).properties.get("max.dictation.chars"));
    c.update(new Hashtable<>(java.util.Map.of("worker.threads", "many")));
    assertTrue(c.getChangeCount() > changed);
    Thread.sleep(500);
    assertTrue(embeddedDraftingRunsWith(3));

    // corrected: applies at once
    c.update(new Hashtable<>(java.util.Map.of("worker.threads", 4)));
    await("the engine runs with 4 threads", () -> embeddedDraftingRunsWith(4));
    c.delete();
    await("the engine is back on its default of 2 threads", () -> embeddedDraftingRunsWith(2));
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
