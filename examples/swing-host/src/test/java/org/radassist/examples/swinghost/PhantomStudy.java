package org.radassist.examples.swinghost;

import java.nio.file.Path;
import java.util.Optional;
import org.radassist.workstation.internal.study.DefaultStudyGenerator;
import org.radassist.workstation.internal.study.SrMeasurementReports;

/**
 * The workstation's generated phantom study (chest CT at two time points, a right upper lobe nodule
 * growing from 6.0 to 8.2 mm, each with its TID 1500 AI result), written into a test folder. Test
 * code only: the host under test reads it as any DICOM folder.
 */
final class PhantomStudy {
  private PhantomStudy() {}

  static Path write(Path folder) throws Exception {
    new DefaultStudyGenerator(Optional.of(new SrMeasurementReports())).generate(folder);
    return folder;
  }
}
