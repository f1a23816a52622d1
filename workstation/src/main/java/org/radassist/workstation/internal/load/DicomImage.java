package org.radassist.workstation.internal.load;

/**
 * One decoded frame in modality values (HU for CT: stored values with the rescale applied), with
 * what display needs: size, pixel spacing and the producer's default window.
 */
public record DicomImage(
    int rows,
    int columns,
    float[] values,
    double rowSpacingMm,
    double columnSpacingMm,
    double windowCenter,
    double windowWidth,
    boolean invert) {
  public DicomImage {
    if (values.length != rows * columns) {
      throw new IllegalArgumentException(
          "expected " + rows * columns + " values, got " + values.length);
    }
  }

  public float value(int row, int column) {
    return values[row * columns + column];
  }

  /** Width over height of the displayed image in millimetres per pixel. */
  public double aspect() {
    return columnSpacingMm / rowSpacingMm;
  }
}
