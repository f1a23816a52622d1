package org.radassist.sr.internal.read;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.radassist.sr.Problem;
import org.radassist.sr.ReadLimits;
import org.radassist.sr.SrDocument;
import org.radassist.sr.SrReadException;
import org.radassist.sr.StructuredReportReader;

/**
 * The reader: a structure scan (depth, truncation), the AttributeList (parsed directly for plain
 * Explicit VR Little Endian files, by PixelMed otherwise), then our own iterative walk of the
 * content tree.
 */
public final class PixelMedSrReader implements StructuredReportReader {

  private final ReadLimits limits;
  private final ContentTreeBuilder builder;

  public PixelMedSrReader(ReadLimits limits) {
    this.limits = limits;
    this.builder = new ContentTreeBuilder(limits);
  }

  @Override
  public ReadLimits limits() {
    return limits;
  }

  @Override
  public SrDocument read(byte[] part10, String source) throws SrReadException {
    if (part10.length > limits.maxBytes()) {
      throw new SrReadException(
          source
              + ": "
              + part10.length
              + " bytes is more than the "
              + limits.maxBytes()
              + " limit");
    }
    if (part10.length < 8) {
      throw new SrReadException(source + ": not a DICOM file (" + part10.length + " bytes)");
    }
    // each content level costs two sequence levels (Content Sequence + code sequences inside)
    int maxSequenceDepth = limits.maxDepth() * 2 + 16;
    StructureScanner.Result scan =
        StructureScanner.scan(part10, maxSequenceDepth, limits.maxBytes(), limits.maxItems());
    if (scan.fatal() != null) {
      throw new SrReadException(source + ": " + scan.fatal() + "; not read");
    }
    List<Problem> problems = new ArrayList<>();
    if (scan.truncation() != null) {
      problems.add(Problem.error("", scan.truncation()));
    }
    // the plain, intact case without PixelMed's parse (see DirectPart10Parser: PixelMed's
    // unconditional trace strings dominate large files); everything else as before
    AttributeList direct =
        scan.truncation() == null ? DirectPart10Parser.parse(part10, scan.transferSyntax()) : null;
    if (direct != null) {
      return checkAndBuild(direct, source, problems);
    }
    AttributeList list = new AttributeList();
    try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(part10))) {
      list.read(in);
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      if (list.isEmpty()) {
        throw new SrReadException(source + ": not readable as DICOM (" + reason(e) + ")");
      }
      if (scan.truncation() == null) {
        problems.add(Problem.error("", "parsing stopped early: " + reason(e)));
      }
    }
    return checkAndBuild(list, source, problems);
  }

  @Override
  public SrDocument readJson(InputStream dicomJson, String source) throws SrReadException {
    AttributeList list;
    try {
      list = new DicomJsonReader(limits.maxDepth() * 2 + 16).read(dicomJson);
    } catch (Exception | StackOverflowError e) {
      throw new SrReadException(source + ": not readable as DICOM JSON (" + reason(e) + ")");
    }
    return checkAndBuild(list, source, new ArrayList<>());
  }

  SrDocument checkAndBuild(AttributeList list, String source, List<Problem> problems)
      throws SrReadException {
    if (list.get(Tags.SOP_CLASS_UID) == null
        && list.get(Tags.CONTENT_SEQUENCE) == null
        && list.get(Tags.VALUE_TYPE) == null) {
      throw new SrReadException(
          source + ": not a DICOM SR (no SOP Class UID, no Value Type, no Content Sequence)");
    }
    if (list.get(Tags.CONTENT_SEQUENCE) == null && list.get(Tags.VALUE_TYPE) == null) {
      String cls = ContentTreeBuilder.str(list, Tags.SOP_CLASS_UID);
      throw new SrReadException(
          source + ": not a structured report (SOP Class " + cls + ", no content tree)");
    }
    try {
      return builder.build(list, source, problems);
    } catch (RuntimeException | StackOverflowError e) {
      throw new SrReadException(source + ": content tree unreadable (" + reason(e) + ")", e);
    }
  }

  private static String reason(Throwable e) {
    String m = e.getMessage();
    String name = e.getClass().getSimpleName();
    return m == null || m.isBlank() ? name : name + ": " + m.lines().findFirst().orElse(m);
  }
}
