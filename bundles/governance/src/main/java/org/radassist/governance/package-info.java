/**
 * Governance of AI output: in which rollout mode a draft is made for a study and user (shadow,
 * assistive, integrated), which items need review (confidence thresholds, rules / model
 * disagreement, double reads), who may approve and sign (roles, enforced here and not only in the
 * UI), and the closed loop that communicates critical results and escalates when they go
 * unacknowledged.
 *
 * <p>Interfaces and records only, plus {@link org.radassist.governance.Governances}, the factory
 * for hosts without OSGi. 2.0.0: {@code ApprovalGate}, {@code ReviewPolicy} and {@code
 * CriticalResultLoop} became interfaces, {@code RolloutPolicy} and {@code CriticalResultChannel}
 * went internal, {@code RolloutRule} lost its parsing; {@code GovernanceSettings}, {@code
 * CriticalResultSettings} and {@code Governances} are new.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.radassist.governance;
