package org.radassist.panel;

import java.time.Instant;
import java.util.Optional;
import org.radassist.model.AuditAction;

/**
 * One decision the radiologist took on AI output.
 *
 * @param at when it was taken
 * @param user the signed-in user's id
 * @param draftId the draft it applies to ("" before any draft, e.g. a critical communication)
 * @param target what kind of item
 * @param itemId the item: a section kind name, a suggestion id, "SYSTEM:field" for a structured
 *     field, the flag message for a critical result or an actionable finding, "SYSTEM|code" for a
 *     code
 * @param verb what was done
 * @param text the item's text after the decision (the edited text for {@link Verb#EDIT})
 * @param previousText the item's text before it
 */
public record Decision(
    Instant at,
    String user,
    String draftId,
    Target target,
    String itemId,
    Verb verb,
    String text,
    String previousText) {

  /** What kind of item was decided on. */
  public enum Target {
    SECTION,
    IMPRESSION,
    DIFFERENTIAL,
    STRUCTURED_FIELD,
    CRITICAL_RESULT,
    /**
     * An actionable finding (ACR category 3): only communicated (verb {@link Verb#COMMUNICATE}),
     * never accepted; it holds no sign-off.
     */
    ACTIONABLE_FINDING,
    /** A suggested code (RadLex, ICD-10-CM, CPT); item id "SYSTEM|code". */
    CODE
  }

  /** What the radiologist did. */
  public enum Verb {
    ACCEPT,
    EDIT,
    REJECT,
    /** Took back the previous decision on this item (it is pending again). */
    UNDO,
    /** Documented who was told of a critical result or an actionable finding, when and how. */
    COMMUNICATE
  }

  public Decision {
    if (at == null || target == null || verb == null) {
      throw new IllegalArgumentException("at, target and verb must not be null");
    }
    if (itemId == null || itemId.isBlank()) {
      throw new IllegalArgumentException("itemId must not be blank");
    }
    user = user == null ? "" : user;
    draftId = draftId == null ? "" : draftId;
    text = text == null ? "" : text;
    previousText = previousText == null ? "" : previousText;
  }

  /**
   * The audit action this decision is recorded as; empty for {@link Verb#UNDO}, which the audit
   * model has no action for (record it with the item and the words "undo").
   */
  public Optional<AuditAction> auditAction() {
    AuditAction action =
        switch (verb) {
          case ACCEPT ->
              switch (target) {
                case SECTION -> AuditAction.SECTION_ACCEPTED;
                case IMPRESSION, DIFFERENTIAL -> AuditAction.SUGGESTION_ACCEPTED;
                case STRUCTURED_FIELD -> AuditAction.FIELD_ACCEPTED;
                case CRITICAL_RESULT -> AuditAction.CRITICAL_RESULT_CONFIRMED;
                case ACTIONABLE_FINDING -> null; // the panel never accepts a flag
                case CODE -> AuditAction.CODE_APPROVED;
              };
          case EDIT -> target == Target.SECTION ? AuditAction.SECTION_EDITED : null;
          case REJECT ->
              switch (target) {
                case SECTION -> AuditAction.SECTION_REJECTED;
                case IMPRESSION, DIFFERENTIAL -> AuditAction.SUGGESTION_REJECTED;
                case STRUCTURED_FIELD -> AuditAction.FIELD_REJECTED;
                case CRITICAL_RESULT, ACTIONABLE_FINDING -> AuditAction.FLAG_OVERRIDDEN;
                case CODE -> AuditAction.CODE_REJECTED;
              };
          case COMMUNICATE ->
              target == Target.ACTIONABLE_FINDING
                  ? AuditAction.ACTIONABLE_FINDING_COMMUNICATED
                  : AuditAction.CRITICAL_RESULT_COMMUNICATED;
          case UNDO -> null;
        };
    return Optional.ofNullable(action);
  }
}
