package org.radassist.workstation.internal.study;

/**
 * The acquisition geometry of the synthetic chest CT: an axial stack, head first supine, slice 1
 * most superior. Patient coordinates are DICOM LPS in millimetres; image columns run to the
 * patient's left and rows to posterior (Image Orientation 1\0\0\0\1\0).
 */
public record PhantomGeometry(
    int rows, int columns, int slices, double pixelSpacingMm, double sliceSpacingMm) {

  /** 24 slices of 256 x 256 at 1.2 mm pixels and 2.5 mm slices: a 307 mm field, a 60 mm slab. */
  public static final PhantomGeometry DEFAULT = new PhantomGeometry(256, 256, 24, 1.2, 2.5);

  public PhantomGeometry {
    if (rows < 16 || columns < 16 || slices < 1) {
      throw new IllegalArgumentException("a phantom needs at least 16 x 16 pixels and one slice");
    }
    if (!(pixelSpacingMm > 0) || !(sliceSpacingMm > 0)) {
      throw new IllegalArgumentException("spacings must be positive");
    }
  }

  /** Patient x (to the left) of a column's centre; the image centre is x = 0. */
  public double x(double column) {
    return (column - (columns - 1) / 2.0) * pixelSpacingMm;
  }

  /** Patient y (to posterior) of a row's centre; the image centre is y = 0. */
  public double y(double row) {
    return (row - (rows - 1) / 2.0) * pixelSpacingMm;
  }

  /** Patient z (to superior) of a slice (0-based); slice 0 is the most superior. */
  public double z(int slice) {
    return ((slices - 1) / 2.0 - slice) * sliceSpacingMm;
  }

  public double column(double x) {
    return x / pixelSpacingMm + (columns - 1) / 2.0;
  }

  public double row(double y) {
    return y / pixelSpacingMm + (rows - 1) / 2.0;
  }

  /** The 0-based slice whose centre is nearest to z. */
  public int slice(double z) {
    return (int) Math.round((slices - 1) / 2.0 - z / sliceSpacingMm);
  }
}
