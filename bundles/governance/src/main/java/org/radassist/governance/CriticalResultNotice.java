package org.radassist.governance;

import org.radassist.model.CriticalCategory;

/**
 * What the ordering clinician is told about a critical result. It travels inside the hospital's own
 * network (RIS / EHR), so it carries the patient and order identifiers the receiver needs.
 *
 * @param studyToken the opaque study token used in the audit trail
 * @param orderingClinician who must be told (id^family^given as the RIS knows them)
 */
public record CriticalResultNotice(
    String studyToken,
    String traceId,
    String patientId,
    String accessionNumber,
    String orderingClinician,
    CriticalCategory category,
    String finding) {
  public CriticalResultNotice {
    for (String[] field :
        new String[][] {
          {"studyToken", studyToken},
          {"traceId", traceId},
          {"patientId", patientId},
          {"accessionNumber", accessionNumber},
          {"orderingClinician", orderingClinician},
          {"finding", finding}
        }) {
      if (field[1] == null || field[1].isBlank()) {
        throw new IllegalArgumentException(field[0] + " must not be blank");
      }
    }
    if (category == null) {
      throw new IllegalArgumentException("category must not be null");
    }
  }
}
