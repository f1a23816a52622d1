// Stand-in declaration of
// weasis-core/src/main/java/org/weasis/core/api/media/data/MediaSeriesGroupNode.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.core.api.media.data;

import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Objects;

/** A patient or study node of a data model's tree (a series is a {@link Series}). */
public class MediaSeriesGroupNode implements MediaSeriesGroup {
  private final TagW tagID;
  private final Map<TagW, Object> tags = new HashMap<>();

  public MediaSeriesGroupNode(TagW tagID, Object identifier, TagView displayTag) {
    this.tagID = Objects.requireNonNull(tagID);
    tags.put(tagID, identifier);
  }

  @Override
  public TagW getTagID() {
    return tagID;
  }

  @Override
  public boolean containTagKey(TagW tag) {
    return tags.containsKey(tag);
  }

  @Override
  public boolean matchIdValue(Object valueID) {
    return Objects.equals(tags.get(tagID), valueID);
  }

  @Override
  public void setTag(TagW tag, Object value) {
    if (tag != null) {
      tags.put(tag, value);
    }
  }

  @Override
  public void setTagNoNull(TagW tag, Object value) {
    if (tag != null && value != null) {
      tags.put(tag, value);
    }
  }

  @Override
  public Object getTagValue(TagW tag) {
    return tag == null ? null : tags.get(tag);
  }

  @Override
  public TagW getTagElement(int id) {
    for (TagW t : tags.keySet()) {
      if (t.getId() == id) {
        return t;
      }
    }
    return null;
  }

  @Override
  public Iterator<Entry<TagW, Object>> getTagEntrySetIterator() {
    return Collections.unmodifiableMap(tags).entrySet().iterator();
  }

  @Override
  public void dispose() {}
}
