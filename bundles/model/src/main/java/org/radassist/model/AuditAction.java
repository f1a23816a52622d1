package org.radassist.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an audit record says happened. */
public enum AuditAction {
  DRAFT_REQUESTED,
  DRAFT_RECEIVED,
  SECTION_ACCEPTED,
  SECTION_EDITED,
  SECTION_REJECTED,
  SUGGESTION_ACCEPTED,
  SUGGESTION_REJECTED,
  FIELD_ACCEPTED,
  FIELD_REJECTED,
  FLAG_OVERRIDDEN,
  CODE_APPROVED,
  CODE_REJECTED,
  CRITICAL_RESULT_CONFIRMED,
  CRITICAL_RESULT_COMMUNICATED,
  CRITICAL_RESULT_ACKNOWLEDGED,
  CRITICAL_RESULT_ESCALATED,
  /**
   * An actionable finding (ACR category 3) was communicated: who / when / how documented. Apart
   * from {@link #CRITICAL_RESULT_COMMUNICATED} so reports on critical results stay category 1-2.
   */
  ACTIONABLE_FINDING_COMMUNICATED,
  DRAFT_SUBMITTED_FOR_APPROVAL,
  DRAFT_APPROVED,
  REPORT_SIGNED,
  SR_STORED,
  ACTION_REFUSED,
  CONFIGURATION_CHANGED;

  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static AuditAction fromJson(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
