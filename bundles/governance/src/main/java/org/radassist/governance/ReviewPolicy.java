package org.radassist.governance;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.radassist.model.CodeSuggestion;
import org.radassist.model.DraftReport;
import org.radassist.model.Evidence;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.Severity;
import org.radassist.model.StructuredField;
import org.radassist.model.Suggestion;

/**
 * Which AI items need a closer look: anything below its kind's confidence threshold, fields the
 * model and the rules disagree on, and critical results whose supporting confidence is below the
 * double-read threshold. In integrated mode it also names the fields confident enough to be filled
 * in (still pending until accepted).
 */
public final class ReviewPolicy {

  /** The kinds of AI output that have a confidence threshold. */
  public enum ItemKind {
    IMPRESSION,
    DIFFERENTIAL,
    STRUCTURED_FIELD,
    CODE
  }

  private final Map<ItemKind, Double> thresholds;
  private final double autoPopulateAbove;
  private final double doubleReadBelow;

  public ReviewPolicy(
      Map<ItemKind, Double> thresholds, double autoPopulateAbove, double doubleReadBelow) {
    this.thresholds = new EnumMap<>(ItemKind.class);
    for (ItemKind kind : ItemKind.values()) {
      double t = thresholds.getOrDefault(kind, 0.0);
      this.thresholds.put(kind, probability("review.thresholds", kind + "=" + t, t));
    }
    this.autoPopulateAbove =
        probability("review.autoPopulateAbove", "" + autoPopulateAbove, autoPopulateAbove);
    this.doubleReadBelow =
        probability("review.doubleReadBelow", "" + doubleReadBelow, doubleReadBelow);
  }

  /**
   * Parses threshold lines {@code kind=0.7} (kinds: impression, differential, structured_field,
   * code).
   */
  public static ReviewPolicy parse(
      String[] thresholdLines, double autoPopulateAbove, double doubleReadBelow) {
    Map<ItemKind, Double> thresholds = new EnumMap<>(ItemKind.class);
    for (String line : thresholdLines) {
      if (line == null || line.isBlank()) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new InvalidConfigurationException(
            "review.thresholds", line, "expected kind=probability");
      }
      ItemKind kind;
      try {
        kind = ItemKind.valueOf(line.substring(0, eq).trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidConfigurationException(
            "review.thresholds",
            line,
            "unknown kind; expected impression, differential, structured_field or code");
      }
      double value;
      try {
        value = Double.parseDouble(line.substring(eq + 1).trim());
      } catch (NumberFormatException e) {
        throw new InvalidConfigurationException("review.thresholds", line, "not a number");
      }
      thresholds.put(kind, probability("review.thresholds", line, value));
    }
    return new ReviewPolicy(thresholds, autoPopulateAbove, doubleReadBelow);
  }

  private static double probability(String key, String text, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new InvalidConfigurationException(key, text, "must be a probability within [0, 1]");
    }
    return value;
  }

  public double threshold(ItemKind kind) {
    return thresholds.get(kind);
  }

  /**
   * The flags this policy adds to a draft: LOW_CONFIDENCE per item below threshold, DOUBLE_READ.
   */
  public List<Flag> reviewFlags(DraftReport draft) {
    List<Flag> flags = new ArrayList<>();
    for (Suggestion s : draft.impressions()) {
      low(
          flags,
          ItemKind.IMPRESSION,
          s.confidence(),
          "Impression \"" + s.text() + "\"",
          s.evidence());
    }
    for (Suggestion s : draft.differentials()) {
      low(
          flags,
          ItemKind.DIFFERENTIAL,
          s.confidence(),
          "Differential \"" + s.text() + "\"",
          s.evidence());
    }
    for (StructuredField f : draft.structuredFields()) {
      low(
          flags,
          ItemKind.STRUCTURED_FIELD,
          f.confidence(),
          f.system().label() + " " + f.field() + " " + f.value(),
          f.evidence());
    }
    for (CodeSuggestion c : draft.codes()) {
      low(
          flags,
          ItemKind.CODE,
          c.confidence(),
          "Code " + c.code() + " " + c.display(),
          c.evidence());
    }
    for (Flag critical : draft.flags()) {
      if (critical.type() != FlagType.CRITICAL_RESULT) {
        continue;
      }
      double support = supportingConfidence(draft, critical.evidence());
      if (support < doubleReadBelow) {
        flags.add(
            Flag.of(
                FlagType.DOUBLE_READ,
                Severity.WARNING,
                String.format(
                    Locale.ROOT,
                    "Critical result \"%s\" rests on confidence %.2f (below %.2f): a second reader should confirm it",
                    critical.message(),
                    support,
                    doubleReadBelow),
                critical.evidence()));
      }
    }
    return flags;
  }

  /**
   * Fields confident enough (and not disputed by the rules) to be filled in under integrated
   * rollout.
   */
  public List<StructuredField> autoPopulatedFields(DraftReport draft, RolloutMode mode) {
    if (!mode.autoPopulates()) {
      return List.of();
    }
    boolean disputed =
        draft.flags().stream().anyMatch(f -> f.type() == FlagType.RULES_MODEL_DISAGREEMENT);
    List<StructuredField> fields = new ArrayList<>();
    for (StructuredField f : draft.structuredFields()) {
      if (!disputed
          && f.confidence() >= autoPopulateAbove
          && f.status() == org.radassist.model.FieldStatus.COMPLETE) {
        fields.add(f);
      }
    }
    return fields;
  }

  private void low(
      List<Flag> flags, ItemKind kind, double confidence, String what, List<Evidence> evidence) {
    double threshold = thresholds.get(kind);
    if (confidence < threshold) {
      flags.add(
          Flag.of(
              FlagType.LOW_CONFIDENCE,
              Severity.WARNING,
              String.format(
                  Locale.ROOT,
                  "%s: confidence %.2f is below the review threshold %.2f",
                  what,
                  confidence,
                  threshold),
              evidence));
    }
  }

  /** The best confidence among the items whose evidence overlaps the critical flag's evidence. */
  private static double supportingConfidence(DraftReport draft, List<Evidence> spans) {
    double best = 0;
    for (Suggestion s : draft.impressions()) {
      if (overlaps(s.evidence(), spans)) {
        best = Math.max(best, s.confidence());
      }
    }
    for (StructuredField f : draft.structuredFields()) {
      if (overlaps(f.evidence(), spans)) {
        best = Math.max(best, f.confidence());
      }
    }
    return best;
  }

  private static boolean overlaps(List<Evidence> a, List<Evidence> b) {
    for (Evidence x : a) {
      for (Evidence y : b) {
        if (x.section() == y.section() && x.start() < y.end() && y.start() < x.end()) {
          return true;
        }
      }
    }
    return false;
  }
}
