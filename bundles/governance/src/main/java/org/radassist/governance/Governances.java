package org.radassist.governance;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import org.radassist.audit.AuditTrail;
import org.radassist.governance.internal.ConfiguredGovernance;

/**
 * Makes a {@link Governance} for a host without OSGi (in OSGi, use the {@code Governance} service,
 * configured through Config Admin PID {@code org.radassist.governance}). The result behaves as the
 * service does: roles are enforced and every decision is written to the audit trail; an action that
 * cannot be audited does not go ahead.
 *
 * <pre>{@code
 * AuditTrail audit = ...; // the host's audit trail
 * Governance governance =
 *     Governances.create(
 *         GovernanceSettings.defaults()
 *             .withDefaultMode(RolloutMode.ASSISTIVE)
 *             .withRollout(
 *                 List.of(new RolloutRule("CT", "CHEST", RolloutRule.ANY, RolloutMode.INTEGRATED)),
 *                 Map.of())
 *             .withRoles(Map.of("dr.house", Set.of(Role.RADIOLOGIST)))
 *             .withCriticalResults(
 *                 CriticalResultSettings.hl7("ris.example.org:2575", "pager.example.org:2576")),
 *         audit);
 * UserIdentity user = governance.withConfiguredRoles(hostUser);
 * RolloutMode mode = governance.modeFor(study, user);
 * governance.approvals().approveDraft(user, studyToken, traceId); // refused unless RADIOLOGIST
 * }</pre>
 */
public final class Governances {
  private Governances() {}

  /**
   * Governance on the system UTC clock. When {@code settings} configure a critical-result loop, it
   * runs on its own daemon thread ("radassist-critical-results") for the life of the JVM; a host
   * that wants to stop it passes its own scheduler to {@link #create(GovernanceSettings,
   * AuditTrail, Clock, ScheduledExecutorService)}.
   */
  public static Governance create(GovernanceSettings settings, AuditTrail auditTrail) {
    return create(settings, auditTrail, Clock.systemUTC(), null);
  }

  /**
   * Governance on the given clock; the critical-result loop (when configured) sends and retries on
   * {@code scheduler}, which the host owns and shuts down.
   *
   * @param scheduler null to have one daemon thread made when a loop is configured
   */
  public static Governance create(
      GovernanceSettings settings,
      AuditTrail auditTrail,
      Clock clock,
      ScheduledExecutorService scheduler) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(auditTrail, "auditTrail");
    Objects.requireNonNull(clock, "clock");
    return new ConfiguredGovernance(auditTrail, clock, scheduler, settings);
  }
}
