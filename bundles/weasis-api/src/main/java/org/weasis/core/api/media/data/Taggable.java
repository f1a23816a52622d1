// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.api.media.data;

/** Read and write access to tags. */
public interface Taggable extends TagReadable {

  void setTag(TagW tag, Object value);

  void setTagNoNull(TagW tag, Object value);
}
