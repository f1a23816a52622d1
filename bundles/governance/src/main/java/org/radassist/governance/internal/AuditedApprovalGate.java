package org.radassist.governance.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.radassist.governance.ActionRefusedException;
import org.radassist.governance.ApprovalGate;
import org.radassist.governance.GovernedAction;
import org.radassist.governance.SignOffState;
import org.radassist.host.Role;
import org.radassist.host.UserIdentity;
import org.radassist.model.AuditAction;
import org.radassist.model.AuditEvent;
import org.radassist.model.DraftReport;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.SectionKind;

/** The approval gate: sign-off states per study token, every decision to the audit trail. */
public final class AuditedApprovalGate implements ApprovalGate {
  private final Consumer<AuditEvent> audit;
  private final Clock clock;
  private final Map<String, SignOffState> states = new ConcurrentHashMap<>();

  public AuditedApprovalGate(Consumer<AuditEvent> audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public SignOffState state(String studyToken) {
    return states.getOrDefault(studyToken, SignOffState.DRAFTING);
  }

  @Override
  public SignOffState submitForApproval(UserIdentity user, String studyToken, String traceId) {
    if (!user.has(Role.RESIDENT) && !user.has(Role.RADIOLOGIST)) {
      throw refuse(
          user,
          GovernedAction.SUBMIT_FOR_APPROVAL,
          studyToken,
          traceId,
          "needs the resident or radiologist role");
    }
    // audited first: an action the trail cannot record does not happen
    record(AuditAction.DRAFT_SUBMITTED_FOR_APPROVAL, user, studyToken, traceId, Map.of());
    states.put(studyToken, SignOffState.AWAITING_ATTENDING);
    return SignOffState.AWAITING_ATTENDING;
  }

  @Override
  public SignOffState approveDraft(
      UserIdentity user, String studyToken, String traceId, Map<String, String> details) {
    requireRadiologist(user, GovernedAction.APPROVE_DRAFT, studyToken, traceId);
    record(AuditAction.DRAFT_APPROVED, user, studyToken, traceId, Map.copyOf(details));
    states.put(studyToken, SignOffState.APPROVED);
    return SignOffState.APPROVED;
  }

  @Override
  public void approveCode(
      UserIdentity user, String studyToken, String traceId, String system, String code) {
    requireRadiologist(user, GovernedAction.APPROVE_CODE, studyToken, traceId);
    record(
        AuditAction.CODE_APPROVED,
        user,
        studyToken,
        traceId,
        Map.of("system", system, "code", code));
  }

  @Override
  public SignOffState sign(
      UserIdentity user, String studyToken, String traceId, DraftReport report) {
    requireRadiologist(user, GovernedAction.SIGN_REPORT, studyToken, traceId);
    if (state(studyToken) == SignOffState.AWAITING_ATTENDING) {
      throw refuse(
          user,
          GovernedAction.SIGN_REPORT,
          studyToken,
          traceId,
          "the resident's draft awaits an attending's approval");
    }
    for (Flag flag : report.flags()) {
      // categories 1-2 only: an ACTIONABLE_FINDING (category 3) is communicated within days and
      // tracked, it does not hold the report
      if (flag.type() == FlagType.CRITICAL_RESULT && !communicationDocumented(report)) {
        throw refuse(
            user,
            GovernedAction.SIGN_REPORT,
            studyToken,
            traceId,
            "critical result \""
                + flag.message()
                + "\" (ACR category "
                + flag.criticalCategory().number()
                + ") is not documented: the Communication section must say who was told, when and how");
      }
    }
    record(AuditAction.REPORT_SIGNED, user, studyToken, traceId, Map.of());
    states.put(studyToken, SignOffState.SIGNED);
    return SignOffState.SIGNED;
  }

  /** Communication documented = a Communication section naming who, when and how. */
  static boolean communicationDocumented(DraftReport report) {
    return report
        .section(SectionKind.COMMUNICATION)
        .map(s -> s.text().toLowerCase(java.util.Locale.ROOT))
        .filter(t -> t.contains("who:") && t.contains("when:") && t.contains("how:"))
        .isPresent();
  }

  private void requireRadiologist(
      UserIdentity user, GovernedAction action, String studyToken, String traceId) {
    if (!user.has(Role.RADIOLOGIST)) {
      throw refuse(user, action, studyToken, traceId, "only a radiologist may " + describe(action));
    }
  }

  private static String describe(GovernedAction action) {
    switch (action) {
      case APPROVE_DRAFT:
        return "approve a draft";
      case APPROVE_CODE:
        return "approve codes";
      case SIGN_REPORT:
        return "sign a report";
      default:
        return action.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private ActionRefusedException refuse(
      UserIdentity user, GovernedAction action, String studyToken, String traceId, String reason) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("action", action.name().toLowerCase(java.util.Locale.ROOT));
    details.put("reason", reason);
    details.put(
        "roles", user.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
    record(AuditAction.ACTION_REFUSED, user, studyToken, traceId, details);
    return new ActionRefusedException(action, user.userId() + ": " + reason);
  }

  private void record(
      AuditAction action,
      UserIdentity user,
      String studyToken,
      String traceId,
      Map<String, String> details) {
    audit.accept(
        new AuditEvent(
            clock.instant(),
            action,
            traceId,
            user.userId(),
            studyToken,
            null,
            null,
            null,
            null,
            details));
  }
}
