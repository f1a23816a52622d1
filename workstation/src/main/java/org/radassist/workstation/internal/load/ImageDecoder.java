package org.radassist.workstation.internal.load;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;

/**
 * Decodes a frame of a monochrome image (8 or 16 bits allocated, signed or unsigned, any bits
 * stored) from its file with PixelMed, applying the modality rescale. Colour and compressed pixel
 * data PixelMed cannot decompress are refused with a message the viewer shows.
 */
public final class ImageDecoder {

  public DicomImage decode(DicomInstance instance, int frame) throws IOException {
    AttributeList list = new AttributeList();
    try {
      list.read(instance.file().toFile());
      return decode(list, frame);
    } catch (DicomException | RuntimeException e) {
      throw new IOException("cannot decode " + instance.file().getFileName() + ": " + e, e);
    }
  }

  DicomImage decode(AttributeList list, int frame) throws DicomException, IOException {
    int rows = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Rows, 0);
    int columns = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Columns, 0);
    int samples = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.SamplesPerPixel, 1);
    int allocated = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsAllocated, 16);
    int stored = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsStored, allocated);
    boolean signed =
        Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PixelRepresentation, 0) == 1;
    String photometric =
        Attribute.getSingleStringValueOrDefault(
            list, TagFromName.PhotometricInterpretation, "MONOCHROME2");
    Attribute pixelData = list.getPixelData();
    if (rows <= 0 || columns <= 0 || pixelData == null) {
      throw new IOException("no image pixel data");
    }
    if (samples != 1 || !photometric.startsWith("MONOCHROME")) {
      throw new IOException(photometric + " images are not shown by this viewer");
    }
    int frameSize = rows * columns;
    int offset = (frame - 1) * frameSize;
    float slope =
        (float) Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleSlope, 1.0);
    float intercept =
        (float) Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleIntercept, 0.0);
    float[] values = new float[frameSize];
    int mask = (1 << stored) - 1;
    int signBit = 1 << (stored - 1);
    if (allocated == 16) {
      short[] raw = pixelData.getShortValues();
      checkLength(raw.length, offset + frameSize);
      for (int i = 0; i < frameSize; i++) {
        values[i] = slope * sample(raw[offset + i] & 0xffff, mask, signBit, signed) + intercept;
      }
    } else if (allocated == 8) {
      byte[] raw = pixelData.getByteValues();
      checkLength(raw.length, offset + frameSize);
      for (int i = 0; i < frameSize; i++) {
        values[i] = slope * sample(raw[offset + i] & 0xff, mask, signBit, signed) + intercept;
      }
    } else {
      throw new IOException(allocated + " bits allocated are not shown by this viewer");
    }
    double[] spacing =
        list.get(TagFromName.PixelSpacing) == null
            ? new double[0]
            : list.get(TagFromName.PixelSpacing).getDoubleValues();
    double rowSpacing = spacing.length == 2 && spacing[0] > 0 ? spacing[0] : 1;
    double columnSpacing = spacing.length == 2 && spacing[1] > 0 ? spacing[1] : 1;
    double center = first(list, TagFromName.WindowCenter);
    double width = first(list, TagFromName.WindowWidth);
    if (Double.isNaN(center) || Double.isNaN(width) || width < 1) {
      float min = Float.MAX_VALUE;
      float max = -Float.MAX_VALUE;
      for (float v : values) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      center = (min + max) / 2.0;
      width = Math.max(1, max - min);
    }
    return new DicomImage(
        rows,
        columns,
        values,
        rowSpacing,
        columnSpacing,
        center,
        width,
        photometric.equals("MONOCHROME1"));
  }

  private static int sample(int raw, int mask, int signBit, boolean signed) {
    int v = raw & mask;
    return signed && (v & signBit) != 0 ? v - (mask + 1) : v;
  }

  private static void checkLength(int have, int need) throws IOException {
    if (have < need) {
      throw new IOException("pixel data too short (compressed pixel data is not shown)");
    }
  }

  private static double first(AttributeList list, com.pixelmed.dicom.AttributeTag tag)
      throws DicomException {
    Attribute a = list.get(tag);
    if (a == null || a.getVM() == 0) {
      return Double.NaN;
    }
    return a.getDoubleValues()[0];
  }
}
