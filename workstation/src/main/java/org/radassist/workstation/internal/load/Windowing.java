package org.radassist.workstation.internal.load;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** The DICOM linear VOI window (PS3.3 C.11.2.1.2.1): modality values to 8-bit grey. */
public record Windowing(double center, double width) {
  public static final Windowing LUNG = new Windowing(-600, 1500);
  public static final Windowing MEDIASTINUM = new Windowing(40, 400);
  public static final Windowing BONE = new Windowing(500, 2000);

  public Windowing {
    width = Math.max(1, width);
  }

  public Windowing adjusted(double deltaCenter, double deltaWidth) {
    return new Windowing(center + deltaCenter, width + deltaWidth);
  }

  /** Grey level 0..255 of one value. */
  public int grey(double value) {
    double lower = center - 0.5 - (width - 1) / 2;
    double upper = center - 0.5 + (width - 1) / 2;
    if (value <= lower) {
      return 0;
    }
    if (value > upper) {
      return 255;
    }
    return (int) Math.round(((value - (center - 0.5)) / (width - 1) + 0.5) * 255);
  }

  public BufferedImage render(DicomImage image) {
    BufferedImage out =
        new BufferedImage(image.columns(), image.rows(), BufferedImage.TYPE_BYTE_GRAY);
    byte[] pixels = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
    float[] values = image.values();
    for (int i = 0; i < values.length; i++) {
      int g = grey(values[i]);
      pixels[i] = (byte) (image.invert() ? 255 - g : g);
    }
    return out;
  }
}
