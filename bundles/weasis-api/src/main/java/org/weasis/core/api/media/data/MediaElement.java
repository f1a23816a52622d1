// Stand-in declaration of
// weasis-core/src/main/java/org/weasis/core/api/media/data/MediaElement.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.api.media.data;

import java.net.URI;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Map.Entry;

/**
 * One media element: an image frame or a DICOM special element (SR, KO, PR ...), read by its {@link
 * MediaReader} and keyed among that reader's elements (for DICOM images, the frame index from 0).
 */
public class MediaElement implements Taggable {
  protected final Map<TagW, Object> tags;
  protected final MediaReader<? extends MediaElement> mediaIO;
  protected final Object key;

  public <E extends MediaElement> MediaElement(MediaReader<E> mediaIO, Object key) {
    this.mediaIO = mediaIO;
    this.key = key;
    this.tags = new HashMap<>();
  }

  public MediaReader<? extends MediaElement> getMediaReader() {
    return mediaIO;
  }

  @Override
  public void setTag(TagW tag, Object value) {
    if (tag != null) {
      tags.put(tag, value);
    }
  }

  @Override
  public boolean containTagKey(TagW tag) {
    return tags.containsKey(tag);
  }

  @Override
  public Object getTagValue(TagW tag) {
    return tag == null ? null : tags.get(tag);
  }

  @Override
  public void setTagNoNull(TagW tag, Object value) {
    if (value != null) {
      setTag(tag, value);
    }
  }

  @Override
  public Iterator<Entry<TagW, Object>> getTagEntrySetIterator() {
    return Collections.unmodifiableMap(tags).entrySet().iterator();
  }

  /** Where the reader reads the element from (a file or a WADO URI). */
  public URI getMediaURI() {
    return mediaIO == null ? null : mediaIO.getUri();
  }

  public Object getKey() {
    return key;
  }

  public String getMimeType() {
    return null;
  }
}
