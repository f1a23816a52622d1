package org.radassist.panel.internal.audit;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.radassist.audit.AuditDetails;
import org.radassist.audit.AuditTrail;
import org.radassist.audit.SectionDiff;
import org.radassist.model.AuditAction;
import org.radassist.model.AuditEvent;
import org.radassist.panel.Decision;

/**
 * Writes the panel's decisions to the audit trail, one record per decision. The panel records the
 * radiologist's decisions itself, so they are audited in every host that gives it a trail.
 */
public final class DecisionAudit {
  // decisions taken before any draft (a critical communication) share one id per tool
  private final String session = UUID.randomUUID().toString();

  /**
   * Appends the record of one decision to {@code trail}.
   *
   * @param modality the study's modality ("" when unknown), which the metrics group by
   * @param governed true where governance runs: its approval gate then records code approvals
   *     itself, and no second record is written here
   */
  public void decided(AuditTrail trail, Decision decision, String modality, boolean governed)
      throws IOException {
    if (governed
        && decision.target() == Decision.Target.CODE
        && decision.verb() == Decision.Verb.ACCEPT) {
      return; // the approval gate audits code approvals itself: one record per approval
    }
    Map<String, String> details = new LinkedHashMap<>();
    details.put("target", decision.target().name().toLowerCase(Locale.ROOT));
    details.put("item", decision.itemId());
    details.put("verb", decision.verb().name().toLowerCase(Locale.ROOT));
    if (!decision.draftId().isEmpty()) {
      details.put(AuditDetails.DRAFT_ID, decision.draftId());
    }
    if (modality != null && !modality.isBlank()) {
      details.put(AuditDetails.MODALITY, modality); // metrics group by modality
    }
    if (decision.verb() == Decision.Verb.EDIT) {
      details.put(
          AuditDetails.DIFF,
          SectionDiff.between(decision.previousText(), decision.text()).encode());
    }
    trail.append(
        new AuditEvent(
            decision.at(),
            action(decision),
            decision.draftId().isEmpty() ? session : decision.draftId(),
            decision.user().isEmpty() ? "unknown" : decision.user(),
            null,
            null,
            null,
            null,
            null,
            details));
  }

  /**
   * The audit model has no undo action: an undo is recorded under the item's reject action with
   * verb "undo" (the item is pending again), so that no decision is left out.
   */
  private static AuditAction action(Decision decision) {
    return decision
        .auditAction()
        .or(
            () ->
                new Decision(
                        decision.at(),
                        decision.user(),
                        decision.draftId(),
                        decision.target(),
                        decision.itemId(),
                        Decision.Verb.REJECT,
                        decision.text(),
                        decision.previousText())
                    .auditAction())
        .orElse(AuditAction.SECTION_EDITED);
  }
}
