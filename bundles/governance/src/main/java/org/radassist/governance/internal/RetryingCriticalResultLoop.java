package org.radassist.governance.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.radassist.governance.ActionRefusedException;
import org.radassist.governance.CriticalResultLoop;
import org.radassist.governance.CriticalResultNotice;
import org.radassist.governance.CriticalResultTracking;
import org.radassist.governance.GovernedAction;
import org.radassist.host.Role;
import org.radassist.host.UserIdentity;
import org.radassist.model.AuditAction;
import org.radassist.model.AuditEvent;
import org.radassist.model.CriticalCategory;

/**
 * The critical-result loop on a scheduler: one attempt at once, a retry every interval until the
 * receiver acknowledges, escalation once the category's time frame has passed.
 */
public final class RetryingCriticalResultLoop implements CriticalResultLoop {
  private final CriticalResultChannel channel;
  private final CriticalResultChannel escalation;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final Consumer<AuditEvent> audit;
  private final Map<CriticalCategory, Duration> timeFrames;
  private final Duration retryInterval;
  private final Map<String, CriticalResultTracking> tracked = new ConcurrentHashMap<>();

  public RetryingCriticalResultLoop(
      CriticalResultChannel channel,
      CriticalResultChannel escalation,
      ScheduledExecutorService scheduler,
      Clock clock,
      Consumer<AuditEvent> audit,
      Map<CriticalCategory, Duration> timeFrames,
      Duration retryInterval) {
    this.channel = channel;
    this.escalation = escalation;
    this.scheduler = scheduler;
    this.clock = clock;
    this.audit = audit;
    this.timeFrames = new EnumMap<>(CriticalCategory.class);
    for (CriticalCategory c : CriticalCategory.values()) {
      this.timeFrames.put(c, timeFrames.getOrDefault(c, c.defaultTimeFrame()));
    }
    this.retryInterval = retryInterval;
  }

  @Override
  public CriticalResultTracking confirm(UserIdentity radiologist, CriticalResultNotice notice) {
    if (!radiologist.has(Role.RADIOLOGIST)) {
      record(
          AuditAction.ACTION_REFUSED,
          radiologist.userId(),
          notice,
          Map.of(
              "action",
              "confirm_critical_result",
              "reason",
              "only a radiologist may confirm a critical result"));
      throw new ActionRefusedException(
          GovernedAction.SIGN_REPORT,
          radiologist.userId() + ": only a radiologist may confirm a critical result");
    }
    Instant now = clock.instant();
    CriticalResultTracking start =
        new CriticalResultTracking(
            notice, CriticalResultTracking.State.SENDING, 0, now, null, null, "");
    if (tracked.putIfAbsent(notice.traceId(), start) != null) {
      return tracked.get(notice.traceId());
    }
    record(
        AuditAction.CRITICAL_RESULT_CONFIRMED,
        radiologist.userId(),
        notice,
        Map.of(
            "category", Integer.toString(notice.category().number()), "finding", notice.finding()));
    scheduler.execute(() -> attempt(notice.traceId()));
    return start;
  }

  @Override
  public Optional<CriticalResultTracking> tracking(String traceId) {
    return Optional.ofNullable(tracked.get(traceId));
  }

  private void attempt(String traceId) {
    CriticalResultTracking t = tracked.get(traceId);
    if (t == null || t.state() != CriticalResultTracking.State.SENDING) {
      return;
    }
    CriticalResultNotice notice = t.notice();
    String error;
    try {
      CriticalResultChannel.Acknowledgement ack = channel.send(notice);
      if (ack.accepted()) {
        Instant when = clock.instant();
        String communication =
            communication(notice.orderingClinician(), when, channel.description(), ack);
        tracked.put(
            traceId,
            new CriticalResultTracking(
                notice,
                CriticalResultTracking.State.ACKNOWLEDGED,
                t.attempts() + 1,
                t.confirmedAt(),
                when,
                null,
                communication));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("who", notice.orderingClinician());
        details.put("how", channel.description());
        details.put("ack", ack.code());
        details.put("attempts", Integer.toString(t.attempts() + 1));
        // category 3 is an actionable finding: governance reports count critical results apart
        record(
            notice.category() == CriticalCategory.CATEGORY_3
                ? AuditAction.ACTIONABLE_FINDING_COMMUNICATED
                : AuditAction.CRITICAL_RESULT_COMMUNICATED,
            "radassist",
            notice,
            details);
        return;
      }
      error =
          "receiver answered "
              + ack.code()
              + (ack.detail().isEmpty() ? "" : " (" + ack.detail() + ")");
    } catch (IOException | RuntimeException e) {
      error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    Instant now = clock.instant();
    CriticalResultTracking failed =
        new CriticalResultTracking(
            notice,
            CriticalResultTracking.State.SENDING,
            t.attempts() + 1,
            t.confirmedAt(),
            null,
            error,
            "");
    tracked.put(traceId, failed);
    Duration frame = timeFrames.get(notice.category());
    if (!now.isBefore(t.confirmedAt().plus(frame))) {
      escalate(traceId, failed, frame);
    } else {
      scheduler.schedule(() -> attempt(traceId), retryInterval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void escalate(String traceId, CriticalResultTracking t, Duration frame) {
    CriticalResultNotice notice = t.notice();
    Map<String, String> details = new LinkedHashMap<>();
    details.put(
        "reason",
        "not acknowledged within "
            + frame
            + " (ACR category "
            + notice.category().number()
            + "): "
            + t.lastError());
    details.put("attempts", Integer.toString(t.attempts()));
    details.put("how", escalation.description());
    String error = null;
    String communication = "";
    CriticalResultTracking.State state = CriticalResultTracking.State.ESCALATED;
    Instant when = clock.instant();
    try {
      CriticalResultChannel.Acknowledgement ack = escalation.send(notice);
      details.put("ack", ack.code());
      if (ack.accepted()) {
        communication =
            communication(
                    "escalation contact for " + notice.orderingClinician(),
                    when,
                    escalation.description(),
                    ack)
                + " Escalated: the ordering clinician did not acknowledge within "
                + frame
                + ".";
      } else {
        state = CriticalResultTracking.State.ESCALATION_FAILED;
        error = "escalation answered " + ack.code();
      }
    } catch (IOException | RuntimeException e) {
      state = CriticalResultTracking.State.ESCALATION_FAILED;
      error = "escalation failed: " + e.getMessage();
      details.put("error", error);
    }
    tracked.put(
        traceId,
        new CriticalResultTracking(
            notice, state, t.attempts(), t.confirmedAt(), when, error, communication));
    record(AuditAction.CRITICAL_RESULT_ESCALATED, "radassist", notice, details);
  }

  private static String communication(
      String who, Instant when, String how, CriticalResultChannel.Acknowledgement ack) {
    return "Who: "
        + who
        + ". When: "
        + when
        + ". How: "
        + how
        + " (acknowledged "
        + ack.code()
        + ").";
  }

  private void record(
      AuditAction action, String user, CriticalResultNotice notice, Map<String, String> details) {
    audit.accept(
        new AuditEvent(
            clock.instant(),
            action,
            notice.traceId(),
            user,
            notice.studyToken(),
            null,
            null,
            null,
            null,
            details));
  }
}
