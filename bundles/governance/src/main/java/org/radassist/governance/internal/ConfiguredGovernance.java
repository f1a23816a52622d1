package org.radassist.governance.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.radassist.audit.AuditTrail;
import org.radassist.governance.ApprovalGate;
import org.radassist.governance.CriticalResultLoop;
import org.radassist.governance.CriticalResultSettings;
import org.radassist.governance.Governance;
import org.radassist.governance.GovernanceSettings;
import org.radassist.governance.ReviewPolicy;
import org.radassist.governance.RolloutMode;
import org.radassist.host.Role;
import org.radassist.host.UserIdentity;
import org.radassist.model.AuditEvent;
import org.radassist.model.StudyContext;

/**
 * Governance over validated settings, shared by the DS component and {@link
 * org.radassist.governance.Governances}. New settings apply atomically ({@link #apply}); sign-off
 * states and the critical results in flight survive a change.
 */
public final class ConfiguredGovernance implements Governance {
  private final Consumer<AuditEvent> audit;
  private final Clock clock;
  private final ScheduledExecutorService givenScheduler;
  private ScheduledExecutorService ownScheduler; // made when a loop first needs one
  private final ApprovalGate approvals;
  private volatile Applied applied;
  private volatile String refused;

  private record Applied(
      GovernanceSettings settings,
      RolloutPolicy rollout,
      ReviewPolicy review,
      Optional<CriticalResultLoop> loop) {}

  /**
   * @param scheduler runs the critical-result loop; null to make a daemon thread when a loop is
   *     first configured (stopped by {@link #close})
   */
  public ConfiguredGovernance(
      AuditTrail auditTrail,
      Clock clock,
      ScheduledExecutorService scheduler,
      GovernanceSettings settings) {
    this.audit =
        event -> {
          try {
            auditTrail.append(event);
          } catch (IOException e) {
            // an action that cannot be audited must not go ahead
            throw new UncheckedIOException("audit trail unavailable: " + e.getMessage(), e);
          }
        };
    this.clock = clock;
    this.givenScheduler = scheduler;
    this.approvals = new AuditedApprovalGate(audit, clock);
    this.applied = applied(settings);
  }

  /** Puts new settings in force; a refusal noted by {@link #refuse} is cleared. */
  public void apply(GovernanceSettings settings) {
    applied = applied(settings);
    refused = null;
  }

  /** Notes why a configuration was refused; the settings in force stay. */
  public void refuse(String reason) {
    refused = reason;
  }

  /** Stops the scheduler this object made, if it made one. */
  public synchronized void close() {
    if (ownScheduler != null) {
      ownScheduler.shutdownNow();
    }
  }

  private Applied applied(GovernanceSettings settings) {
    Optional<CriticalResultLoop> loop = Optional.empty();
    if (settings.criticalResults().isPresent()) {
      CriticalResultSettings critical = settings.criticalResults().get();
      List<CriticalResultChannel> channels = CriticalResultChannels.of(critical, clock);
      loop =
          Optional.of(
              new RetryingCriticalResultLoop(
                  channels.get(0),
                  channels.get(1),
                  scheduler(),
                  clock,
                  audit,
                  critical.timeFrames(),
                  critical.retryInterval()));
    }
    return new Applied(
        settings,
        new RolloutPolicy(settings.defaultMode(), settings.rolloutRules()),
        new ThresholdReviewPolicy(settings),
        loop);
  }

  private synchronized ScheduledExecutorService scheduler() {
    if (givenScheduler != null) {
      return givenScheduler;
    }
    if (ownScheduler == null) {
      ownScheduler =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "radassist-critical-results");
                t.setDaemon(true);
                return t;
              });
    }
    return ownScheduler;
  }

  /** The settings in force. */
  public GovernanceSettings settings() {
    return applied.settings();
  }

  @Override
  public RolloutMode modeFor(StudyContext study, UserIdentity user) {
    Applied a = applied;
    String modality = study.modalities().isEmpty() ? null : study.modalities().get(0);
    return a.rollout()
        .modeFor(modality, study.bodyPart(), a.settings().userGroups().get(user.userId()));
  }

  @Override
  public ReviewPolicy reviewPolicy() {
    return applied.review();
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
