package org.radassist.model;

import java.util.List;

/**
 * A reference to an image, or frames or segments of it, that a finding was made on; the host opens
 * it and may draw the region.
 */
public record ImageReference(
    String studyInstanceUid,
    String seriesInstanceUid,
    String sopClassUid,
    String sopInstanceUid,
    List<Integer> frames,
    List<Integer> segments,
    ImageRegion region) {

  public ImageReference {
    Checks.requireText(sopInstanceUid, "sopInstanceUid");
    frames = Checks.copy(frames, "frames");
    segments = Checks.copy(segments, "segments");
    for (int f : frames) {
      if (f < 1) {
        throw new IllegalArgumentException("frames are numbered from 1, was " + f);
      }
    }
  }

  public static ImageReference of(String sopClassUid, String sopInstanceUid) {
    return new ImageReference(null, null, sopClassUid, sopInstanceUid, List.of(), List.of(), null);
  }

  public ImageReference withRegion(ImageRegion newRegion) {
    return new ImageReference(
        studyInstanceUid,
        seriesInstanceUid,
        sopClassUid,
        sopInstanceUid,
        frames,
        segments,
        newRegion);
  }
}
