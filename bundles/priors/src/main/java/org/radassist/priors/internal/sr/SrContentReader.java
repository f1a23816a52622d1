package org.radassist.priors.internal.sr;

/** Reads the findings and the report text out of one DICOM SR instance (Part 10 bytes). */
@FunctionalInterface
public interface SrContentReader {
  SrContent read(byte[] part10, String source) throws UnreadableDocumentException;
}
