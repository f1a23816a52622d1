package org.radassist.drafting.internal.rules;

import java.util.List;
import org.radassist.model.ScoringSystem;

/**
 * Fleischner Society 2017 recommendations for incidental pulmonary nodules (MacMahon et al.,
 * Radiology 2017). Size is the average of long and short axis rounded to the nearest millimetre.
 * Not for lung cancer screening, patients younger than 35, known cancer or immunosuppression.
 */
public final class Fleischner {
  public static final String VERSION = "2017";
  public static final int MINIMUM_AGE = 35;

  private Fleischner() {}

  public enum NoduleType {
    SOLID,
    GROUND_GLASS,
    PART_SOLID
  }

  /**
   * A nodule as Fleischner sees it.
   *
   * @param averageDiameterMm average of long and short axis (rounded to whole mm here)
   * @param highRisk patient at high risk (smoking, exposure, family history...); null when unknown
   *     (only solid nodules need it)
   */
  public record Nodule(
      NoduleType type,
      double averageDiameterMm,
      boolean multiple,
      Boolean highRisk,
      Double volumeMm3) {
    /** A nodule measured by its diameters. */
    public Nodule(NoduleType type, double averageDiameterMm, boolean multiple, Boolean highRisk) {
      this(type, averageDiameterMm, multiple, highRisk, null);
    }
  }

  /** Solid nodule volume bands (mm³): < 100, 100-250, > 250 (MacMahon et al. 2017, table). */
  public static final double SMALL_MM3 = 100;

  public static final double LARGE_MM3 = 250;

  /** The recommendation; incomplete when a needed input is unknown. */
  public static Assessment recommend(Nodule n, Integer ageYears) {
    if (ageYears == null) {
      return Assessment.incomplete(
          ScoringSystem.FLEISCHNER, VERSION, List.of("patient age"), "applies from age 35");
    }
    if (ageYears < MINIMUM_AGE) {
      return new Assessment(
          ScoringSystem.FLEISCHNER,
          VERSION,
          "not applicable",
          "Fleischner guidelines do not apply below age 35",
          "patient aged " + ageYears);
    }
    long size = Millimetres.wholeMillimetres(n.averageDiameterMm());
    if (n.volumeMm3() != null) {
      // a volume decides by the table's own volume bands, not by an equivalent diameter
      double v = n.volumeMm3();
      size = v < SMALL_MM3 ? 5 : v <= LARGE_MM3 ? 7 : 9;
    }
    String volume = n.volumeMm3() == null ? "" : " (volume " + Math.round(n.volumeMm3()) + " mm³)";
    String band;
    String management;
    if (n.type() == NoduleType.SOLID) {
      if (n.highRisk() == null) {
        return Assessment.incomplete(
            ScoringSystem.FLEISCHNER,
            VERSION,
            List.of("risk (low or high)"),
            "solid nodule recommendations differ by patient risk");
      }
      band = size < 6 ? "<6 mm" : size <= 8 ? "6-8 mm" : ">8 mm";
      boolean high = n.highRisk();
      if (!n.multiple()) {
        management =
            switch (band) {
              case "<6 mm" -> high ? "optional CT at 12 months" : "no routine follow-up";
              case "6-8 mm" ->
                  high
                      ? "CT at 6-12 months, then CT at 18-24 months"
                      : "CT at 6-12 months, then consider CT at 18-24 months";
              default -> "consider CT at 3 months, PET/CT, or tissue sampling";
            };
      } else {
        management =
            switch (band) {
              case "<6 mm" -> high ? "optional CT at 12 months" : "no routine follow-up";
              default ->
                  high
                      ? "CT at 3-6 months, then CT at 18-24 months"
                      : "CT at 3-6 months, then consider CT at 18-24 months";
            };
      }
      String who =
          (n.multiple() ? "multiple" : "single")
              + " solid, "
              + (high ? "high" : "low")
              + " risk, "
              + band
              + volume;
      return new Assessment(ScoringSystem.FLEISCHNER, VERSION, band, management, who);
    }
    band = size < 6 ? "<6 mm" : ">=6 mm";
    if (n.multiple()) {
      management =
          size < 6
              ? "CT at 3-6 months; if stable, consider CT at 2 and 4 years"
              : "CT at 3-6 months; subsequent management based on the most suspicious nodule";
    } else if (n.type() == NoduleType.GROUND_GLASS) {
      management =
          size < 6
              ? "no routine follow-up"
              : "CT at 6-12 months to confirm persistence, then CT every 2 years until 5 years";
    } else {
      management =
          size < 6
              ? "no routine follow-up"
              : "CT at 3-6 months to confirm persistence; if unchanged and solid component < 6 mm,"
                  + " annual CT for 5 years";
    }
    String what =
        (n.multiple()
                ? "multiple subsolid"
                : n.type() == NoduleType.GROUND_GLASS ? "single ground-glass" : "single part-solid")
            + ", "
            + band
            + volume;
    return new Assessment(ScoringSystem.FLEISCHNER, VERSION, band, management, what);
  }
}
