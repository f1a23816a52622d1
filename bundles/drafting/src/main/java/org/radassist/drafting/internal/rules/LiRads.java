package org.radassist.drafting.internal.rules;

import org.radassist.model.ScoringSystem;

/**
 * LI-RADS CT/MRI v2018 diagnostic table for an observation in a patient at risk for HCC: nonrim
 * arterial phase hyperenhancement (APHE), size, and the additional major features (enhancing
 * "capsule", nonperipheral "washout", threshold growth = size increase >= 50% in <= 6 months).
 * Ancillary features and treatment response are not decided here; LR-1, LR-2, LR-M and LR-TIV are
 * read from the report (their management is given here).
 */
public final class LiRads {
  public static final String VERSION = "2018";

  private LiRads() {}

  public record Observation(
      boolean nonrimAphe,
      double sizeMm,
      boolean enhancingCapsule,
      boolean nonperipheralWashout,
      boolean thresholdGrowth) {
    public Observation {
      Millimetres.tenths(sizeMm);
    }

    int additionalFeatures() {
      return (enhancingCapsule ? 1 : 0)
          + (nonperipheralWashout ? 1 : 0)
          + (thresholdGrowth ? 1 : 0);
    }
  }

  /** True for a size increase of at least 50% within at most 6 months. */
  public static boolean isThresholdGrowth(double priorMm, double currentMm, double intervalMonths) {
    return intervalMonths <= 6
        && priorMm > 0
        && Millimetres.tenths(currentMm) * 2 >= Millimetres.tenths(priorMm) * 3;
  }

  /** The diagnostic table cell. */
  public static Assessment categorize(Observation o) {
    long size = Millimetres.tenths(o.sizeMm());
    int features = o.additionalFeatures();
    String column;
    String category;
    if (!o.nonrimAphe()) {
      column = size < 200 ? "no APHE, < 20 mm" : "no APHE, >= 20 mm";
      if (features == 0) {
        category = "LR-3";
      } else if (features == 1) {
        category = size < 200 ? "LR-3" : "LR-4";
      } else {
        category = "LR-4";
      }
    } else if (size < 100) {
      column = "nonrim APHE, < 10 mm";
      category = features == 0 ? "LR-3" : "LR-4";
    } else if (size < 200) {
      column = "nonrim APHE, 10-19 mm";
      if (features == 0) {
        category = "LR-3";
      } else if (features == 1) {
        category = o.enhancingCapsule() ? "LR-4" : "LR-5";
      } else {
        category = "LR-5";
      }
    } else {
      column = "nonrim APHE, >= 20 mm";
      category = features == 0 ? "LR-4" : "LR-5";
    }
    String reason =
        column
            + ", "
            + (features == 0 ? "no" : features == 1 ? "one" : features)
            + " additional major feature"
            + (features == 1 ? "" : "s")
            + (features == 1
                ? " ("
                    + (o.enhancingCapsule()
                        ? "capsule"
                        : o.nonperipheralWashout() ? "washout" : "threshold growth")
                    + ")"
                : "");
    return new Assessment(ScoringSystem.LI_RADS, VERSION, category, management(category), reason);
  }

  /** Order of certainty of malignancy of the LR-1..LR-5 categories (others: -1). */
  public static int rank(String category) {
    return switch (category) {
      case "LR-1" -> 1;
      case "LR-2" -> 2;
      case "LR-3" -> 3;
      case "LR-4" -> 4;
      case "LR-5" -> 5;
      default -> -1;
    };
  }

  /** LI-RADS v2018 management of a category (CT/MRI diagnostic algorithm). */
  public static String management(String category) {
    return switch (category) {
      case "LR-1" -> "return to surveillance in 6 months";
      case "LR-2" ->
          "return to surveillance in 6 months; consider repeat diagnostic imaging in <= 6 months";
      case "LR-M" -> "multidisciplinary discussion for tailored workup, which may include biopsy";
      case "LR-TIV" -> "multidisciplinary discussion for tailored workup, which may include biopsy";
      case "LR-NC" -> "repeat or alternative diagnostic imaging in <= 3 months";
      case "LR-3" -> "repeat or alternative diagnostic imaging in 3-6 months";
      case "LR-4" ->
          "multidisciplinary discussion; biopsy or repeat/alternative imaging in <= 3 months";
      case "LR-5" -> "definite HCC: multidisciplinary discussion for consensus management";
      default -> "";
    };
  }
}
