package org.radassist.sr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.radassist.sr.internal.read.PixelMedSrReader;

/**
 * Reads DICOM SR documents into {@link SrDocument}s. Never throws anything but {@link
 * SrReadException} for bad input; damaged but readable files come back with {@link
 * SrDocument#partial()} set and their problems listed. Implementations are thread-safe.
 */
public interface StructuredReportReader {

  /** A Part 10 file (or a bare data set): any transfer syntax PixelMed reads. */
  SrDocument read(byte[] part10, String source) throws SrReadException;

  /** DICOM JSON (PS3.18 F.2) of one instance, e.g. a WADO-RS metadata entry. */
  SrDocument readJson(InputStream dicomJson, String source) throws SrReadException;

  /**
   * A file: DICOM JSON when {@link #looksLikeDicomJson} (e.g. a WADO-RS metadata answer saved by a
   * viewer), Part 10 otherwise.
   */
  default SrDocument read(Path file) throws SrReadException {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > limits().maxBytes()) {
        throw new SrReadException(
            file + ": " + size + " bytes is more than the " + limits().maxBytes() + " byte limit");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new SrReadException(file + ": cannot read file (" + e.getMessage() + ")", e);
    }
    if (looksLikeDicomJson(bytes)) {
      return readJson(new java.io.ByteArrayInputStream(bytes), file.toString());
    }
    return read(bytes, file.toString());
  }

  /**
   * Whether bytes are DICOM JSON rather than Part 10: no "DICM" at byte 128 and the first non-blank
   * character (after a UTF-8 byte order mark) is '{' or '['. A Part 10 data set starts with a tag,
   * never with those bytes.
   */
  static boolean looksLikeDicomJson(byte[] b) {
    if (b.length > 132 && b[128] == 'D' && b[129] == 'I' && b[130] == 'C' && b[131] == 'M') {
      return false;
    }
    int i = 0;
    if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
      i = 3;
    }
    while (i < b.length
        && i < 64
        && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
      i++;
    }
    return i < b.length && (b[i] == '{' || b[i] == '[');
  }

  ReadLimits limits();

  /** A reader outside OSGi (CLI, tests, other modules' plain Java code). */
  static StructuredReportReader create(ReadLimits limits) {
    return new PixelMedSrReader(limits);
  }

  static StructuredReportReader create() {
    return create(ReadLimits.defaults());
  }
}
