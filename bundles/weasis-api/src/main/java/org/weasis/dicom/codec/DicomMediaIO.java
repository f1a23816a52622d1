// Stand-in declaration of
// weasis-dicom/weasis-dicom-codec/src/main/java/org/weasis/dicom/codec/DicomMediaIO.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.dicom.codec;

import java.net.URI;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Map.Entry;
import org.weasis.core.api.media.data.MediaSeries;
import org.weasis.core.api.media.data.TagW;

/** Weasis' reader of one DICOM file (only what RadAssist and its tests need). */
public class DicomMediaIO implements DcmMediaReader {
  /** The MIME type of series Weasis' 2D viewer shows. */
  public static final String SERIES_MIMETYPE = "series/dicom";

  private final URI uri;
  private final Map<TagW, Object> tags = new HashMap<>();

  public DicomMediaIO(URI uri) {
    this.uri = uri;
  }

  @Override
  public URI getUri() {
    return uri;
  }

  @Override
  public MediaSeries<DicomImageElement> getMediaSeries() {
    return null;
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
}
