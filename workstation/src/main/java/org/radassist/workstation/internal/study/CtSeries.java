package org.radassist.workstation.internal.study;

import java.nio.file.Path;
import java.util.List;

/**
 * A written CT series of one time point: its UIDs, the files in slice order, and where the nodule
 * is (the instance through its centre and the centre in pixel coordinates).
 */
public record CtSeries(
    TimePoint timePoint,
    String studyInstanceUid,
    String seriesInstanceUid,
    String frameOfReferenceUid,
    List<String> sopInstanceUids,
    List<Path> files,
    int noduleSlice,
    double noduleColumn,
    double noduleRow,
    double noduleDiameterMm) {
  public CtSeries {
    sopInstanceUids = List.copyOf(sopInstanceUids);
    files = List.copyOf(files);
  }

  /** The instance through the nodule's centre. */
  public String noduleSopInstanceUid() {
    return sopInstanceUids.get(noduleSlice);
  }
}
