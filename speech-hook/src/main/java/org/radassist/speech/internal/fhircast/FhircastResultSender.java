package org.radassist.speech.internal.fhircast;

import java.io.IOException;
import java.util.Optional;
import org.radassist.model.StudyContext;
import org.radassist.speech.AcceptedReport;
import org.radassist.speech.ResultSender;

/**
 * Accepted content to the reporting system over FHIRcast (IHE IRA RAD-150 Update Report Content):
 * applicable only while the reporting system has a DiagnosticReport open for the study (as the
 * subscription heard it, {@link ReportContexts}); then a DiagnosticReport-update addressed to that
 * report, written to the outbox first and removed on the hub's 2xx ({@link FhircastPublisher}). The
 * order number of the {@link AcceptedReport} is not used: the report answered is the one open in
 * the reporting system.
 */
public final class FhircastResultSender implements ResultSender {
  static final String NO_REPORT_OPEN = "no report open for this study in the reporting system";

  private final ReportContexts contexts;
  private final FhircastPublisher publisher;
  private final String name;

  public FhircastResultSender(ReportContexts contexts, FhircastPublisher publisher, String name) {
    this.contexts = contexts;
    this.publisher = publisher;
    this.name = name;
  }

  @Override
  public Optional<String> notApplicable(StudyContext study) {
    return contexts.openReport(study.studyInstanceUid()).isPresent()
        ? Optional.empty()
        : Optional.of(NO_REPORT_OPEN);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IOException also when the report was closed since {@link #notApplicable} was asked
   *     (nothing is stored or sent)
   */
  @Override
  public boolean send(AcceptedReport report, StudyContext study) throws IOException {
    String reportId =
        contexts
            .openReport(study.studyInstanceUid())
            .orElseThrow(() -> new IOException(NO_REPORT_OPEN));
    return publisher.publish(new AcceptedReport(reportId, report.sections()), study);
  }

  /** Resends every update still in the outbox; returns how many the hub accepted. */
  public int replay() throws IOException {
    return publisher.replay();
  }

  @Override
  public String name() {
    return name;
  }
}
