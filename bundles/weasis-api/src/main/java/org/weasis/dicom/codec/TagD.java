// Stand-in declaration of
// weasis-dicom/weasis-dicom-codec/src/main/java/org/weasis/dicom/codec/TagD.java
// at nroduit/Weasis tag v4.7.2 (commit d83cf2449b18c3b360ef7c0929455d87ffa4b4cb): same kind, type
// parameters, supertypes and signatures for the members declared here; only the members RadAssist
// uses are declared, with minimal bodies of our own. Compile-only, never shipped: Weasis provides
// the real type at runtime.
package org.weasis.dicom.codec;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.weasis.core.api.media.data.TagReadable;
import org.weasis.core.api.media.data.TagW;

/**
 * DICOM tags. Weasis keys them by the dcm4che keyword of its dictionary; this declaration, without
 * a dictionary, by the tag number (keyword = 8 hex digits).
 */
public class TagD extends TagW {
  private static final Map<Integer, TagD> TAGS = new ConcurrentHashMap<>();

  public TagD(int tagID) {
    super(tagID, String.format("%08X", tagID), TagType.STRING);
  }

  public static TagW get(int tagID) {
    return TAGS.computeIfAbsent(tagID, TagD::new);
  }

  public static Object getTagValue(TagReadable taggable, int tagID) {
    return taggable == null ? null : taggable.getTagValue(get(tagID));
  }

  public static <T> T getTagValue(TagReadable taggable, int tagID, Class<T> type) {
    Object value = getTagValue(taggable, tagID);
    return type.isInstance(value) ? type.cast(value) : null;
  }
}
