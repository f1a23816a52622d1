package org.radassist.panel.internal.governance;

import java.util.List;
import java.util.Optional;
import org.radassist.governance.ActionRefusedException;
import org.radassist.governance.Governance;
import org.radassist.governance.RolloutMode;
import org.radassist.host.Role;
import org.radassist.host.UserIdentity;
import org.radassist.model.DraftReport;
import org.radassist.model.Flag;
import org.radassist.model.StructuredField;
import org.radassist.model.StudyContext;
import org.radassist.panel.internal.GovernancePort;
import org.radassist.panel.model.Rollout;

/** Adapts the governance bundle's {@link Governance} service to the panel's port. */
public final class GovernanceAdapter implements GovernancePort {
  private final Governance governance;

  public GovernanceAdapter(Governance governance) {
    this.governance = governance;
  }

  /**
   * Adapts a service object known to be of the adapted type. Takes Object so that callers need not
   * name the optional bundle's types: see {@link org.radassist.panel.internal.OptionalPorts}.
   */
  public static GovernancePort adapt(Object service) {
    return new GovernanceAdapter((Governance) service);
  }

  @Override
  public StudyGovernance forStudy(StudyContext study, UserIdentity hostUser) {
    UserIdentity user =
        governance.withConfiguredRoles(
            hostUser == null ? new UserIdentity("unknown", "", java.util.Set.of()) : hostUser);
    RolloutMode mode = governance.modeFor(study, user);
    Rollout rollout = Rollout.valueOf(mode.name());
    return new StudyGovernance() {
      @Override
      public Rollout rollout() {
        return rollout;
      }

      @Override
      public boolean mayApprove() {
        return user.has(Role.RADIOLOGIST);
      }

      @Override
      public List<Flag> reviewFlags(DraftReport draft) {
        return governance.reviewPolicy().reviewFlags(draft);
      }

      @Override
      public List<StructuredField> autoPopulatedFields(DraftReport draft) {
        return governance.reviewPolicy().autoPopulatedFields(draft, mode);
      }

      @Override
      public Optional<String> approveDraft(
          String studyToken, String traceId, java.util.Map<String, String> details) {
        try {
          governance.approvals().approveDraft(user, studyToken, traceId, details);
          return Optional.empty();
        } catch (ActionRefusedException e) {
          return Optional.of(e.getMessage());
        }
      }

      @Override
      public Optional<String> approveCode(
          String studyToken, String traceId, String system, String code) {
        try {
          governance.approvals().approveCode(user, studyToken, traceId, system, code);
          return Optional.empty();
        } catch (ActionRefusedException e) {
          return Optional.of(e.getMessage());
        }
      }
    };
  }
}
