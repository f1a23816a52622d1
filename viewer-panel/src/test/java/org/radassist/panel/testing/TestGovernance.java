package org.radassist.panel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.radassist.audit.AuditTrail;
import org.radassist.governance.ApprovalGate;
import org.radassist.governance.CriticalResultLoop;
import org.radassist.governance.Governance;
import org.radassist.governance.ReviewPolicy;
import org.radassist.governance.RolloutMode;
import org.radassist.host.Role;
import org.radassist.host.UserIdentity;
import org.radassist.model.StudyContext;

/**
 * Governance for the panel's tests: one rollout mode, governance's real review policy and approval
 * gate, auditing into a real audit trail. (The bundle's own component needs Config Admin; this is
 * the same parts, configured in code.)
 */
public class TestGovernance implements Governance {
  private final RolloutMode mode;
  private final ReviewPolicy policy;
  private final ApprovalGate gate;

  public TestGovernance(RolloutMode mode, AuditTrail trail) {
    this.mode = mode;
    // codes need 0.6, impressions 0.5; fields at 0.85 or more are filled in under INTEGRATED;
    // a critical result resting on less than 0.95 asks for a double read
    this.policy =
        new ReviewPolicy(
            Map.of(ReviewPolicy.ItemKind.CODE, 0.6, ReviewPolicy.ItemKind.IMPRESSION, 0.5),
            0.85,
            0.95);
    this.gate =
        new ApprovalGate(
            e -> {
              try {
                trail.append(e);
              } catch (IOException ex) {
                throw new UncheckedIOException(ex);
              }
            },
            Clock.systemUTC());
  }

  @Override
  public RolloutMode modeFor(StudyContext study, UserIdentity user) {
    return mode;
  }

  @Override
  public ReviewPolicy reviewPolicy() {
    return policy;
  }

  @Override
  public ApprovalGate approvals() {
    return gate;
  }

  @Override
  public Set<Role> rolesOf(UserIdentity user) {
    return user.roles();
  }

  @Override
  public Optional<CriticalResultLoop> criticalResults() {
    return Optional.empty();
  }

  @Override
  public Optional<String> refusedConfiguration() {
    return Optional.empty();
  }
}
