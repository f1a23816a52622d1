package org.radassist.governance.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.radassist.governance.GovernanceSettings;
import org.radassist.governance.ReviewPolicy;
import org.radassist.governance.RolloutMode;
import org.radassist.model.CodeSuggestion;
import org.radassist.model.DraftReport;
import org.radassist.model.Evidence;
import org.radassist.model.Flag;
import org.radassist.model.FlagType;
import org.radassist.model.Severity;
import org.radassist.model.StructuredField;
import org.radassist.model.Suggestion;

/** The review policy of one configuration: thresholds per item kind, auto-populate, double read. */
public final class ThresholdReviewPolicy implements ReviewPolicy {

  private final Map<ItemKind, Double> thresholds;
  private final double autoPopulateAbove;
  private final double doubleReadBelow;

  /** From validated settings (see {@link GovernanceSettings}); a kind left out has no threshold. */
  public ThresholdReviewPolicy(GovernanceSettings settings) {
    this.thresholds = new EnumMap<>(ItemKind.class);
    for (ItemKind kind : ItemKind.values()) {
      this.thresholds.put(kind, settings.reviewThresholds().getOrDefault(kind, 0.0));
    }
    this.autoPopulateAbove = settings.autoPopulateAbove();
    this.doubleReadBelow = settings.doubleReadBelow();
  }

  @Override
  public double threshold(ItemKind kind) {
    return thresholds.get(kind);
  }

  @Override
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
      // an actionable finding (category 3) is tracked like a critical result: same second read
      if (!critical.type().needsCommunication()) {
        continue;
      }
      // only drafted items carry a confidence: a flag no item supports rests on the dictation, the
      // radiologist's own words, and a second read of those would be noise
      OptionalDouble support = supportingConfidence(draft, critical.evidence());
      if (support.isPresent() && support.getAsDouble() < doubleReadBelow) {
        flags.add(
            Flag.of(
                FlagType.DOUBLE_READ,
                Severity.WARNING,
                String.format(
                    Locale.ROOT,
                    "%s \"%s\" rests on confidence %.2f (below %.2f): a second reader should confirm it",
                    critical.type() == FlagType.CRITICAL_RESULT
                        ? "Critical result"
                        : "Actionable finding",
                    critical.message(),
                    support.getAsDouble(),
                    doubleReadBelow),
                critical.evidence()));
      }
    }
    return flags;
  }

  @Override
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

  /**
   * The best confidence among the drafted items whose evidence overlaps the flag's evidence; empty
   * when none does.
   */
  private static OptionalDouble supportingConfidence(DraftReport draft, List<Evidence> spans) {
    double best = -1;
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
    return best < 0 ? OptionalDouble.empty() : OptionalDouble.of(best);
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
