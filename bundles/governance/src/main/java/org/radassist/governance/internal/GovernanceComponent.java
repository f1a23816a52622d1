package org.radassist.governance.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.radassist.audit.AuditTrail;
import org.radassist.governance.ApprovalGate;
import org.radassist.governance.CriticalResultLoop;
import org.radassist.governance.Governance;
import org.radassist.governance.GovernanceSettings;
import org.radassist.governance.ReviewPolicy;
import org.radassist.governance.RolloutMode;
import org.radassist.host.Role;
import org.radassist.host.UserIdentity;
import org.radassist.model.StudyContext;

/**
 * The governance service, configured by Config Admin PID {@value #PID} (framework properties {@code
 * radassist.governance.<key>} reach it only through {@link
 * org.radassist.governance.internal.config.FrameworkPropertyConfigurations}). A configuration that
 * does not validate is refused: the previous settings stay in force (the defaults, at activation)
 * and the reason is logged and reported by {@link #refusedConfiguration()}.
 */
@Component(service = Governance.class, configurationPid = GovernanceComponent.PID)
@Designate(ocd = GovernanceConfig.class)
public final class GovernanceComponent implements Governance {
  public static final String PID = "org.radassist.governance";
  private static final Logger LOG = Logger.getLogger(GovernanceComponent.class.getName());

  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "radassist-critical-results"));
  private final ConfiguredGovernance governance;

  @Activate
  public GovernanceComponent(@Reference AuditTrail auditTrail, GovernanceConfig config) {
    this.governance =
        new ConfiguredGovernance(
            auditTrail, Clock.systemUTC(), scheduler, GovernanceSettings.defaults());
    modified(config);
  }

  @Modified
  void modified(GovernanceConfig config) {
    try {
      governance.apply(ConfigSettings.read(config));
    } catch (RuntimeException e) {
      // InvalidConfigurationException, or SCR's failure to convert a value to its declared type
      governance.refuse(e.getMessage());
      LOG.log(
          Level.SEVERE,
          "RadAssist governance configuration refused, previous settings stay in force: {0}",
          e.getMessage());
    }
  }

  @Deactivate
  void deactivate() {
    scheduler.shutdownNow();
  }

  @Override
  public RolloutMode modeFor(StudyContext study, UserIdentity user) {
    return governance.modeFor(study, user);
  }

  @Override
  public ReviewPolicy reviewPolicy() {
    return governance.reviewPolicy();
  }

  @Override
  public ApprovalGate approvals() {
    return governance.approvals();
  }

  @Override
  public Set<Role> rolesOf(UserIdentity user) {
    return governance.rolesOf(user);
  }

  @Override
  public Optional<CriticalResultLoop> criticalResults() {
    return governance.criticalResults();
  }

  @Override
  public Optional<String> refusedConfiguration() {
    return governance.refusedConfiguration();
  }
}
