// Stand-in declaration of
// weasis-dicom/weasis-dicom-codec/src/main/java/org/weasis/dicom/codec/DicomSeries.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.dicom.codec;

import java.util.List;
import org.weasis.core.api.media.data.Series;
import org.weasis.core.api.media.data.TagW;

/**
 * A DICOM series: its images are its medias; its special elements (SR, KO, PR ...) are in the tag
 * TagW.DicomSpecialElementList. Its MIME type is the special-element factory's for its modality
 * (weasis-dicom-sr's SRElementFactory: "sr/dicom"), else the 2D viewer's "series/dicom".
 */
public class DicomSeries extends Series<DicomImageElement> {
  public DicomSeries(String subseriesInstanceUID) {
    super(TagW.SubseriesInstanceUID, subseriesInstanceUID, null);
  }

  @Override
  public String getMimeType() {
    String modality = TagD.getTagValue(this, 0x00080060, String.class);
    return "SR".equals(modality) ? "sr/dicom" : DicomMediaIO.SERIES_MIMETYPE;
  }

  @SuppressWarnings("unchecked")
  public List<DicomSpecialElement> getAllDicomSpecialElement() {
    Object elements = getTagValue(TagW.DicomSpecialElementList);
    return elements instanceof List<?> list ? (List<DicomSpecialElement>) list : List.of();
  }
}
