// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.dicom.codec;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.weasis.core.api.media.data.TagReadable;
import org.weasis.core.api.media.data.TagW;

/**
 * DICOM tags. Weasis keys them by the dcm4che keyword read from its dictionary; this declaration
 * keys them by the tag number (keyword = 8 hex digits).
 */
public class TagD extends TagW {
  private static final Map<Integer, TagD> TAGS = new ConcurrentHashMap<>();

  public TagD(int tagID) {
    super(tagID, String.format("%08X", tagID));
  }

  public static TagW get(int tagID) {
    return TAGS.computeIfAbsent(tagID, TagD::new);
  }

  public static Object getTagValue(TagReadable tagable, int tagID) {
    return tagable == null ? null : tagable.getTagValue(get(tagID));
  }

  public static <T> T getTagValue(TagReadable tagable, int tagID, Class<T> type) {
    Object value = getTagValue(tagable, tagID);
    return type.isInstance(value) ? type.cast(value) : null;
  }
}
