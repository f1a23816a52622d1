package org.radassist.weasis.bridge.internal.context;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Finds the element a reference points to among a series' elements. Viewers that split multi-frame
 * instances into one element per frame (Weasis does) give every frame the same SOP Instance UID and
 * tell frames apart by a key: the frame index from 0. An element whose key is not a number holds a
 * single frame (frame 1).
 */
public final class ImageLocator {
  private ImageLocator() {}

  /**
   * The index in {@code elements} of the element of {@code sopInstanceUid} showing {@code frame}
   * (numbered from 1; null for "the instance, whatever frame": its first element).
   *
   * @param sopOf the element's SOP Instance UID
   * @param keyOf the element's key (a frame index from 0 for frames of a multi-frame instance)
   */
  public static <M> OptionalInt indexOf(
      List<M> elements,
      Function<M, String> sopOf,
      Function<M, Object> keyOf,
      String sopInstanceUid,
      Integer frame) {
    Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
    for (int i = 0; i < elements.size(); i++) {
      M element = elements.get(i);
      if (!sopInstanceUid.equals(sopOf.apply(element))) {
        continue;
      }
      if (frame == null || frameOf(keyOf.apply(element)) == frame) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  /** The frame number (from 1) an element with this key shows. */
  public static int frameOf(Object key) {
    return key instanceof Number n ? n.intValue() + 1 : 1;
  }
}
