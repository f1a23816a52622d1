package org.radassist.drafting.service.internal.llm;

import java.util.List;
import java.util.Map;
import org.radassist.model.FlagType;
import org.radassist.model.ScoringSystem;
import org.radassist.model.SectionKind;
import org.radassist.model.Severity;

/** A model's draft after it passed {@link ModelOutputSchema#read}: untrusted, but well formed. */
public record ModelOutput(
    Map<SectionKind, String> sections,
    List<Item> impressions,
    List<Item> differentials,
    List<Field> structuredFields,
    List<Code> codes,
    List<ModelFlag> flags) {

  public ModelOutput {
    sections = Map.copyOf(sections);
    impressions = List.copyOf(impressions);
    differentials = List.copyOf(differentials);
    structuredFields = List.copyOf(structuredFields);
    codes = List.copyOf(codes);
    flags = List.copyOf(flags);
  }

  public record Item(String text, double confidence) {}

  public record Field(ScoringSystem system, String field, String value, double confidence) {}

  public record Code(String system, String code, String display) {}

  public record ModelFlag(FlagType type, Severity severity, String message) {}
}
