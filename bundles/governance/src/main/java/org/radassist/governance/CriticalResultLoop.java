package org.radassist.governance;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.radassist.host.UserIdentity;

/**
 * The closed loop for critical results. When a radiologist confirms one, the ordering clinician is
 * alerted through the configured channel; the loop retries until the receiver acknowledges, and
 * when no acknowledgement arrives within the category's time frame it escalates through the
 * escalation channel. Who was told, when and how goes to the report's Communication section ({@link
 * CriticalResultTracking#communication()}) and to the audit trail.
 */
@ProviderType
public interface CriticalResultLoop {

  /**
   * The radiologist confirms the critical result: sending starts at once, off the caller's thread.
   *
   * @throws ActionRefusedException when the user is not a radiologist (audited)
   */
  CriticalResultTracking confirm(UserIdentity radiologist, CriticalResultNotice notice);

  /** Where the communication of the result with this trace id stands, if it was confirmed. */
  Optional<CriticalResultTracking> tracking(String traceId);
}
