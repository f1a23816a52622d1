package org.radassist.drafting.internal.rules;

import java.util.Comparator;
import java.util.List;
import org.radassist.model.ScoringSystem;

/**
 * Lung-RADS v2022 (ACR, Nov 2022): the category of one nodule from its type, mean diameter, solid
 * component and history; growth; stepped management; and the exam category (the most suspicious
 * nodule); airway nodules, atypical pulmonary cysts and the incomplete category 0.
 */
public final class LungRads {
  public static final String VERSION = "2022";

  /** Growth threshold: mean diameter increase strictly greater than 1.5 mm within 12 months. */
  public static final long GROWTH_TENTHS = 15;

  private LungRads() {}

  public enum NoduleType {
    SOLID,
    PART_SOLID,
    GROUND_GLASS
  }

  /** The nodule's history as the screening round sees it. */
  public enum Status {
    /** First screen: no prior. */
    BASELINE,
    /** Not seen on the prior screen. */
    NEW,
    /** Mean diameter increased by more than 1.5 mm within 12 months. */
    GROWING,
    /** Unchanged (or smaller) against the prior screen. */
    STABLE,
    /** Growing slowly over several screens (solid or part-solid): 4B. */
    SLOW_GROWING
  }

  /**
   * One nodule.
   *
   * @param meanDiameterMm mean of long and short axis (one decimal); for part-solid the total size
   * @param solidComponentMm mean diameter of the solid component (part-solid only), null if unknown
   * @param benign benign calcification (complete, central, popcorn, concentric) or fat
   * @param juxtapleuralBenign juxtapleural or perifissural, smooth, oval/lentiform/triangular
   * @param suspiciousFeatures features raising suspicion (spiculation, lymphadenopathy): 3/4 -> 4X
   * @param priorCategory the category of the previous screen when {@code status} is STABLE (stepped
   *     management), or null
   */
  public record Nodule(
      NoduleType type,
      double meanDiameterMm,
      Double solidComponentMm,
      Status status,
      boolean benign,
      boolean juxtapleuralBenign,
      boolean suspiciousFeatures,
      String priorCategory) {
    public Nodule {
      if (type == null || status == null) {
        throw new IllegalArgumentException("nodule type and status are required");
      }
      Millimetres.tenths(meanDiameterMm);
      if (solidComponentMm != null) {
        Millimetres.tenths(solidComponentMm);
      }
    }

    public static Nodule solid(double meanDiameterMm, Status status) {
      return new Nodule(NoduleType.SOLID, meanDiameterMm, null, status, false, false, false, null);
    }
  }

  /**
   * True when the mean diameter grew by more than 1.5 mm within 12 months (1.5 is not growth, 1.6
   * is). Over a longer interval the increase is slow growth, not growth.
   */
  public static boolean isGrowth(double priorMeanMm, double currentMeanMm, double intervalMonths) {
    return intervalMonths <= 12
        && Millimetres.tenths(currentMeanMm) - Millimetres.tenths(priorMeanMm) > GROWTH_TENTHS;
  }

  /** Lung-RADS v2022 volume thresholds (mm³) and the diameters (mm) they stand for. */
  private static final double[][] VOLUME_BANDS = {
    {34, 4}, {113, 6}, {268, 8}, {524, 10}, {1767, 15}, {14137, 30}
  };

  /**
   * The mean diameter (one decimal) that falls in the same Lung-RADS size band as a volume: the
   * equivalent-sphere diameter, held inside the band the table's volume thresholds give (112 mm³ is
   * below 113, so below 6 mm, although its sphere rounds to 6.0 mm).
   */
  public static double diameterForVolume(double mm3) {
    double d = Math.round(Math.cbrt(6 * mm3 / Math.PI) * 10) / 10.0;
    double low = 0;
    double high = Double.MAX_VALUE;
    for (double[] band : VOLUME_BANDS) {
      if (mm3 >= band[0]) {
        low = band[1];
      } else {
        high = Math.min(high, band[1] - 0.1);
      }
    }
    return Math.min(Math.max(d, low), high);
  }

  /** The category of one nodule. */
  public static Assessment classify(Nodule n) {
    if (n.benign()) {
      return of("1", "nodule with benign calcification or fat");
    }
    long size = Millimetres.tenths(n.meanDiameterMm());
    Assessment base =
        switch (n.type()) {
          case SOLID -> solid(n, size);
          case PART_SOLID -> partSolid(n, size);
          case GROUND_GLASS -> groundGlass(n, size);
        };
    if (n.suspiciousFeatures() && isThreeOrFour(base.category())) {
      return of("4X", "category " + base.category() + " nodule with suspicious features");
    }
    return base;
  }

  private static Assessment solid(Nodule n, long size) {
    if (n.juxtapleuralBenign() && size < 100) {
      return of("2", "juxtapleural/perifissural solid nodule with benign morphology < 10 mm");
    }
    String mm = mm(size);
    return switch (n.status()) {
      case BASELINE -> {
        if (size < 60) {
          yield of("2", "baseline solid nodule " + mm + " (< 6 mm)");
        } else if (size < 80) {
          yield of("3", "baseline solid nodule " + mm + " (>= 6 to < 8 mm)");
        } else if (size < 150) {
          yield of("4A", "baseline solid nodule " + mm + " (>= 8 to < 15 mm)");
        }
        yield of("4B", "baseline solid nodule " + mm + " (>= 15 mm)");
      }
      case NEW -> {
        if (size < 40) {
          yield of("2", "new solid nodule " + mm + " (< 4 mm)");
        } else if (size < 60) {
          yield of("3", "new solid nodule " + mm + " (4 to < 6 mm)");
        } else if (size < 80) {
          yield of("4A", "new solid nodule " + mm + " (6 to < 8 mm)");
        }
        yield of("4B", "new solid nodule " + mm + " (>= 8 mm)");
      }
      case GROWING ->
          size < 80
              ? of("4A", "growing solid nodule " + mm + " (< 8 mm)")
              : of("4B", "growing solid nodule " + mm + " (>= 8 mm)");
      case SLOW_GROWING -> of("4B", "solid nodule growing slowly over multiple screens");
      case STABLE -> stable(n);
    };
  }

  private static Assessment partSolid(Nodule n, long size) {
    Long solid = n.solidComponentMm() == null ? null : Millimetres.tenths(n.solidComponentMm());
    String total = mm(size);
    return switch (n.status()) {
      case BASELINE -> {
        if (size < 60) {
          yield of("2", "baseline part-solid nodule " + total + " total (< 6 mm)");
        }
        if (solid == null) {
          yield incomplete("solid component size");
        } else if (solid < 60) {
          yield of("3", "baseline part-solid nodule >= 6 mm total with solid component < 6 mm");
        } else if (solid < 80) {
          yield of(
              "4A", "baseline part-solid nodule, solid component " + mm(solid) + " (6 to < 8)");
        }
        yield of("4B", "baseline part-solid nodule, solid component " + mm(solid) + " (>= 8 mm)");
      }
      case NEW, GROWING -> {
        String what = n.status() == Status.NEW ? "new" : "growing";
        if (n.status() == Status.NEW && size < 60) {
          yield of("3", "new part-solid nodule " + total + " total (< 6 mm)");
        }
        if (solid == null) {
          yield incomplete("solid component size");
        }
        yield solid < 40
            ? of("4A", what + " part-solid nodule, solid component " + mm(solid) + " (< 4 mm)")
            : of("4B", what + " part-solid nodule, solid component " + mm(solid) + " (>= 4 mm)");
      }
      case SLOW_GROWING -> of("4B", "part-solid nodule growing slowly over multiple screens");
      case STABLE -> stable(n);
    };
  }

  private static Assessment groundGlass(Nodule n, long size) {
    if (size < 300) {
      return of("2", "non-solid nodule " + mm(size) + " (< 30 mm)");
    }
    return switch (n.status()) {
      case BASELINE, NEW ->
          of("3", "non-solid nodule " + mm(size) + " (>= 30 mm), baseline or new");
      default -> of("2", "non-solid nodule >= 30 mm, stable or slowly growing");
    };
  }

  /** Stepped management: 4A stable at the 3-month LDCT -> 3; 3 stable at 6 months -> 2. */
  private static Assessment stable(Nodule n) {
    String prior = n.priorCategory();
    if (prior == null) {
      return of("2", "nodule unchanged against the prior screen");
    }
    return stepped(prior);
  }

  /** The category of a nodule that was {@code priorCategory} and is now stable or smaller. */
  public static Assessment stepped(String priorCategory) {
    return switch (priorCategory.trim().toUpperCase(java.util.Locale.ROOT)) {
      case "4A" -> of("3", "category 4A nodule stable or decreased at 3-month follow-up (stepped)");
      case "3" -> of("2", "category 3 nodule stable at 6-month follow-up (stepped)");
      case "2", "1" -> of(priorCategory.trim(), "stable nodule keeps category " + priorCategory);
      default ->
          of(
              priorCategory.trim().toUpperCase(java.util.Locale.ROOT),
              "no stepped down-grading is published for a stable category "
                  + priorCategory
                  + " nodule: manage as before");
    };
  }

  /** Where an airway nodule sits. */
  public enum AirwayLevel {
    /** In a subsegmental bronchus: benign (2). */
    SUBSEGMENTAL,
    /** In a segmental, lobar or main bronchus or the trachea: 4A, 4B when persistent. */
    SEGMENTAL_OR_PROXIMAL
  }

  /**
   * An airway nodule (v2022): subsegmental 2; segmental or more proximal 4A at baseline or new, 4B
   * when persistent (unchanged) at the follow-up LDCT.
   */
  public static Assessment airwayNodule(AirwayLevel level, Status status) {
    if (level == AirwayLevel.SUBSEGMENTAL) {
      return of("2", "airway nodule in a subsegmental bronchus");
    }
    if (status == Status.STABLE) {
      return of("4B", "segmental or more proximal airway nodule persistent at follow-up LDCT");
    }
    return of(
        "4A",
        (status == Status.NEW ? "new " : "")
            + "airway nodule in a segmental or more proximal airway");
  }

  /** What changed in an atypical cyst since the prior screen. */
  public enum CystChange {
    /** First seen, new, or nothing said about change. */
    NONE,
    /** Unchanged against the prior screen. */
    STABLE,
    /** The cyst (its cystic component, mean diameter) grew. */
    GROWING,
    /** The wall grew thicker or more nodular. */
    WALL_GROWING,
    /** A thin- or thick-walled cyst has become multilocular. */
    BECAME_MULTILOCULAR,
    /** A multilocular cyst with more loculation or a new or larger opacity in it. */
    MORE_LOCULATION_OR_OPACITY
  }

  /**
   * An atypical pulmonary cyst (v2022): thick-walled (uniform, asymmetric or nodular wall of 2 mm
   * or more) or multilocular. A thin-walled unilocular cyst is benign and not categorised: null.
   *
   * @param priorCategory the prior screen's category when the cyst is STABLE, or null
   */
  public static Assessment atypicalCyst(
      boolean thickWalled, boolean multilocular, CystChange change, String priorCategory) {
    if (change == CystChange.BECAME_MULTILOCULAR) {
      return of("4A", "cyst that has become multilocular");
    }
    if (!thickWalled && !multilocular) {
      return null;
    }
    String what = multilocular ? "multilocular cyst" : "thick-walled cyst";
    return switch (change) {
      case NONE -> of("4A", what + " (atypical pulmonary cyst), baseline or new");
      case WALL_GROWING ->
          thickWalled
              ? of("4B", "thick-walled cyst with growing wall thickness or nodularity")
              : of("4B", "multilocular cyst with increased loculation or new or larger opacity");
      case MORE_LOCULATION_OR_OPACITY ->
          multilocular
              ? of("4B", "multilocular cyst with increased loculation or new or larger opacity")
              : of("4B", "thick-walled cyst with growing wall thickness or nodularity");
      case GROWING ->
          multilocular
              ? of("4B", "growing multilocular cyst")
              : of("3", "thick-walled cyst with a growing cystic component");
      case STABLE ->
          priorCategory == null
              ? of("2", what + " unchanged against the prior screen")
              : stepped(priorCategory);
      case BECAME_MULTILOCULAR -> throw new IllegalStateException("handled above");
    };
  }

  /**
   * Category 0 (incomplete): prior chest CT being located for comparison, lungs not (fully)
   * evaluable, or findings suggesting an inflammatory or infectious process.
   */
  public static Assessment incompleteExam(String why) {
    return of("0", why);
  }

  /** The exam category: that of the most suspicious nodule; 1 when there is none. */
  public static Assessment exam(List<Assessment> nodules) {
    return nodules.stream()
        .max(Comparator.comparingInt(a -> rank(a.category())))
        .orElse(of("1", "no lung nodules"));
  }

  /** The management the ACR table gives for a category. */
  public static String management(String category) {
    return switch (category) {
      case "0" ->
          "comparison to prior chest CT and/or additional images; 1-3 month LDCT if infection suspected";
      case "1", "2" -> "continue annual screening with LDCT in 12 months";
      case "3" -> "6-month LDCT";
      case "4A" ->
          "3-month LDCT; PET/CT may be used when there is a >= 8 mm solid nodule or solid component";
      case "4B", "4X" ->
          "diagnostic chest CT with or without contrast; PET/CT may be used for a >= 8 mm solid"
              + " nodule or component; tissue sampling and/or referral";
      default -> "";
    };
  }

  /** A category 3 or 4 finding with features that raise suspicion (spiculation, nodes): 4X. */
  public static Assessment suspicious(Assessment a) {
    return of("4X", "category " + a.category() + " finding with suspicious features");
  }

  /** Orders categories by suspicion: 0 < 1 < 2 < 3 < 4A < 4B < 4X; unknown values rank lowest. */
  public static int rank(String category) {
    return List.of("0", "1", "2", "3", "4A", "4B", "4X").indexOf(category);
  }

  private static boolean isThreeOrFour(String category) {
    return category.equals("3") || category.startsWith("4");
  }

  private static Assessment of(String category, String reason) {
    return new Assessment(ScoringSystem.LUNG_RADS, VERSION, category, management(category), reason);
  }

  private static Assessment incomplete(String missing) {
    return Assessment.incomplete(
        ScoringSystem.LUNG_RADS,
        VERSION,
        List.of(missing),
        "cannot categorise without the " + missing);
  }

  private static String mm(long tenths) {
    return (tenths / 10) + "." + (tenths % 10) + " mm";
  }
}
