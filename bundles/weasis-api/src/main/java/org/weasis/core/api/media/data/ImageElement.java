// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.api.media.data;

/** A media element that is an image (one frame). Weasis' constructor takes a MediaReader. */
public class ImageElement extends MediaElement {

  protected ImageElement() {}
}
