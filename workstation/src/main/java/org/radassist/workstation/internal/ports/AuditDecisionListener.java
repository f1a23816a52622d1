package org.radassist.workstation.internal.ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.radassist.audit.AuditDetails;
import org.radassist.audit.AuditTrail;
import org.radassist.audit.SectionDiff;
import org.radassist.governance.Governance;
import org.radassist.host.ViewerHost;
import org.radassist.model.AuditAction;
import org.radassist.model.AuditEvent;
import org.radassist.model.StudyContext;
import org.radassist.panel.Decision;
import org.radassist.panel.DecisionListener;

/**
 * Records every decision taken in the panel in the audit trail. Registered by the workstation host
 * (it wires the panel's decision port to the audit trail); present only while a trail is.
 */
@Component(service = DecisionListener.class)
public final class AuditDecisionListener implements DecisionListener {
  private final AuditTrail trail;
  private final ViewerHost host;
  private final Governance governance;
  private final String session = UUID.randomUUID().toString();

  @Activate
  public AuditDecisionListener(
      @Reference AuditTrail trail,
      @Reference(
              cardinality = ReferenceCardinality.OPTIONAL,
              policyOption = ReferencePolicyOption.GREEDY)
          ViewerHost host,
      @Reference(
              cardinality = ReferenceCardinality.OPTIONAL,
              policyOption = ReferencePolicyOption.GREEDY)
          Governance governance) {
    this.trail = trail;
    this.host = host;
    this.governance = governance;
  }

  @Override
  public void decided(Decision decision) {
    if (governance != null
        && decision.target() == Decision.Target.CODE
        && decision.verb() == Decision.Verb.ACCEPT) {
      return; // the approval gate audits code approvals itself: one record per approval
    }
    Map<String, String> details = new LinkedHashMap<>();
    details.put("target", decision.target().name().toLowerCase(java.util.Locale.ROOT));
    details.put("item", decision.itemId());
    details.put("verb", decision.verb().name().toLowerCase(java.util.Locale.ROOT));
    if (!decision.draftId().isEmpty()) {
      details.put(AuditDetails.DRAFT_ID, decision.draftId());
    }
    // metrics group by modality and measure edit distance from the diff
    Optional<StudyContext> study = host == null ? Optional.empty() : host.currentStudy();
    study
        .filter(st -> !st.modalities().isEmpty())
        .ifPresent(st -> details.put(AuditDetails.MODALITY, st.modalities().get(0)));
    if (decision.verb() == Decision.Verb.EDIT) {
      details.put(
          AuditDetails.DIFF,
          SectionDiff.between(decision.previousText(), decision.text()).encode());
    }
    // the audit model has no undo action: an undo is recorded under the item's reject action
    // with verb "undo" (the item is pending again), so that no decision is left out
    AuditAction action =
        decision
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
    try {
      trail.append(
          new AuditEvent(
              decision.at(),
              action,
              decision.draftId().isEmpty() ? session : decision.draftId(),
              decision.user().isEmpty() ? "unknown" : decision.user(),
              null,
              null,
              null,
              null,
              null,
              details));
    } catch (IOException e) {
      throw new UncheckedIOException("decision not audited: " + e.getMessage(), e);
    }
  }
}
