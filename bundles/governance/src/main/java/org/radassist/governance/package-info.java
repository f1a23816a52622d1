/**
 * Governance of AI output: in which rollout mode a draft is made for a study and user (shadow,
 * assistive, integrated), which items need review (confidence thresholds, rules / model
 * disagreement, double reads), who may approve and sign (roles, enforced here and not only in the
 * UI), and the closed loop that communicates critical results and escalates when they go
 * unacknowledged.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.radassist.governance;
