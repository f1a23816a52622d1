package org.radassist.priors;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.radassist.model.Finding;

/**
 * The change of one finding between the most recent prior that had it (or had measurements) and the
 * current study, in a form the panel, the chart and the drafting request can use. Sizes are in
 * millimetres, volumes in cubic millimetres; fields that do not apply are null.
 *
 * @param label what the finding is and where, as the paragraph names it ("nodule in the right upper
 *     lobe")
 * @param current the finding in the current study (null when RESOLVED)
 * @param prior the finding in the compared prior (null when NEW)
 * @param priorDate date of the compared prior (for NEW: the most recent prior with measurements)
 * @param intervalDays days between the compared prior and the current study
 * @param metric the size the change was computed on
 * @param absoluteChangeMillimetres current - prior size (one decimal)
 * @param relativeChangePercent (current - prior) / prior in percent (one decimal)
 * @param volumeDoublingTimeDays from volumes or three diameters; null when there is no growth or no
 *     volume
 * @param lungRadsGrowth a lung nodule whose mean diameter grew by more than 1.5 mm within 12 months
 * @param liRadsThresholdGrowth a liver observation that grew by at least 50% within 6 months
 * @param stableSince earliest study date since which the size stayed within tolerance (STABLE only)
 * @param match how the prior and the current finding were matched (null for NEW and RESOLVED)
 * @param sentence the sentence the Comparison paragraph uses for this finding
 */
public record ChangeRecord(
    ChangeKind kind,
    String label,
    String trackingUid,
    String trackingIdentifier,
    Finding current,
    Finding prior,
    String priorStudyInstanceUid,
    LocalDate priorDate,
    LocalDate currentDate,
    Long intervalDays,
    SizeMetric metric,
    BigDecimal priorSizeMillimetres,
    BigDecimal currentSizeMillimetres,
    BigDecimal absoluteChangeMillimetres,
    BigDecimal relativeChangePercent,
    BigDecimal priorVolumeCubicMillimetres,
    BigDecimal currentVolumeCubicMillimetres,
    Long volumeDoublingTimeDays,
    boolean lungRadsGrowth,
    boolean liRadsThresholdGrowth,
    LocalDate stableSince,
    FindingMatch match,
    String sentence) {

  public ChangeRecord {
    if (kind == null || label == null || sentence == null) {
      throw new IllegalArgumentException("kind, label and sentence are required");
    }
    metric = metric == null ? SizeMetric.NONE : metric;
  }
}
