package org.radassist.drafting;

import java.util.List;
import org.radassist.model.SectionKind;

/** The report template to fill: its id (e.g. an IHE MRRT template id) and its sections in order. */
public record TemplateSpec(String id, List<SectionKind> sections) {
  public static final TemplateSpec DEFAULT =
      new TemplateSpec(
          "radassist:default",
          List.of(
              SectionKind.CLINICAL_HISTORY,
              SectionKind.COMPARISON,
              SectionKind.FINDINGS,
              SectionKind.IMPRESSION));

  public TemplateSpec {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("template id must not be blank");
    }
    sections = sections == null || sections.isEmpty() ? DEFAULT_SECTIONS : List.copyOf(sections);
  }

  private static final List<SectionKind> DEFAULT_SECTIONS =
      List.of(
          SectionKind.CLINICAL_HISTORY,
          SectionKind.COMPARISON,
          SectionKind.FINDINGS,
          SectionKind.IMPRESSION);
}
