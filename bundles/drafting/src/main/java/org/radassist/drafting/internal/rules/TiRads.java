package org.radassist.drafting.internal.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.radassist.model.ScoringSystem;

/**
 * ACR TI-RADS (2017): points for composition, echogenicity, shape, margin and echogenic foci
 * (additive), the TR level, and FNA / follow-up by the nodule's maximum diameter.
 */
public final class TiRads {
  public static final String VERSION = "2017";

  private TiRads() {}

  public enum Composition {
    CYSTIC(0),
    SPONGIFORM(0),
    MIXED(1),
    SOLID(2);
    final int points;

    Composition(int p) {
      points = p;
    }
  }

  public enum Echogenicity {
    ANECHOIC(0),
    HYPERECHOIC_OR_ISOECHOIC(1),
    HYPOECHOIC(2),
    VERY_HYPOECHOIC(3);
    final int points;

    Echogenicity(int p) {
      points = p;
    }
  }

  public enum Shape {
    WIDER_THAN_TALL(0),
    TALLER_THAN_WIDE(3);
    final int points;

    Shape(int p) {
      points = p;
    }
  }

  public enum Margin {
    SMOOTH(0),
    ILL_DEFINED(0),
    LOBULATED_OR_IRREGULAR(2),
    EXTRATHYROIDAL_EXTENSION(3);
    final int points;

    Margin(int p) {
      points = p;
    }
  }

  public enum EchogenicFocus {
    NONE_OR_COMET_TAIL(0),
    MACROCALCIFICATION(1),
    PERIPHERAL_RIM(2),
    PUNCTATE(3);
    final int points;

    EchogenicFocus(int p) {
      points = p;
    }
  }

  /** A nodule's features; null where not described. Foci add up, each kind counted once. */
  public record Nodule(
      Composition composition,
      Echogenicity echogenicity,
      Shape shape,
      Margin margin,
      Set<EchogenicFocus> foci,
      Double maxDiameterMm) {
    public Nodule {
      foci =
          foci == null
              ? null
              : Set.copyOf(foci.isEmpty() ? EnumSet.noneOf(EchogenicFocus.class) : foci);
    }
  }

  /** The points of the described features. */
  public static int points(Nodule n) {
    int p = 0;
    p += n.composition() == null ? 0 : n.composition().points;
    p += n.echogenicity() == null ? 0 : n.echogenicity().points;
    p += n.shape() == null ? 0 : n.shape().points;
    p += n.margin() == null ? 0 : n.margin().points;
    if (n.foci() != null) {
      for (EchogenicFocus f : n.foci()) {
        p += f.points;
      }
    }
    return p;
  }

  /** TR1 0-1 points, TR2 2, TR3 3, TR4 4-6, TR5 >= 7. */
  public static String level(int points) {
    if (points >= 7) {
      return "TR5";
    } else if (points >= 4) {
      return "TR4";
    } else if (points == 3) {
      return "TR3";
    } else if (points == 2) {
      return "TR2";
    }
    return "TR1";
  }

  /**
   * The TR level with FNA / follow-up advice. A feature category left unstated makes the level
   * incomplete only when its possible values could change the level: the points range over every
   * value of the unstated categories (echogenic foci add up, so up to 1 + 2 + 3), and a range that
   * falls in one level determines it ("solid, hypoechoic, taller than wide" is TR5 whatever the
   * margin and foci).
   */
  public static Assessment assess(Nodule n) {
    List<String> missing = new ArrayList<>();
    if (n.composition() == null) {
      missing.add("composition");
    }
    boolean benignComposition =
        n.composition() == Composition.CYSTIC || n.composition() == Composition.SPONGIFORM;
    if (!benignComposition) {
      if (n.echogenicity() == null) {
        missing.add("echogenicity");
      }
      if (n.shape() == null) {
        missing.add("shape");
      }
      if (n.margin() == null) {
        missing.add("margin");
      }
      if (n.foci() == null) {
        missing.add("echogenic foci");
      }
    }
    int points = points(n);
    int most = points + (benignComposition ? 0 : unstatedMaximum(n));
    if (!missing.isEmpty() && !level(points).equals(level(most))) {
      return Assessment.incomplete(
          ScoringSystem.TI_RADS,
          VERSION,
          missing,
          "points so far "
              + points
              + " (up to "
              + most
              + " with the unstated features); the level depends on them");
    }
    String level = level(points);
    return new Assessment(
        ScoringSystem.TI_RADS,
        VERSION,
        level,
        recommendation(level, n.maxDiameterMm()),
        missing.isEmpty()
            ? points + " points"
            : points
                + " points stated; "
                + level
                + " whatever the unstated "
                + String.join(", ", missing));
  }

  /**
   * The level as a radiologist dictates it (RadAssist's convention): dictation names the features
   * that add points, so once composition and echogenicity are stated an unstated shape is scored
   * wider-than-tall (0), an unstated margin as ACR's "cannot be determined" (0) and unstated
   * echogenic foci as none (0); the reason names each assumed feature so the radiologist sees it.
   * Composition or echogenicity unstated stays as {@link #assess} gives it (incomplete unless the
   * points range decides the level).
   */
  public static Assessment assessAsDictated(Nodule n) {
    Assessment ranged = assess(n);
    if (ranged.isComplete() || n.composition() == null || n.echogenicity() == null) {
      return ranged;
    }
    List<String> assumed = new ArrayList<>();
    if (n.shape() == null) {
      assumed.add("shape not stated: scored wider-than-tall");
    }
    if (n.margin() == null) {
      assumed.add("margin not stated: scored as cannot be determined (0)");
    }
    if (n.foci() == null) {
      assumed.add("echogenic foci not stated: scored as none");
    }
    int points = points(n); // an unstated group counts 0, as assumed
    String level = level(points);
    return new Assessment(
        ScoringSystem.TI_RADS,
        VERSION,
        level,
        recommendation(level, n.maxDiameterMm()),
        points + " points; " + String.join("; ", assumed));
  }

  /**
   * The levels the nodule could have, from the stated points to the most the unstated feature
   * categories could add; one level when the stated features decide it.
   */
  public static List<String> possibleLevels(Nodule n) {
    boolean benignComposition =
        n.composition() == Composition.CYSTIC || n.composition() == Composition.SPONGIFORM;
    int least = points(n);
    int most = least + (benignComposition ? 0 : unstatedMaximum(n));
    List<String> out = new ArrayList<>();
    for (int p = least; p <= most; p++) {
      if (!out.contains(level(p))) {
        out.add(level(p));
      }
    }
    return out;
  }

  /** The most points the unstated feature categories could add. */
  private static int unstatedMaximum(Nodule n) {
    int most = 0;
    most += n.composition() == null ? Composition.SOLID.points : 0;
    most += n.echogenicity() == null ? Echogenicity.VERY_HYPOECHOIC.points : 0;
    most += n.shape() == null ? Shape.TALLER_THAN_WIDE.points : 0;
    most += n.margin() == null ? Margin.EXTRATHYROIDAL_EXTENSION.points : 0;
    if (n.foci() == null) {
      for (EchogenicFocus f : EchogenicFocus.values()) {
        most += f.points; // additive: macrocalcification, rim and punctate together
      }
    }
    return most;
  }

  /**
   * The smallest maximum diameter, in tenths of a millimetre, at which the level calls for FNA (ACR
   * TI-RADS 2017: TR3 2.5 cm, TR4 1.5 cm, TR5 1.0 cm); {@code Long.MAX_VALUE} when it never does.
   */
  public static long fnaFromTenths(String level) {
    return switch (level) {
      case "TR3" -> 250;
      case "TR4" -> 150;
      case "TR5" -> 100;
      default -> Long.MAX_VALUE; // TR1 benign, TR2 not suspicious
    };
  }

  /**
   * The smallest maximum diameter, in tenths of a millimetre, at which the level calls for
   * follow-up (TR3 1.5 cm, TR4 1.0 cm, TR5 0.5 cm); {@code Long.MAX_VALUE} when it never does.
   */
  public static long followUpFromTenths(String level) {
    return switch (level) {
      case "TR3" -> 150;
      case "TR4" -> 100;
      case "TR5" -> 50;
      default -> Long.MAX_VALUE;
    };
  }

  /** FNA and follow-up thresholds by level and maximum diameter. */
  public static String recommendation(String level, Double maxDiameterMm) {
    long fna = fnaFromTenths(level);
    long follow = followUpFromTenths(level);
    if (fna == Long.MAX_VALUE) {
      return "no FNA";
    }
    String thresholds =
        "(FNA if >= " + fna / 100.0 + " cm, follow-up if >= " + follow / 100.0 + " cm)";
    if (maxDiameterMm == null) {
      return "size needed " + thresholds;
    }
    long size = Millimetres.tenths(maxDiameterMm);
    if (size >= fna) {
      return "FNA " + thresholds;
    } else if (size >= follow) {
      return "follow-up ultrasound " + thresholds;
    }
    return "no FNA or follow-up " + thresholds;
  }
}
