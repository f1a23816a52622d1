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
    return read(bytes, file.toString());
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
