// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.dicom.codec;

import org.weasis.core.api.media.data.ImageElement;

/**
 * One frame of a DICOM image: Weasis builds one element per frame of a multi-frame instance, keyed
 * ({@code getKey()}) by the frame index from 0. Weasis' constructor takes its DicomMediaIO.
 */
public class DicomImageElement extends ImageElement {

  protected DicomImageElement() {}
}
