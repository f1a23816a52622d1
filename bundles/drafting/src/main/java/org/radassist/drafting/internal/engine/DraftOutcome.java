package org.radassist.drafting.internal.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radassist.model.CodeSuggestion;
import org.radassist.model.Flag;
import org.radassist.model.SectionKind;
import org.radassist.model.StructuredField;
import org.radassist.model.Suggestion;

/** What the rules engine made of one request, before it is streamed. */
public record DraftOutcome(
    Map<SectionKind, String> sections,
    List<Suggestion> impressions,
    List<Suggestion> differentials,
    List<StructuredField> structuredFields,
    List<CodeSuggestion> codes,
    List<Flag> flags) {
  public DraftOutcome {
    sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    impressions = List.copyOf(impressions);
    differentials = List.copyOf(differentials);
    structuredFields = List.copyOf(structuredFields);
    codes = List.copyOf(codes);
    flags = List.copyOf(flags);
  }
}
