package org.radassist.drafting.internal.rules;

import java.util.ArrayList;
import java.util.List;
import org.radassist.model.ScoringSystem;

/**
 * PI-RADS v2.1 overall assessment: DWI dominates the peripheral zone (DCE positive upgrades 3 to
 * 4), T2W dominates the transition zone (DWI >= 4 upgrades 2 to 3; DWI 5 upgrades 3 to 4).
 */
public final class PiRads {
  public static final String VERSION = "2.1";

  /** Scores 4 and 5 split at 1.5 cm. */
  public static final long SIZE_SPLIT_TENTHS = 150;

  private PiRads() {}

  public enum Zone {
    PERIPHERAL,
    TRANSITION
  }

  /**
   * The overall category; incomplete when the dominant sequence's score (or, where it decides, the
   * other one) is missing.
   */
  public static Assessment assess(Zone zone, Integer t2w, Integer dwi, Boolean dcePositive) {
    return assess(zone, t2w, dwi, dcePositive, true);
  }

  /**
   * The overall category when DCE may not have been performed: on biparametric MRI (T2W and DWI
   * only, {@code dcePerformed} false) a peripheral zone DWI 3 stays PI-RADS 3 (v2.1: without DCE
   * there is no upgrade), so DCE is not asked for.
   */
  public static Assessment assess(
      Zone zone, Integer t2w, Integer dwi, Boolean dcePositive, boolean dcePerformed) {
    List<String> missing = new ArrayList<>();
    if (zone == null) {
      return Assessment.incomplete(
          ScoringSystem.PI_RADS,
          VERSION,
          List.of("zone (peripheral or transition)"),
          "zone decides");
    }
    check(t2w, "T2W");
    check(dwi, "DWI");
    if (zone == Zone.PERIPHERAL) {
      if (dwi == null) {
        missing.add("DWI score");
      } else if (dwi == 3 && dcePositive == null && dcePerformed) {
        missing.add("DCE (positive or negative)");
      }
      if (!missing.isEmpty()) {
        return Assessment.incomplete(
            ScoringSystem.PI_RADS, VERSION, missing, "peripheral zone is scored on DWI");
      }
      if (dwi == 3 && dcePositive == null) {
        return of(3, "peripheral zone DWI 3; biparametric MRI (no DCE): no upgrade");
      }
      if (dwi == 3 && dcePositive) {
        return of(4, "peripheral zone DWI 3 upgraded to 4 by positive DCE");
      }
      return of(dwi, "peripheral zone DWI " + dwi);
    }
    if (t2w == null) {
      missing.add("T2W score");
    } else if ((t2w == 2 || t2w == 3) && dwi == null) {
      missing.add("DWI score");
    }
    if (!missing.isEmpty()) {
      return Assessment.incomplete(
          ScoringSystem.PI_RADS, VERSION, missing, "transition zone is scored on T2W");
    }
    if (t2w == 2 && dwi >= 4) {
      return of(3, "transition zone T2W 2 upgraded to 3 by DWI " + dwi);
    }
    if (t2w == 3 && dwi == 5) {
      return of(4, "transition zone T2W 3 upgraded to 4 by DWI 5");
    }
    return of(t2w, "transition zone T2W " + t2w);
  }

  /**
   * A gland without a focal lesion: normal-appearing zones (DWI 1 in the peripheral zone, T2W 1 in
   * the transition zone) are PI-RADS 1, non-focal findings (linear, wedge-shaped or diffuse change,
   * encapsulated nodules) 1 or 2; never 3 or more.
   */
  public static Assessment noFocalLesion(int category) {
    if (category < 1 || category > 2) {
      throw new IllegalArgumentException(
          "a gland without a focal lesion is PI-RADS 1 or 2, was " + category);
    }
    return of(
        category,
        "no focal lesion in the peripheral or transition zone"
            + (category == 2 ? "; non-focal findings as dictated (2)" : ""));
  }

  /**
   * A category the reader dictates for a lesion whose sequences the report neither scores nor
   * describes ("Left PZ PI-RADS 5 lesion 2.3 cm"): nothing to recompute it from, so it stands.
   */
  public static Assessment asDictated(int category) {
    if (category < 1 || category > 5) {
      throw new IllegalArgumentException("PI-RADS category must be 1 to 5, was " + category);
    }
    return of(category, "as dictated; no sequence scored or described");
  }

  /**
   * The score (4 or 5) of a focal marked lesion by its size: 4 below 1.5 cm, 5 at 1.5 cm or more or
   * with definite extraprostatic extension / invasive behaviour.
   */
  public static int markedLesionScore(double sizeMm, boolean extraprostaticExtension) {
    return extraprostaticExtension || Millimetres.tenths(sizeMm) >= SIZE_SPLIT_TENTHS ? 5 : 4;
  }

  private static void check(Integer score, String sequence) {
    if (score != null && (score < 1 || score > 5)) {
      throw new IllegalArgumentException(sequence + " score must be 1 to 5, was " + score);
    }
  }

  private static Assessment of(int category, String reason) {
    String likelihood =
        switch (category) {
          case 1 -> "very low";
          case 2 -> "low";
          case 3 -> "intermediate";
          case 4 -> "high";
          default -> "very high";
        };
    return new Assessment(
        ScoringSystem.PI_RADS,
        VERSION,
        Integer.toString(category),
        likelihood + " likelihood of clinically significant cancer",
        reason);
  }
}
