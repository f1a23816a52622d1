package org.radassist.panel.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.radassist.host.UserIdentity;
import org.radassist.model.DraftReport;
import org.radassist.model.Flag;
import org.radassist.model.StructuredField;
import org.radassist.model.StudyContext;
import org.radassist.panel.model.Rollout;

/**
 * Governance as the controller uses it; the adapter ({@code internal.governance.GovernanceAdapter})
 * is the only class naming the governance bundle's types (an optional import).
 */
public interface GovernancePort {

  /** Decides mode and roles for the study and user (call off the UI thread). */
  StudyGovernance forStudy(StudyContext study, UserIdentity user);

  /** What governance says for one study and user. Methods may write the audit trail. */
  interface StudyGovernance {
    Rollout rollout();

    /** True when the user (with configured roles) is a radiologist: may accept, approve, sign. */
    boolean mayApprove();

    List<Flag> reviewFlags(DraftReport draft);

    /** Fields filled in under integrated rollout (empty in other modes). */
    List<StructuredField> autoPopulatedFields(DraftReport draft);

    /**
     * Approves the draft through the gate; the refusal's message when refused (audited). {@code
     * details} go into the approval's audit record (the sections and their review states).
     */
    Optional<String> approveDraft(String studyToken, String traceId, Map<String, String> details);

    /** Approves a code through the gate; the refusal's message when refused (audited). */
    Optional<String> approveCode(String studyToken, String traceId, String system, String code);
  }
}
