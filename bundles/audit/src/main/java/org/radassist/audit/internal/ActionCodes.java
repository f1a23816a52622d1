package org.radassist.audit.internal;

import java.util.Locale;
import org.radassist.model.AuditAction;

/** How audit actions map onto the CRUDE action codes FHIR AuditEvent and DICOM audit use. */
public final class ActionCodes {
  /** Code system of RadAssist's own action codes (the lower-case AuditAction names). */
  public static final String ACTION_SYSTEM = "urn:radassist:audit-action";

  private ActionCodes() {}

  /** C create, R read, U update, D delete, E execute (FHIR audit-event-action). */
  public static String crude(AuditAction action) {
    return switch (action) {
      case DRAFT_REQUESTED,
          CRITICAL_RESULT_COMMUNICATED,
          ACTIONABLE_FINDING_COMMUNICATED,
          CRITICAL_RESULT_ESCALATED ->
          "E";
      case DRAFT_RECEIVED, SR_STORED -> "C";
      case ACTION_REFUSED -> "E";
      default -> "U";
    };
  }

  /** A readable name: "section_edited" becomes "Section edited". */
  public static String display(AuditAction action) {
    String words = action.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** A refused action is a failure outcome; everything else recorded succeeded. */
  public static boolean failed(AuditAction action) {
    return action == AuditAction.ACTION_REFUSED;
  }
}
