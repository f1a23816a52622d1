package org.radassist.speech;

import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;
import org.radassist.model.StudyContext;

/**
 * Sends accepted content to the reporting system (e.g. HL7 v2 ORU^R01 to the RIS), durable in an
 * outbox before it is sent.
 */
@ProviderType
public interface ResultSender {

  /**
   * Stores the result durably, then sends it.
   *
   * @return true when the receiver acknowledged it; false when it stays in the outbox and is sent
   *     again later
   * @throws IOException when it could not be stored (nothing was sent)
   */
  boolean send(AcceptedReport report, StudyContext study) throws IOException;

  /** What the radiologist is told this receiver is, e.g. "HL7 ORU^R01 to ris.example.org:2575". */
  default String name() {
    return "reporting system";
  }
}
