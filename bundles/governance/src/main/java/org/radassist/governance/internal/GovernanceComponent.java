package org.radassist.governance.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.radassist.audit.AuditTrail;
import org.radassist.governance.ApprovalGate;
import org.radassist.governance.CriticalResultChannel;
import org.radassist.governance.CriticalResultLoop;
import org.radassist.governance.Governance;
import org.radassist.governance.ReviewPolicy;
import org.radassist.governance.RolloutMode;
import org.radassist.host.Role;
import org.radassist.host.UserIdentity;
import org.radassist.model.AuditEvent;
import org.radassist.model.StudyContext;

/**
 * The governance service. Settings come from Config Admin (PID {@value #PID}) or, when no Config
 * Admin configuration exists, from framework properties {@code radassist.governance.<key>}. A
 * configuration that does not validate is refused: the previous settings stay in force and the
 * reason is logged and reported by {@link #refusedConfiguration()}.
 */
@Component(service = Governance.class, configurationPid = GovernanceComponent.PID)
@Designate(ocd = GovernanceConfig.class)
public final class GovernanceComponent implements Governance {
  public static final String PID = "org.radassist.governance";
  static final String FRAMEWORK_PREFIX = "radassist.governance.";
  private static final Logger LOG = Logger.getLogger(GovernanceComponent.class.getName());

  private final BundleContext context;
  private final Consumer<AuditEvent> audit;
  private final Clock clock = Clock.systemUTC();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "radassist-critical-results"));
  private final ApprovalGate approvals;
  private volatile Applied applied;
  private volatile String refused;

  private record Applied(GovernanceSettings settings, Optional<CriticalResultLoop> loop) {}

  @Activate
  public GovernanceComponent(
      BundleContext context, @Reference AuditTrail auditTrail, Map<String, Object> properties) {
    this.context = context;
    this.audit =
        event -> {
          try {
            auditTrail.append(event);
          } catch (IOException e) {
            // an action that cannot be audited must not go ahead
            throw new UncheckedIOException("audit trail unavailable: " + e.getMessage(), e);
          }
        };
    this.approvals = new ApprovalGate(audit, clock);
    GovernanceSettings settings = GovernanceSettings.read(lookup(properties));
    this.applied = apply(settings);
  }

  @Modified
  void modified(Map<String, Object> properties) {
    try {
      GovernanceSettings settings = GovernanceSettings.read(lookup(properties));
      applied = apply(settings);
      refused = null;
    } catch (IllegalArgumentException e) {
      refused = e.getMessage();
      LOG.log(
          Level.SEVERE,
          "RadAssist governance configuration refused, previous settings stay in force: {0}",
          refused);
    }
  }

  @Deactivate
  void deactivate() {
    scheduler.shutdownNow();
  }

  private Applied apply(GovernanceSettings settings) {
    List<CriticalResultChannel> channels = settings.channels(clock);
    Optional<CriticalResultLoop> loop =
        channels.size() == 2
            ? Optional.of(
                new CriticalResultLoop(
                    channels.get(0),
                    channels.get(1),
                    scheduler,
                    clock,
                    audit,
                    settings.timeFrames(),
                    settings.retryInterval()))
            : Optional.empty();
    return new Applied(settings, loop);
  }

  /** Config Admin values when a configuration exists, else framework properties, else defaults. */
  private java.util.function.Function<String, Object> lookup(Map<String, Object> properties) {
    boolean fromConfigAdmin = properties.containsKey("service.pid");
    return key -> {
      if (fromConfigAdmin) {
        return properties.get(key);
      }
      String framework = context.getProperty(FRAMEWORK_PREFIX + key);
      return framework != null ? framework : properties.get(key);
    };
  }

  @Override
  public RolloutMode modeFor(StudyContext study, UserIdentity user) {
    GovernanceSettings s = applied.settings();
    String modality = study.modalities().isEmpty() ? null : study.modalities().get(0);
    return s.rollout().modeFor(modality, study.bodyPart(), s.userGroups().get(user.userId()));
  }

  @Override
  public ReviewPolicy reviewPolicy() {
    return applied.settings().review();
  }

  @Override
  public ApprovalGate approvals() {
    return approvals;
  }

  @Override
  public Set<Role> rolesOf(UserIdentity user) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    roles.addAll(user.roles());
    roles.addAll(applied.settings().roles().getOrDefault(user.userId(), Set.of()));
    return Set.copyOf(roles);
  }

  @Override
  public Optional<CriticalResultLoop> criticalResults() {
    return applied.loop();
  }

  @Override
  public Optional<String> refusedConfiguration() {
    return Optional.ofNullable(refused);
  }
}
