package org.radassist.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The study the radiologist has open, as the host viewer knows it. It carries identifying data and
 * never leaves the workstation as it is: outbound requests are built from a minimised copy.
 */
public record StudyContext(
    String studyInstanceUid,
    String accessionNumber,
    String patientId,
    String issuerOfPatientId,
    String patientName,
    LocalDate patientBirthDate,
    Sex patientSex,
    List<String> modalities,
    String bodyPart,
    LocalDate studyDate,
    String studyDescription) {

  public StudyContext {
    Checks.requireText(studyInstanceUid, "studyInstanceUid");
    patientSex = patientSex == null ? Sex.UNKNOWN : patientSex;
    modalities = Checks.copy(modalities, "modalities");
  }

  /**
   * A context that knows only the study UID (e.g. a study found by UID before its header is read).
   */
  public static StudyContext ofStudy(String studyInstanceUid) {
    return new StudyContext(
        studyInstanceUid, null, null, null, null, null, Sex.UNKNOWN, List.of(), null, null, null);
  }

  /** Age in whole years on the study date, when both dates are known. */
  public Optional<Integer> patientAgeYears() {
    if (patientBirthDate == null || studyDate == null) {
      return Optional.empty();
    }
    return Optional.of(java.time.Period.between(patientBirthDate, studyDate).getYears());
  }
}
