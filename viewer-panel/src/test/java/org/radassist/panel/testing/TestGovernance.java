package org.radassist.panel.testing;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.radassist.audit.AuditTrail;
import org.radassist.governance.ApprovalGate;
import org.radassist.governance.CriticalResultLoop;
import org.radassist.governance.Governance;
import org.radassist.governance.GovernanceSettings;
import org.radassist.governance.Governances;
import org.radassist.governance.ReviewPolicy;
import org.radassist.governance.RolloutMode;
import org.radassist.host.Role;
import org.radassist.host.UserIdentity;
import org.radassist.model.StudyContext;

/**
 * Governance for the panel's tests: governance's own implementation made by its public factory (as
 * a host without OSGi makes it), one rollout mode everywhere, auditing into a real audit trail.
 */
public class TestGovernance implements Governance {
  private final Governance governance;

  public TestGovernance(RolloutMode mode, AuditTrail trail) {
    // codes need 0.6, impressions 0.5; fields at 0.85 or more are filled in under INTEGRATED;
    // a critical result resting on less than 0.95 asks for a double read
    this.governance =
        Governances.create(
            GovernanceSettings.defaults()
                .withDefaultMode(mode)
                .withReview(
                    Map.of(ReviewPolicy.ItemKind.CODE, 0.6, ReviewPolicy.ItemKind.IMPRESSION, 0.5),
                    0.85,
                    0.95),
            trail);
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
