package org.radassist.speech.internal.fhircast;

import java.util.Optional;

/**
 * The report contexts the reporting system has open, as the FHIRcast subscription last heard them
 * (DiagnosticReport-open / -close): what the {@link FhircastResultSender} needs to address a
 * DiagnosticReport-update.
 */
public interface ReportContexts {

  /** The id of the DiagnosticReport open for the study, or empty when none is open for it. */
  Optional<String> openReport(String studyInstanceUid);

  /** The context.versionId of the open report as last seen, or null. */
  String versionId();
}
