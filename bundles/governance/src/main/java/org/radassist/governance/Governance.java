package org.radassist.governance;

import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;
import org.radassist.host.Role;
import org.radassist.host.UserIdentity;
import org.radassist.model.StudyContext;

/**
 * The configured governance of a RadAssist installation, as one service: rollout mode, review
 * policy, role enforcement and the critical-result loop. Configuration changes apply atomically; an
 * invalid configuration is refused and the previous one stays in force.
 */
@ProviderType
public interface Governance {

  /** The rollout mode for this study and user (group = the user's configured group). */
  RolloutMode modeFor(StudyContext study, UserIdentity user);

  ReviewPolicy reviewPolicy();

  /** Role enforcement for approvals and sign-off; refusals are audited. */
  ApprovalGate approvals();

  /** The user's roles: those the host grants, plus those configuration grants to the user id. */
  Set<Role> rolesOf(UserIdentity user);

  /** The user with the roles of {@link #rolesOf}. */
  default UserIdentity withConfiguredRoles(UserIdentity user) {
    return new UserIdentity(user.userId(), user.displayName(), rolesOf(user));
  }

  /** The critical-result loop, when a channel is configured. */
  Optional<CriticalResultLoop> criticalResults();

  /** Why the last configuration was refused, if it was. */
  Optional<String> refusedConfiguration();
}
