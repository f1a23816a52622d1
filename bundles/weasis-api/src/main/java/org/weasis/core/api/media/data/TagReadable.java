// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.api.media.data;

import java.util.Iterator;
import java.util.Map.Entry;

/** Read access to the tags of a node or media element. */
public interface TagReadable {

  boolean containTagKey(TagW tag);

  Object getTagValue(TagW tag);

  Iterator<Entry<TagW, Object>> getTagEntrySetIterator();
}
