package org.radassist.workstation.internal.viewer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.radassist.workstation.internal.load.DicomImage;

/** The last decoded images by SOP Instance UID (least recently used out); thread-safe. */
final class ImageCache {
  private final Map<String, DicomImage> images;

  ImageCache(int capacity) {
    images =
        new LinkedHashMap<>(capacity, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, DicomImage> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized DicomImage get(String sopInstanceUid) {
    return images.get(sopInstanceUid);
  }

  synchronized void put(String sopInstanceUid, DicomImage image) {
    images.put(sopInstanceUid, image);
  }
}
