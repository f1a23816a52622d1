package org.radassist.workstation.internal.study;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The workstation's default study as written on disk: the same patient at two time points, each
 * with its CT series and, when an SR writer is available, a TID 1500 measurement report.
 *
 * @param root the folder holding both examinations (the "local PACS" of the default study)
 * @param trackingUid the nodule's TID 1500 Tracking UID, shared by both reports
 */
public record DefaultStudy(
    Path root, CtSeries prior, CtSeries current, String trackingUid, List<Path> reports) {
  public DefaultStudy {
    reports = List.copyOf(reports);
  }

  /** The measurement report of a time point, if one was written. */
  public Optional<Path> reportOf(CtSeries series) {
    return reports.stream()
        .filter(p -> p.startsWith(root.resolve(series.timePoint().label())))
        .findFirst();
  }
}
