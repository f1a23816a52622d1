package org.radassist.workstation.internal.study;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the TID 1500 measurement report of one synthetic time point (the nodule, its diameter, the
 * image it was measured on). Implemented with the SR writer of org.radassist.sr; kept behind this
 * interface so that the images can be generated when no SR writer is in the build.
 */
@FunctionalInterface
public interface MeasurementReportWriter {
  /**
   * Writes the report into {@code directory} and returns its path.
   *
   * @param trackingUid the nodule's Tracking UID, the same at every time point
   */
  Path write(CtSeries series, SyntheticPatient patient, String trackingUid, Path directory)
      throws IOException;
}
