package org.radassist.drafting.service.internal.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.radassist.model.CodeSuggestion;
import org.radassist.model.Evidence;
import org.radassist.model.Flag;
import org.radassist.model.SectionKind;
import org.radassist.model.StructuredField;

/**
 * Makes every evidence span point into the text the radiologist sees. The rules engine's evidence
 * refers to its own sections (made from the dictation), but with a model backend the panel shows
 * the model's sections: each span is moved to where its quoted words stand in the shown text, and a
 * span whose words are not shown at all is dropped (the item says its evidence is only in the
 * dictation).
 */
final class ShownEvidence {
  static final String ONLY_IN_DICTATION =
      " (its evidence is in the dictation, not in the draft text)";

  private ShownEvidence() {}

  static List<StructuredField> fields(List<StructuredField> in, Map<SectionKind, String> shown) {
    List<StructuredField> out = new ArrayList<>();
    for (StructuredField f : in) {
      List<Evidence> ev = remap(f.evidence(), shown);
      if (ev.equals(f.evidence())) {
        out.add(f);
      } else {
        out.add(
            new StructuredField(
                f.system(),
                f.version(),
                f.field(),
                f.value(),
                ev,
                f.confidence(),
                f.status(),
                f.missing(),
                ev.size() < f.evidence().size() ? f.reason() + ONLY_IN_DICTATION : f.reason(),
                f.state()));
      }
    }
    return out;
  }

  static List<CodeSuggestion> codes(List<CodeSuggestion> in, Map<SectionKind, String> shown) {
    List<CodeSuggestion> out = new ArrayList<>();
    for (CodeSuggestion c : in) {
      List<Evidence> ev = remap(c.evidence(), shown);
      out.add(
          ev.equals(c.evidence())
              ? c
              : new CodeSuggestion(
                  c.system(),
                  c.code(),
                  c.display(),
                  ev,
                  c.confidence(),
                  ev.size() < c.evidence().size() ? c.reason() + ONLY_IN_DICTATION : c.reason(),
                  c.state()));
    }
    return out;
  }

  static List<Flag> flags(List<Flag> in, Map<SectionKind, String> shown) {
    List<Flag> out = new ArrayList<>();
    for (Flag f : in) {
      List<Evidence> ev = remap(f.evidence(), shown);
      out.add(
          ev.equals(f.evidence())
              ? f
              : new Flag(
                  f.type(),
                  f.severity(),
                  ev.size() < f.evidence().size() ? f.message() + ONLY_IN_DICTATION : f.message(),
                  ev,
                  f.criticalCategory(),
                  f.requiredCommunication()));
    }
    return out;
  }

  /** Each span where its quote stands in the shown text (same section first); unfound dropped. */
  static List<Evidence> remap(List<Evidence> spans, Map<SectionKind, String> shown) {
    List<Evidence> out = new ArrayList<>();
    for (Evidence e : spans) {
      Evidence moved = locate(e, shown);
      if (moved != null) {
        out.add(moved);
      }
    }
    return out;
  }

  private static Evidence locate(Evidence e, Map<SectionKind, String> shown) {
    String same = e.section() == null ? null : shown.get(e.section());
    if (same != null
        && e.end() <= same.length()
        && same.substring(e.start(), e.end()).equals(e.quote())) {
      return e;
    }
    if (e.quote().isBlank()) {
      return null;
    }
    if (same != null) {
      Evidence found = find(e.section(), same, e.quote());
      if (found != null) {
        return found;
      }
    }
    for (Map.Entry<SectionKind, String> s : shown.entrySet()) {
      Evidence found = find(s.getKey(), s.getValue(), e.quote());
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static Evidence find(SectionKind kind, String text, String quote) {
    int at = text.toLowerCase(Locale.ROOT).indexOf(quote.toLowerCase(Locale.ROOT));
    return at < 0 ? null : Evidence.of(kind, text, at, at + quote.length());
  }
}
