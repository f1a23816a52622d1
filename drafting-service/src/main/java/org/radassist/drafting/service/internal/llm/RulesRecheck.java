package org.radassist.drafting.service.internal.llm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.radassist.model.CodeSuggestion;
import org.radassist.model.FieldStatus;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.ReviewState;
import org.radassist.model.Severity;
import org.radassist.model.StructuredField;

/**
 * Puts a model's answer beside what the deterministic rules found for the same request. The rules
 * win where both speak: their structured fields (with evidence) and codes (from the local tables)
 * are the ones sent; a model field the rules have no opinion on is sent as the model's, at no more
 * than 0.5 confidence; where the two disagree ("model says 4A, rules say 3") a
 * RULES_MODEL_DISAGREEMENT flag says so. A critical result or actionable finding only the model saw
 * is a disagreement too (a CRITICAL_RESULT or ACTIONABLE_FINDING flag needs the rules' ACR category
 * and communication fields).
 */
public final class RulesRecheck {
  /** The most a field only the model asserts is trusted. */
  static final double MODEL_ONLY_CONFIDENCE_CAP = 0.5;

  /** What rules and model say together. */
  public record Outcome(
      List<StructuredField> fields, List<CodeSuggestion> codes, List<Flag> flags) {}

  private RulesRecheck() {}

  public static Outcome combine(
      ModelOutput model,
      String modelName,
      List<StructuredField> ruleFields,
      List<CodeSuggestion> ruleCodes,
      List<Flag> ruleFlags) {
    List<StructuredField> fields = new ArrayList<>(ruleFields);
    List<Flag> flags = new ArrayList<>(ruleFlags);
    Map<String, StructuredField> byKey = new LinkedHashMap<>();
    for (StructuredField f : ruleFields) {
      byKey.put(key(f.system().label(), f.field()), f);
    }
    for (ModelOutput.Field m : model.structuredFields()) {
      StructuredField r = byKey.get(key(m.system().label(), m.field()));
      if (r == null) {
        fields.add(
            new StructuredField(
                m.system(),
                "",
                m.field(),
                m.value(),
                List.of(),
                Math.min(m.confidence(), MODEL_ONLY_CONFIDENCE_CAP),
                FieldStatus.COMPLETE,
                List.of(),
                "stated by " + modelName + "; the rules found nothing to check it against",
                ReviewState.PENDING));
      } else if (r.status() == FieldStatus.COMPLETE && !sameValue(r.value(), m.value())) {
        flags.add(
            Flag.of(
                FlagType.RULES_MODEL_DISAGREEMENT,
                Severity.WARNING,
                String.format(
                    Locale.ROOT,
                    "%s %s: model says %s, rules say %s",
                    m.system().label(),
                    m.field(),
                    m.value(),
                    r.value()),
                r.evidence()));
      }
    }
    for (ModelOutput.ModelFlag f : model.flags()) {
      if (f.type().needsCommunication()) {
        if (ruleFlags.stream().noneMatch(r -> r.type() == f.type())) {
          flags.add(
              Flag.of(
                  FlagType.RULES_MODEL_DISAGREEMENT,
                  Severity.WARNING,
                  "model says "
                      + (f.type() == FlagType.CRITICAL_RESULT
                          ? "critical result"
                          : "actionable finding")
                      + " ("
                      + f.message()
                      + "), rules found none",
                  List.of()));
        }
      } else if (ruleFlags.stream().noneMatch(r -> r.type() == f.type())) {
        flags.add(Flag.of(f.type(), f.severity(), f.message() + " (model)", List.of()));
      }
    }
    List<String> unconfirmed =
        model.codes().stream()
            .filter(
                c ->
                    ruleCodes.stream()
                        .noneMatch(
                            r ->
                                r.code().equalsIgnoreCase(c.code().trim())
                                    && systemMatches(r.system(), c.system())))
            .map(c -> c.system() + " " + c.code())
            .collect(Collectors.toList());
    if (!unconfirmed.isEmpty()) {
      flags.add(
          Flag.of(
              FlagType.LOW_CONFIDENCE,
              Severity.INFO,
              "codes the model suggested but the local code tables do not support were left out: "
                  + String.join(", ", unconfirmed),
              List.of()));
    }
    return new Outcome(fields, ruleCodes, flags);
  }

  private static String key(String system, String field) {
    return system.toLowerCase(Locale.ROOT)
        + "|"
        + field.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
  }

  /** "4A", "Lung-RADS 4A", "category 4a" all mean 4A. */
  static boolean sameValue(String rules, String model) {
    String r = normalise(rules);
    String m = normalise(model);
    return r.equals(m) || m.endsWith(" " + r) || r.endsWith(" " + m);
  }

  private static String normalise(String s) {
    return s.toLowerCase(Locale.ROOT)
        .replaceAll("(lung|bi|li|pi|ti)-?rads", " ")
        .replace("category", " ")
        .replaceAll("[^a-z0-9.]+", " ")
        .trim();
  }

  private static boolean systemMatches(String a, String b) {
    return Optional.ofNullable(a)
            .orElse("")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]", "")
            .contains(b.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""))
        || b.toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]", "")
            .contains(
                Optional.ofNullable(a)
                    .orElse("")
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]", ""));
  }
}
