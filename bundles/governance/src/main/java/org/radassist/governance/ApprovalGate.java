package org.radassist.governance;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;
import org.radassist.host.UserIdentity;
import org.radassist.model.DraftReport;

/**
 * Enforces who may approve and sign, in the service layer: only radiologists approve drafts and
 * codes and sign; a resident's draft needs an attending's approval first; a report flagged with a
 * category 1 or 2 critical result cannot be signed until its Communication section says who was
 * told, when and how. Every decision, refusals included, goes to the audit trail; an action that
 * cannot be audited does not go ahead ({@link java.io.UncheckedIOException}).
 */
@ProviderType
public interface ApprovalGate {

  /** Where the study's report stands ({@link SignOffState#DRAFTING} until anything happened). */
  SignOffState state(String studyToken);

  /**
   * A resident hands the draft to an attending.
   *
   * @throws ActionRefusedException when the user is neither resident nor radiologist (audited)
   */
  SignOffState submitForApproval(UserIdentity user, String studyToken, String traceId);

  /**
   * A radiologist approves the draft (their own, or a resident's as the attending).
   *
   * @throws ActionRefusedException when the user is not a radiologist (audited)
   */
  default SignOffState approveDraft(UserIdentity user, String studyToken, String traceId) {
    return approveDraft(user, studyToken, traceId, Map.of());
  }

  /**
   * A radiologist approves the draft; {@code details} say what was approved (the sections and their
   * review states, what was left out) and go into the approval's audit record as they are.
   *
   * @throws ActionRefusedException when the user is not a radiologist (audited)
   */
  SignOffState approveDraft(
      UserIdentity user, String studyToken, String traceId, Map<String, String> details);

  /**
   * A radiologist approves a suggested code.
   *
   * @throws ActionRefusedException when the user is not a radiologist (audited)
   */
  void approveCode(
      UserIdentity user, String studyToken, String traceId, String system, String code);

  /**
   * Signs the report.
   *
   * @throws ActionRefusedException for non-radiologists, for a resident's draft not yet approved by
   *     an attending, and for an undocumented category 1 or 2 critical result (audited)
   */
  SignOffState sign(UserIdentity user, String studyToken, String traceId, DraftReport report);
}
