package org.radassist.priors;

/**
 * A source of prior studies: the studies the viewer has loaded, a DICOMweb PACS, or a local folder
 * (the embedded default). Implementations never throw for an unreachable or slow source; they
 * return a {@link PriorLookup} with status {@link LookupStatus#UNAVAILABLE} and a message instead,
 * so that the rest of the panel keeps working. Calls block and must not run on the Swing event
 * thread.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface PriorStudyProvider {

  /** A short name for logs and the panel (e.g. "DICOMweb http://pacs/dicom-web"). */
  String name();

  /**
   * Finds the study with this UID, reads its findings, and finds, ranks and reads the patient's
   * relevant earlier studies.
   */
  PriorLookup lookup(String studyInstanceUid, PriorQuery query);
}
