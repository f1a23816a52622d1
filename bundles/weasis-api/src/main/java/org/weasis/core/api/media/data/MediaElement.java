// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.api.media.data;

import java.net.URI;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Map.Entry;

/**
 * One media element (a DICOM instance). Weasis' constructor takes a MediaReader; this declaration
 * has a protected no-argument one instead (the bridge never constructs media elements).
 */
public class MediaElement implements Taggable {
  protected final Map<TagW, Object> tags = new HashMap<>();

  protected MediaElement() {}

  @Override
  public boolean containTagKey(TagW tag) {
    return tags.containsKey(tag);
  }

  @Override
  public Object getTagValue(TagW tag) {
    return tag == null ? null : tags.get(tag);
  }

  @Override
  public Iterator<Entry<TagW, Object>> getTagEntrySetIterator() {
    return Collections.unmodifiableMap(tags).entrySet().iterator();
  }

  @Override
  public void setTag(TagW tag, Object value) {
    if (tag != null) {
      tags.put(tag, value);
    }
  }

  @Override
  public void setTagNoNull(TagW tag, Object value) {
    if (value != null) {
      setTag(tag, value);
    }
  }

  /** Where the reader reads the media from (a file or a WADO URI). */
  public URI getMediaURI() {
    return null;
  }

  /**
   * Identifies the element among those its reader holds: for DICOM, the frame index from 0 of a
   * multi-frame instance. Null here; tests override it.
   */
  public Object getKey() {
    return null;
  }

  public String getMimeType() {
    return null;
  }
}
