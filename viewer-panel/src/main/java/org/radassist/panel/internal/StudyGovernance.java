package org.radassist.panel.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.radassist.governance.ActionRefusedException;
import org.radassist.governance.Governance;
import org.radassist.governance.RolloutMode;
import org.radassist.host.Role;
import org.radassist.host.UserIdentity;
import org.radassist.model.DraftReport;
import org.radassist.model.Flag;
import org.radassist.model.StructuredField;
import org.radassist.model.StudyContext;

/**
 * What governance decided for one study and user: the rollout mode and the user with the roles
 * configuration grants. Its methods may write the audit trail (call them off the UI thread).
 */
final class StudyGovernance {
  private final Governance governance;
  private final UserIdentity user;
  private final RolloutMode mode;

  private StudyGovernance(Governance governance, UserIdentity user, RolloutMode mode) {
    this.governance = governance;
    this.user = user;
    this.mode = mode;
  }

  /** Asks governance about the study for the host's user (no user: one with no roles). */
  static StudyGovernance decide(Governance governance, StudyContext study, UserIdentity hostUser) {
    UserIdentity user =
        governance.withConfiguredRoles(
            hostUser == null ? new UserIdentity("unknown", "", Set.of()) : hostUser);
    RolloutMode mode = governance.modeFor(study, user);
    return new StudyGovernance(governance, user, mode == null ? RolloutMode.SHADOW : mode);
  }

  RolloutMode mode() {
    return mode;
  }

  /** True when the user (with configured roles) is a radiologist: may accept, approve, sign. */
  boolean mayApprove() {
    return user.has(Role.RADIOLOGIST);
  }

  List<Flag> reviewFlags(DraftReport draft) {
    return governance.reviewPolicy().reviewFlags(draft);
  }

  /** Fields filled in under integrated rollout (empty in other modes). */
  List<StructuredField> autoPopulatedFields(DraftReport draft) {
    return governance.reviewPolicy().autoPopulatedFields(draft, mode);
  }

  /**
   * Approves the draft through the gate; the refusal's message when refused (audited). {@code
   * details} go into the approval's audit record (the sections and their review states).
   */
  Optional<String> approveDraft(String studyToken, String traceId, Map<String, String> details) {
    try {
      governance.approvals().approveDraft(user, studyToken, traceId, details);
      return Optional.empty();
    } catch (ActionRefusedException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** Approves a code through the gate; the refusal's message when refused (audited). */
  Optional<String> approveCode(String studyToken, String traceId, String system, String code) {
    try {
      governance.approvals().approveCode(user, studyToken, traceId, system, code);
      return Optional.empty();
    } catch (ActionRefusedException e) {
      return Optional.of(e.getMessage());
    }
  }
}
