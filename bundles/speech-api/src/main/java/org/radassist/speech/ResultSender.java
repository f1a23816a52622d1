package org.radassist.speech;

import java.io.IOException;
import java.util.Optional;
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

  /**
   * Why this receiver takes no result for the study now, e.g. FHIRcast while the reporting system
   * has no report open for it; empty when it does (the default). A receiver that is not applicable
   * is neither stored to nor sent to, and that is not an error.
   *
   * @since 1.2
   */
  default Optional<String> notApplicable(StudyContext study) {
    return Optional.empty();
  }

  /** What the radiologist is told this receiver is, e.g. "HL7 ORU^R01 to ris.example.org:2575". */
  default String name() {
    return "reporting system";
  }
}
