package org.radassist.drafting.internal.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radassist.model.SectionKind;

/**
 * A CheXpert-style rule labeller (after Irvin et al., AAAI 2019: mention extraction, negation and
 * uncertainty, aggregation): each finding concept's label with its strongest mention. It is NOT
 * CheXbert (a learned labeller) and reuses this engine's own lexicon and ConText, so it shares the
 * engine's blind spots.
 */
public final class RuleLabeler {
  /** The 14 CheXpert observations. */
  public static final List<String> LABELS =
      List.of(
          "No Finding",
          "Enlarged Cardiomediastinum",
          "Cardiomegaly",
          "Lung Opacity",
          "Lung Lesion",
          "Edema",
          "Consolidation",
          "Pneumonia",
          "Atelectasis",
          "Pneumothorax",
          "Pleural Effusion",
          "Pleural Other",
          "Fracture",
          "Support Devices");

  public enum Value {
    NEGATIVE,
    UNCERTAIN,
    POSITIVE
  }

  private final TextAnalyzer analyzer;

  public RuleLabeler(EngineTables tables) {
    this.analyzer = new TextAnalyzer(tables);
  }

  /** Labels with a mention; "No Finding" is positive when no pathology label is. */
  public Map<String, Value> label(String text) {
    Map<String, Value> out = new LinkedHashMap<>();
    TextAnalyzer.Section s = analyzer.analyze(SectionKind.IMPRESSION, text);
    for (TextAnalyzer.Mention m : s.mentions) {
      String label = m.concept().label();
      if (label == null) {
        continue;
      }
      Value v =
          switch (m.certainty()) {
            case PRESENT -> Value.POSITIVE;
            case UNCERTAIN -> Value.UNCERTAIN;
            case NEGATED -> Value.NEGATIVE;
          };
      out.merge(label, v, (a, b) -> a.ordinal() >= b.ordinal() ? a : b);
    }
    boolean pathology =
        out.entrySet().stream()
            .anyMatch(e -> !e.getKey().equals("Support Devices") && e.getValue() != Value.NEGATIVE);
    if (!pathology) {
      out.put("No Finding", Value.POSITIVE);
    }
    return out;
  }
}
