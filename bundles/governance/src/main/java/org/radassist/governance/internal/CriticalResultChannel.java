package org.radassist.governance.internal;

import java.io.IOException;
import org.radassist.governance.CriticalResultNotice;

/** A way to reach the ordering clinician: HL7 v2 ORU^R01 over MLLP, or a FHIR Communication. */
public interface CriticalResultChannel {

  /** How the message travels, as the report's Communication section states it. */
  String description();

  /**
   * Sends the notice and waits for the receiver's acknowledgement.
   *
   * @return the acknowledgement code and detail (HL7 MSA-1 AA/AE/AR, or the HTTP status)
   * @throws IOException when the receiver is unreachable or does not acknowledge in time
   */
  Acknowledgement send(CriticalResultNotice notice) throws IOException;

  /** A receiver's answer. {@code accepted} is true for HL7 AA / CA and HTTP 2xx. */
  record Acknowledgement(boolean accepted, String code, String detail) {}
}
