// Stand-in declaration of
// weasis-dicom/weasis-dicom-codec/src/main/java/org/weasis/dicom/codec/DicomSpecialElement.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.dicom.codec;

import org.weasis.core.api.media.data.MediaElement;

/**
 * A DICOM instance that is not an image (SR, KO, PR, RT ...). Weasis keeps these out of the series'
 * media list, in the series tag TagW.DicomSpecialElementList (DicomModel.getSpecialElements,
 * DicomSeries.getAllDicomSpecialElement). The SR element (SRSpecialElement of weasis-dicom-sr) is a
 * subclass in a package that bundle does not export.
 */
public class DicomSpecialElement extends MediaElement implements DicomElement {
  public DicomSpecialElement(DicomMediaIO mediaIO) {
    super(mediaIO, null);
  }

  @Override
  public DicomMediaIO getMediaReader() {
    return (DicomMediaIO) super.getMediaReader();
  }
}
