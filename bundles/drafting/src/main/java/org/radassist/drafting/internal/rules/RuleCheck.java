package org.radassist.drafting.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.internal.engine.DraftOutcome;
import org.radassist.drafting.internal.engine.RulesEngine;
import org.radassist.model.Evidence;
import org.radassist.model.FieldStatus;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.Severity;
import org.radassist.model.StructuredField;

/**
 * Re-checks what a model said against the deterministic rules: the embedded engine drafts the same
 * request, and every complete rule field whose system and field name the model also filled with
 * another value becomes a RULES_MODEL_DISAGREEMENT flag ("model says Lung-RADS 4A, rules say 3").
 * The rules' own fields are available too, for showing both side by side. Thread-safe.
 */
public final class RuleCheck {
  private final RulesEngine engine;

  /** A check on the bundled tables. */
  public RuleCheck() {
    this(RulesEngine.withDefaults());
  }

  private RuleCheck(RulesEngine engine) {
    this.engine = engine;
  }

  /**
   * The structured fields the rules derive from the request (dictation, AI results, context).
   *
   * @throws org.radassist.drafting.DraftingException for a request the engine refuses
   */
  public List<StructuredField> ruleFields(DraftRequest request) {
    DraftOutcome o = engine.draft(request);
    return o.structuredFields();
  }

  /** Flags for each model field that a complete rule field contradicts. */
  public List<Flag> disagreements(DraftRequest request, List<StructuredField> modelFields) {
    return disagreements(ruleFields(request), modelFields);
  }

  /** Flags for each model field that a complete rule field contradicts (fields already known). */
  public static List<Flag> disagreements(
      List<StructuredField> ruleFields, List<StructuredField> modelFields) {
    List<Flag> flags = new ArrayList<>();
    for (StructuredField model : modelFields) {
      for (StructuredField rule : ruleFields) {
        if (rule.system() != model.system()
            || !rule.field().equals(model.field())
            || rule.status() != FieldStatus.COMPLETE
            || same(rule.value(), model.value())
            || (isCategory(rule.field()) && sameCategory(rule.value(), model.value()))) {
          continue;
        }
        List<Evidence> evidence = new ArrayList<>(model.evidence());
        evidence.addAll(rule.evidence());
        flags.add(
            Flag.of(
                FlagType.RULES_MODEL_DISAGREEMENT,
                Severity.WARNING,
                "Model says "
                    + model.system().label()
                    + " "
                    + model.field()
                    + " "
                    + (model.value().isEmpty() ? "(empty)" : model.value())
                    + ", rules say "
                    + rule.value()
                    + " ("
                    + rule.reason()
                    + ")",
                evidence));
      }
    }
    return flags;
  }

  private static boolean isCategory(String field) {
    return field.equals("category") || field.equals("assessment");
  }

  /**
   * Whether two categories agree: the same, or a category said without its subdivision letter and
   * one of its subdivisions (Lung-RADS "4" with 4A, 4B or 4X; BI-RADS "4" with 4A, 4B or 4C): the
   * bare category names them all. The S modifier is no subdivision.
   */
  public static boolean sameCategory(String a, String b) {
    String x = norm(a);
    String y = norm(b);
    if (x.equals(y)) {
      return true;
    }
    String bare = x.length() < y.length() ? x : y;
    String sub = x.length() < y.length() ? y : x;
    return bare.length() == 1
        && Character.isDigit(bare.charAt(0))
        && sub.length() == 2
        && sub.charAt(0) == bare.charAt(0)
        && Character.isLetter(sub.charAt(1))
        && sub.charAt(1) != 'S';
  }

  /** Values compare without case, spaces and an "LR-"/"TR" prefix given by one side only. */
  static boolean same(String a, String b) {
    return norm(a).equals(norm(b));
  }

  private static String norm(String v) {
    String s = v.trim().toUpperCase(Locale.ROOT).replace(" ", "");
    s = s.replaceFirst("^(?:LUNG-RADS|BI-RADS|LI-RADS|PI-RADS|TI-RADS)", "");
    return s.replaceFirst("^(?:LR-|TR)", "");
  }
}
