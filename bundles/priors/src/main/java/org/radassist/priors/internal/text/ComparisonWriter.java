package org.radassist.priors.internal.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.radassist.model.StudyContext;
import org.radassist.priors.ChangeKind;
import org.radassist.priors.ChangeRecord;
import org.radassist.priors.SizeMetric;
import org.radassist.priors.SumOfDiameters;

/**
 * Writes the sentences of the Comparison paragraph: first the studies compared, then one sentence
 * per lesion (increased and new first), then the sum of diameters.
 */
public final class ComparisonWriter {

  /** The sentence for one change; {@code reference} is the last measured prior's date for NEW. */
  public String sentence(
      ChangeKind kind,
      String label,
      SizeMetric metric,
      BigDecimal prior,
      BigDecimal current,
      BigDecimal absolute,
      BigDecimal relative,
      LocalDate priorDate,
      LocalDate currentDate,
      Long volumeDoublingTimeDays,
      boolean lungRadsGrowth,
      boolean liRadsGrowth,
      LocalDate stableSince) {
    String the = "The " + label;
    String measure = metricWord(metric);
    return switch (kind) {
      case INCREASED, DECREASED -> {
        StringBuilder s = new StringBuilder();
        s.append(the)
            .append(kind == ChangeKind.INCREASED ? " has increased in " : " has decreased in ")
            .append(measure)
            .append(" from ")
            .append(size(prior, metric))
            .append(" on ")
            .append(priorDate)
            .append(" to ")
            .append(size(current, metric))
            .append(" (")
            .append(signed(absolute, metric));
        if (relative != null) {
          s.append(", ").append(signedPercent(relative));
        }
        if (priorDate != null && currentDate != null) {
          s.append(" in ").append(Intervals.between(priorDate, currentDate));
        }
        s.append(").");
        if (lungRadsGrowth) {
          s.append(" This meets the Lung-RADS growth criterion (> 1.5 mm within 12 months).");
        }
        if (liRadsGrowth) {
          s.append(" This meets LI-RADS threshold growth (>= 50% within 6 months).");
        }
        if (volumeDoublingTimeDays != null) {
          s.append(" Volume doubling time about ").append(volumeDoublingTimeDays).append(" days.");
        }
        yield s.toString();
      }
      case STABLE -> {
        StringBuilder s = new StringBuilder();
        s.append(the)
            .append(" is stable at ")
            .append(size(current, metric))
            .append(" (")
            .append(size(prior, metric))
            .append(" on ")
            .append(priorDate)
            .append(")");
        if (stableSince != null
            && priorDate != null
            && currentDate != null
            && stableSince.isBefore(priorDate)) {
          s.append(", unchanged since ")
              .append(stableSince)
              .append(" (")
              .append(Intervals.between(stableSince, currentDate))
              .append(")");
        }
        yield s.append('.').toString();
      }
      case NEW ->
          "New "
              + (current == null ? "" : size(current, metric) + " ")
              + label
              + (priorDate == null ? "." : ", not seen on " + priorDate + ".");
      case RESOLVED ->
          "The "
              + (prior == null ? "" : size(prior, metric) + " ")
              + label
              + " seen on "
              + priorDate
              + " is no longer seen.";
      case NOT_COMPARABLE ->
          the
              + " is again seen"
              + (priorDate == null ? "" : " (seen on " + priorDate + ")")
              + "; its measurements cannot be compared.";
    };
  }

  /** The whole paragraph. */
  public String paragraph(
      List<StudyContext> priorsCompared,
      boolean priorsUnavailable,
      String statusMessage,
      boolean anyPriorMeasured,
      boolean currentMeasured,
      List<ChangeRecord> changes,
      SumOfDiameters sum) {
    StringBuilder s = new StringBuilder("Comparison: ");
    if (priorsUnavailable) {
      s.append("prior studies could not be retrieved");
      if (statusMessage != null && !statusMessage.isBlank()) {
        s.append(" (").append(statusMessage).append(')');
      }
      s.append('.');
    } else if (priorsCompared.isEmpty()) {
      s.append("None.");
    } else {
      for (int i = 0; i < priorsCompared.size(); i++) {
        if (i > 0) {
          s.append(i == priorsCompared.size() - 1 ? " and " : ", ");
        }
        s.append(Labels.of(priorsCompared.get(i)));
      }
      s.append('.');
      if (!currentMeasured) {
        s.append(" No measured findings in the current study to compare.");
      } else if (!anyPriorMeasured) {
        s.append(" No prior measurements are available for comparison.");
      }
    }
    for (ChangeRecord change : changes) {
      s.append(' ').append(change.sentence());
    }
    if (sum != null) {
      s.append(" Sum of diameters of the ")
          .append(sum.lesions())
          .append(" lesions measured on both studies: ")
          .append(mm(sum.currentMillimetres()))
          .append(", previously ")
          .append(mm(sum.priorMillimetres()))
          .append(" on ")
          .append(sum.priorDate());
      if (sum.relativeChangePercent() != null) {
        s.append(" (").append(signedPercent(sum.relativeChangePercent())).append(')');
      }
      s.append('.');
    }
    return s.toString();
  }

  private static String metricWord(SizeMetric metric) {
    return switch (metric) {
      case MEAN_DIAMETER -> "mean diameter";
      case DIAMETER -> "diameter";
      case VOLUME -> "volume";
      case NONE -> "size";
    };
  }

  static String size(BigDecimal value, SizeMetric metric) {
    if (value == null) {
      return "?";
    }
    return metric == SizeMetric.VOLUME
        ? value.setScale(0, RoundingMode.HALF_UP).toPlainString() + " mm³"
        : mm(value);
  }

  static String mm(BigDecimal value) {
    return value.setScale(1, RoundingMode.HALF_UP).toPlainString() + " mm";
  }

  static String signed(BigDecimal value, SizeMetric metric) {
    String text = size(value.abs(), metric);
    return (value.signum() < 0 ? "-" : "+") + text;
  }

  static String signedPercent(BigDecimal percent) {
    BigDecimal whole = percent.setScale(0, RoundingMode.HALF_UP);
    return (whole.signum() < 0 ? "-" : "+") + whole.abs().toPlainString() + "%";
  }
}
