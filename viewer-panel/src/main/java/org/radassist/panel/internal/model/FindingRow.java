package org.radassist.panel.internal.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.radassist.model.CodedConcept;
import org.radassist.model.Finding;
import org.radassist.model.ImageReference;
import org.radassist.model.Measurement;

/**
 * One AI finding as the findings list shows it: every value already formatted, and whether its
 * confidence is below the configured threshold.
 *
 * @param lowConfidence true when the producer's confidence is below the threshold
 */
public record FindingRow(
    Finding finding,
    String title,
    String site,
    String size,
    String algorithm,
    String confidence,
    boolean lowConfidence,
    String source) {

  /** Formats a finding; {@code threshold} is the confidence below which it is marked. */
  public static FindingRow of(Finding f, double threshold, String sourceLabel) {
    String title = meaning(f.type()).orElse("Finding");
    if (f.trackingIdentifier() != null && !f.trackingIdentifier().isBlank()) {
      title = title + " (" + f.trackingIdentifier() + ")";
    }
    List<String> where = new ArrayList<>();
    meaning(f.laterality()).ifPresent(where::add);
    meaning(f.site()).ifPresent(where::add);
    String site = where.isEmpty() ? "site not given" : String.join(" ", where);
    String algorithm =
        f.algorithm() == null ? "algorithm not identified" : f.algorithm().toString();
    String confidence =
        f.confidence() == null
            ? "confidence not given"
            : String.format(Locale.ROOT, "%.0f%% confidence", f.confidence() * 100);
    boolean low = f.confidence() != null && f.confidence() < threshold;
    return new FindingRow(
        f,
        title,
        site,
        size(f),
        algorithm,
        confidence,
        low,
        sourceLabel == null ? "" : sourceLabel);
  }

  /** The reference the host opens on a click: the first one, with its region if it has one. */
  public Optional<ImageReference> reference() {
    return finding.references().stream().findFirst();
  }

  private static String size(Finding f) {
    List<String> parts = new ArrayList<>();
    for (Measurement m : f.measurements()) {
      String name = meaning(m.concept()).orElse("Value");
      parts.add(name + " " + plain(m.value()) + " " + unit(m.unit()));
    }
    return parts.isEmpty() ? "no measurement" : String.join(", ", parts);
  }

  private static String plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }

  private static String unit(CodedConcept unit) {
    return switch (unit.code()) {
      case "mm3" -> "mm\u00b3";
      case "cm3" -> "cm\u00b3";
      case "mm2" -> "mm\u00b2";
      case "[hnsf'U]" -> "HU";
      case "1" -> "";
      default -> unit.code();
    };
  }

  private static Optional<String> meaning(CodedConcept c) {
    if (c == null) {
      return Optional.empty();
    }
    return Optional.of(c.meaning().isBlank() ? c.code() : c.meaning());
  }
}
