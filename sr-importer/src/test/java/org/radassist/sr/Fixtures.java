package org.radassist.sr;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TransferSyntax;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Malformed and re-encoded variants of real files, made in memory for the tests. */
public final class Fixtures {
  private Fixtures() {}

  public static AttributeList load(Path file) throws Exception {
    AttributeList list = new AttributeList();
    try (DicomInputStream in =
        new DicomInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
      list.read(in);
    }
    return list;
  }

  /** The file, changed by {@code edit}, written again in the given transfer syntax. */
  public static byte[] rewrite(
      Path file, Consumer<AttributeList> edit, String transferSyntax, boolean meta)
      throws Exception {
    AttributeList list = load(file);
    list.removeGroupLengthAttributes();
    list.removeMetaInformationHeaderAttributes();
    edit.accept(list);
    if (meta) {
      com.pixelmed.dicom.FileMetaInformation.addFileMetaInformation(
          list, transferSyntax, "RADASSIST_TEST");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    list.write(out, transferSyntax, meta, true);
    return out.toByteArray();
  }

  public static byte[] rewrite(Path file, Consumer<AttributeList> edit) throws Exception {
    return rewrite(file, edit, TransferSyntax.ExplicitVRLittleEndian, true);
  }

  /**
   * An explicit VR little endian SR whose content tree nests {@code depth} CONTAINERs, each in an
   * undefined-length Content Sequence: the structure that overflows recursive parsers.
   */
  static byte[] deeplyNestedSr(int depth) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(depth * 60 + 512);
    out.write(new byte[128]);
    out.write("DICM".getBytes(StandardCharsets.US_ASCII));
    ByteArrayOutputStream meta = new ByteArrayOutputStream();
    element(meta, 0x0002, 0x0010, "UI", "1.2.840.10008.1.2.1\0");
    element(out, 0x0002, 0x0000, "UL", le32(meta.size()));
    meta.writeTo(out);
    element(out, 0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.88.33\0");
    element(out, 0x0008, 0x0018, "UI", "1.2.3.4.5.6.7\0");
    element(out, 0x0020, 0x000D, "UI", "1.2.3.4.5.6.8\0");
    element(out, 0x0020, 0x000E, "UI", "1.2.3.4.5.6.9\0");
    element(out, 0x0040, 0xA040, "CS", "CONTAINER ");
    element(out, 0x0040, 0xA050, "CS", "SEPARATE");
    for (int i = 0; i < depth; i++) {
      sequenceStart(out, 0x0040, 0xA730);
      out.write(tag(0xFFFE, 0xE000));
      out.write(le32(-1));
      element(out, 0x0040, 0xA010, "CS", "CONTAINS");
      element(out, 0x0040, 0xA040, "CS", "CONTAINER ");
      element(out, 0x0040, 0xA050, "CS", "SEPARATE");
    }
    for (int i = 0; i < depth; i++) {
      out.write(tag(0xFFFE, 0xE00D));
      out.write(le32(0));
      out.write(tag(0xFFFE, 0xE0DD));
      out.write(le32(0));
    }
    return out.toByteArray();
  }

  /**
   * An explicit VR little endian Comprehensive SR whose root CONTAINS {@code items} TEXT items
   * (each with a concept name and {@code textBytes} of text), written straight to {@code file}: the
   * wide, flat shape of a huge generated report (200,000 items make ~35 MB).
   */
  public static void wideSr(Path file, int items, int textBytes) throws IOException {
    wideSr(file, items, textBytes, false);
  }

  /**
   * As {@link #wideSr(Path, int, int)}; with {@code duplicateTag} every item holds its Relationship
   * Type twice, which PixelMed repairs and complains about on System.err.
   */
  public static void wideSr(Path file, int items, int textBytes, boolean duplicateTag)
      throws IOException {
    try (java.io.OutputStream fileOut =
        new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
      out.write(new byte[128]);
      out.write("DICM".getBytes(StandardCharsets.US_ASCII));
      ByteArrayOutputStream meta = new ByteArrayOutputStream();
      element(meta, 0x0002, 0x0010, "UI", "1.2.840.10008.1.2.1\0");
      element(out, 0x0002, 0x0000, "UL", le32(meta.size()));
      meta.writeTo(out);
      element(out, 0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.88.33\0");
      element(out, 0x0008, 0x0018, "UI", "1.2.3.4.5.6.7\0");
      if (duplicateTag) {
        element(out, 0x0009, 0x0010, "LO", "RADASSIST"); // private: PixelMed parses this file
      }
      element(out, 0x0020, 0x000D, "UI", "1.2.3.4.5.6.8\0");
      element(out, 0x0020, 0x000E, "UI", "1.2.3.4.5.6.9\0");
      element(out, 0x0040, 0xA040, "CS", "CONTAINER ");
      element(out, 0x0040, 0xA050, "CS", "SEPARATE");
      sequenceStart(out, 0x0040, 0xA730);
      out.writeTo(fileOut);
      String text = "x".repeat(textBytes + (textBytes % 2));
      for (int i = 0; i < items; i++) {
        out.reset();
        out.write(tag(0xFFFE, 0xE000));
        out.write(le32(-1));
        element(out, 0x0040, 0xA010, "CS", "CONTAINS");
        if (duplicateTag) {
          element(out, 0x0040, 0xA010, "CS", "CONTAINS");
        }
        element(out, 0x0040, 0xA040, "CS", "TEXT");
        sequenceStart(out, 0x0040, 0xA043);
        out.write(tag(0xFFFE, 0xE000));
        out.write(le32(-1));
        element(out, 0x0008, 0x0100, "SH", "121071");
        element(out, 0x0008, 0x0102, "SH", "DCM ");
        element(out, 0x0008, 0x0104, "LO", "Finding ");
        out.write(tag(0xFFFE, 0xE00D));
        out.write(le32(0));
        out.write(tag(0xFFFE, 0xE0DD));
        out.write(le32(0));
        element(out, 0x0040, 0xA160, "UT", text); // UT: 2 reserved bytes + 4-byte length
        out.write(tag(0xFFFE, 0xE00D));
        out.write(le32(0));
        out.writeTo(fileOut);
      }
      out.reset();
      out.write(tag(0xFFFE, 0xE0DD));
      out.write(le32(0));
      out.writeTo(fileOut);
    }
  }

  private static void sequenceStart(ByteArrayOutputStream out, int group, int element)
      throws IOException {
    out.write(tag(group, element));
    out.write("SQ".getBytes(StandardCharsets.US_ASCII));
    out.write(new byte[2]);
    out.write(le32(-1));
  }

  private static void element(
      ByteArrayOutputStream out, int group, int element, String vr, String v) throws IOException {
    element(out, group, element, vr, v.getBytes(StandardCharsets.US_ASCII));
  }

  private static void element(
      ByteArrayOutputStream out, int group, int element, String vr, byte[] value)
      throws IOException {
    out.write(tag(group, element));
    out.write(vr.getBytes(StandardCharsets.US_ASCII));
    if (vr.equals("UT")) {
      out.write(new byte[2]);
      out.write(le32(value.length));
    } else {
      out.write(
          ByteBuffer.allocate(2)
              .order(ByteOrder.LITTLE_ENDIAN)
              .putShort((short) value.length)
              .array());
    }
    out.write(value);
  }

  private static byte[] tag(int group, int element) {
    return ByteBuffer.allocate(4)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putShort((short) group)
        .putShort((short) element)
        .array();
  }

  private static byte[] le32(int v) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
  }
}
