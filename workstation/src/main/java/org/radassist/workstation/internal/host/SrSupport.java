package org.radassist.workstation.internal.host;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.radassist.model.files.OwnerOnlyFiles;
import org.radassist.sr.ReportView;
import org.radassist.sr.SrReadException;
import org.radassist.sr.SrWriteException;
import org.radassist.sr.SrWriter;
import org.radassist.sr.StructuredReportReader;

/**
 * The workstation's use of the SR importer: reading findings, writing the AI draft SR. The import
 * of org.radassist.sr is optional: without the bundle both are empty and the run says so.
 */
final class SrSupport {
  private SrSupport() {}

  static Optional<FindingsReader> findingsReader() {
    try {
      StructuredReportReader reader = StructuredReportReader.create();
      return Optional.of(
          file -> {
            try {
              return ReportView.of(reader.read(file)).findings();
            } catch (SrReadException e) {
              throw new java.io.IOException(e.getMessage(), e);
            }
          });
    } catch (NoClassDefFoundError e) {
      return Optional.empty();
    }
  }

  static Optional<DraftSrWriter> draftSrWriter() {
    try {
      SrWriter.Device device = SrWriter.Device.radAssist("0.1.0");
      return Optional.of(
          (draft, study, findings, file) -> {
            try {
              SrWriter.Written written =
                  SrWriter.writeDraft(
                      new SrWriter.Request(
                          study, device, findings, draft, List.of(), null, 9901, Instant.now()));
              OwnerOnlyFiles.write(file, written.bytes()); // an SR of the patient's study
              return file;
            } catch (SrWriteException e) {
              throw new java.io.IOException(e.getMessage(), e);
            }
          });
    } catch (NoClassDefFoundError e) {
      return Optional.empty();
    }
  }
}
