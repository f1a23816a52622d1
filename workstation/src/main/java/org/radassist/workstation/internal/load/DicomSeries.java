package org.radassist.workstation.internal.load;

import java.util.List;
import java.util.Optional;

/** A series of a loaded study, its instances in display order (instance number, then position). */
public record DicomSeries(
    String studyInstanceUid,
    String seriesInstanceUid,
    String modality,
    String description,
    Integer number,
    List<DicomInstance> instances) {
  public DicomSeries {
    instances = List.copyOf(instances);
  }

  /** True when the series has images to show (not an SR or KO document series). */
  public boolean isImageSeries() {
    return instances.stream().anyMatch(DicomInstance::hasPixels);
  }

  public Optional<Integer> indexOf(String sopInstanceUid) {
    for (int i = 0; i < instances.size(); i++) {
      if (instances.get(i).sopInstanceUid().equals(sopInstanceUid)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }
}
