package org.radassist.audit;

/**
 * The keys of {@link org.radassist.model.AuditEvent#details()} that RadAssist components write and
 * that metrics, feedback export and the FHIR/ATNA exports read. docs/audit.md lists which action
 * carries which key. Values are strings; PHI never goes into details (tokens only).
 */
public interface AuditDetails {
  /** DICOM modality of the study, e.g. {@code CT}, {@code CR}, {@code MR} (all actions). */
  static final String MODALITY = "modality";

  /** Body part examined, DICOM (0018,0015) style, e.g. {@code CHEST}. */
  static final String BODY_PART = "body_part";

  /** Report section, a {@link org.radassist.model.SectionKind} name, e.g. {@code IMPRESSION}. */
  static final String SECTION = "section";

  /** The word diff draft to final in {@link SectionDiff} form ({@code section_edited}). */
  static final String DIFF = "diff";

  /** Why the user did it: free text (flag overridden, section rejected, action refused). */
  static final String REASON = "reason";

  /** Which suggestion: a {@link org.radassist.model.SuggestionKind} name. */
  static final String SUGGESTION_KIND = "suggestion_kind";

  /**
   * Opaque id of the section, suggestion, field, flag or code the decision concerns. Metrics count
   * the last decision per item (so an item accepted, then rejected counts once, as rejected).
   */
  static final String ITEM = "item";

  /** What the panel decision was about: {@code section}, {@code suggestion}, {@code field}, ... */
  static final String TARGET = "target";

  /**
   * The panel's verb: {@code accept}, {@code edit}, {@code reject} or {@code undo}. An undo is
   * written under the item's reject action with verb {@code undo}: the item is pending again.
   */
  static final String VERB = "verb";

  /** Flag type for {@code flag_overridden}, a {@link org.radassist.model.FlagType} name. */
  static final String FLAG_TYPE = "flag_type";

  /** Code system for {@code code_approved} / {@code code_rejected}, e.g. {@code ICD-10-CM}. */
  static final String CODE_SYSTEM = "system";

  /** The code value for {@code code_approved} / {@code code_rejected}. */
  static final String CODE = "code";

  /** Rollout mode in force: {@code shadow}, {@code assistive} or {@code integrated}. */
  static final String MODE = "mode";

  /** The user's role when it matters (e.g. {@code resident}, {@code radiologist}). */
  static final String ROLE = "role";

  /** The governed action a user tried and was refused ({@code action_refused}), lower case. */
  static final String REFUSED_ACTION = "action";

  /** The user's roles, comma-separated, on {@code action_refused}. */
  static final String ROLES = "roles";

  /** Critical result: how the clinician was told (the channel's description). */
  static final String CHANNEL = "how";

  /** Critical result: who was told (a role or token, never a name). */
  static final String RECIPIENT = "who";

  /** Draft id the drafting service returned ({@code draft_received}). */
  static final String DRAFT_ID = "draft_id";
}
