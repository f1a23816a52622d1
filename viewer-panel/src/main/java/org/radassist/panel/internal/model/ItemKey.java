package org.radassist.panel.internal.model;

import org.radassist.model.ScoringSystem;
import org.radassist.model.SectionKind;
import org.radassist.model.StructuredField;
import org.radassist.panel.Decision;

/** Names one reviewable item of a draft: a section, a suggestion, a structured field or a code. */
public record ItemKey(Decision.Target target, String id) {
  public ItemKey {
    if (target == null || id == null || id.isBlank()) {
      throw new IllegalArgumentException("target and id must be given");
    }
  }

  public static ItemKey section(SectionKind kind) {
    return new ItemKey(Decision.Target.SECTION, kind.name());
  }

  public static ItemKey impression(String suggestionId) {
    return new ItemKey(Decision.Target.IMPRESSION, suggestionId);
  }

  public static ItemKey differential(String suggestionId) {
    return new ItemKey(Decision.Target.DIFFERENTIAL, suggestionId);
  }

  /** Fields are keyed by system, field and value: model and rules may propose two values. */
  public static ItemKey field(StructuredField field) {
    return field(field.system(), field.field(), field.value());
  }

  public static ItemKey field(ScoringSystem system, String field, String value) {
    return new ItemKey(Decision.Target.STRUCTURED_FIELD, system.name() + ":" + field + "=" + value);
  }

  /** Codes are keyed by system and code, e.g. "ICD-10-CM|R91.1". */
  public static ItemKey code(org.radassist.model.CodeSuggestion code) {
    return new ItemKey(Decision.Target.CODE, code.system() + "|" + code.code());
  }

  public SectionKind sectionKind() {
    if (target != Decision.Target.SECTION) {
      throw new IllegalStateException(this + " is not a section");
    }
    return SectionKind.valueOf(id);
  }
}
