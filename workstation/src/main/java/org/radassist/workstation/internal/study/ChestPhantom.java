package org.radassist.workstation.internal.study;

import java.util.Random;

/**
 * A chest CT phantom in Hounsfield units: air around an elliptic body (fat rim, soft tissue), two
 * lungs at about -850 HU, a vertebral body, and one solid spherical nodule. Deterministic: the same
 * arguments give the same voxels, noise included (a seeded generator, read in slice order).
 */
public final class ChestPhantom {
  public static final int AIR_HU = -1000;
  public static final int FAT_HU = -100;
  public static final int SOFT_TISSUE_HU = 40;
  public static final int LUNG_HU = -850;
  public static final int NODULE_HU = 30;
  public static final int CORTICAL_BONE_HU = 700;
  public static final int MARROW_HU = 250;

  private final PhantomGeometry geometry;
  private final Nodule nodule;
  private final double noiseSigmaHu;
  private final long seed;

  /** A solid nodule: centre in patient coordinates (mm) and diameter (mm). */
  public record Nodule(double x, double y, double z, double diameterMm) {
    public Nodule {
      if (!(diameterMm > 0)) {
        throw new IllegalArgumentException("nodule diameter must be positive");
      }
    }
  }

  public ChestPhantom(PhantomGeometry geometry, Nodule nodule, double noiseSigmaHu, long seed) {
    this.geometry = geometry;
    this.nodule = nodule;
    this.noiseSigmaHu = noiseSigmaHu;
    this.seed = seed;
  }

  public PhantomGeometry geometry() {
    return geometry;
  }

  public Nodule nodule() {
    return nodule;
  }

  /** The HU values of one slice (0-based), row by row. */
  public short[] slice(int index) {
    int rows = geometry.rows();
    int columns = geometry.columns();
    short[] hu = new short[rows * columns];
    Random noise = new Random(seed * 1_000_003L + index);
    double z = geometry.z(index);
    // lungs are a little smaller towards the apex (slice 0)
    double lungScale = 0.85 + 0.15 * index / Math.max(1, geometry.slices() - 1);
    for (int r = 0; r < rows; r++) {
      double y = geometry.y(r);
      for (int c = 0; c < columns; c++) {
        double x = geometry.x(c);
        double value = anatomy(x, y, z, lungScale);
        if (value > AIR_HU) {
          value += noise.nextGaussian() * noiseSigmaHu;
        }
        hu[r * columns + c] = (short) Math.round(Math.max(-1024, Math.min(3071, value)));
      }
    }
    return hu;
  }

  private double anatomy(double x, double y, double z, double lungScale) {
    double body = ellipse(x, y, 0, 0, 160, 115);
    if (body > 1) {
      return AIR_HU;
    }
    if (ellipse(x, y, 0, 0, 150, 105) > 1) {
      return FAT_HU;
    }
    double spine = Math.hypot(x, y - 80);
    if (spine < 16) {
      return spine < 12 ? MARROW_HU : CORTICAL_BONE_HU;
    }
    boolean inLung =
        ellipse(x, y, -75, -5, 55 * lungScale, 80 * lungScale) <= 1
            || ellipse(x, y, 75, -5, 55 * lungScale, 80 * lungScale) <= 1;
    if (!inLung) {
      return SOFT_TISSUE_HU;
    }
    // partial volume at the nodule's edge, over one pixel
    double distance = Math.sqrt(sq(x - nodule.x()) + sq(y - nodule.y()) + sq(z - nodule.z()));
    double inside =
        clamp((nodule.diameterMm() / 2 - distance) / geometry.pixelSpacingMm() + 0.5, 0, 1);
    return LUNG_HU + inside * (NODULE_HU - LUNG_HU);
  }

  private static double ellipse(double x, double y, double cx, double cy, double a, double b) {
    return sq((x - cx) / a) + sq((y - cy) / b);
  }

  private static double sq(double v) {
    return v * v;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
