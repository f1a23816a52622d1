package org.radassist.sr;

import java.time.Instant;
import java.util.List;
import org.radassist.model.AlgorithmIdentification;
import org.radassist.model.DraftReport;
import org.radassist.model.Finding;
import org.radassist.model.StudyContext;
import org.radassist.sr.internal.write.MeasurementReportWriter;

/**
 * Writes AI results as a Comprehensive SR rooted in TID 1500 (Imaging Measurement Report): one
 * measurement group per {@link Finding} (tracking identifier and UID, finding, site, laterality,
 * measurements, qualitative evaluations, TID 4019 algorithm, image regions), the draft's sections
 * as text, a device observer context, ISO_IR 192, evidence sequences, and a new series in the
 * source study. Drafts are PRELIMINARY / PARTIAL / UNVERIFIED; {@link #verify} makes the VERIFIED
 * version after sign-off. Every SR written passes dcmtk's dsrdump and reads back into equal
 * findings.
 */
public interface SrWriter {
  /**
   * The AI device that made the content (the device observer, PS3.16 TID 1004).
   *
   * @param observerUid Device Observer UID; null for a new one
   */
  public record Device(
      String observerUid,
      String name,
      String manufacturer,
      String modelName,
      AlgorithmIdentification algorithm) {
    public static Device radAssist(String version) {
      return new Device(
          null,
          "RadAssist",
          "RadAssist",
          "radassist-sr",
          new AlgorithmIdentification("RadAssist", version, List.of()));
    }
  }

  /**
   * What to write.
   *
   * @param draft the AI draft whose sections become text items; may be null (findings only)
   * @param evidence instances the report is about, beyond those its findings reference
   * @param seriesInstanceUid the SR series; null for a new series
   * @param created content date/time (UTC)
   */
  public record Request(
      StudyContext study,
      Device device,
      List<Finding> findings,
      DraftReport draft,
      List<SrDocument.EvidenceReference> evidence,
      String seriesInstanceUid,
      int seriesNumber,
      Instant created) {
    public Request {
      findings = List.copyOf(findings);
      evidence = List.copyOf(evidence);
    }

    /** Findings for a study, with defaults for everything else. */
    public static Request of(StudyContext study, List<Finding> findings) {
      return new Request(
          study, Device.radAssist("0.1.0"), findings, null, List.of(), null, 9901, Instant.now());
    }
  }

  /** The encoded Part 10 file and the identifiers it was given. */
  public record Written(
      byte[] bytes, String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid) {}

  /** The verifying observer of a signed report. */
  public record Verifier(String name, String organization) {}

  /** The draft as PRELIMINARY, PARTIAL, UNVERIFIED Comprehensive (3D when needed) SR. */
  static Written writeDraft(Request request) throws SrWriteException {
    return MeasurementReportWriter.draft(request);
  }

  /**
   * The signed version of a written draft: same content, a new instance in the same series,
   * COMPLETE / VERIFIED / FINAL, the verifying observer, and the draft as predecessor document.
   */
  static Written verify(byte[] draft, Verifier verifier, Instant signedAt) throws SrWriteException {
    return MeasurementReportWriter.verify(draft, verifier, signedAt);
  }

  /** A fresh UID under the 2.25 (UUID) root. */
  static String newUid() {
    return MeasurementReportWriter.newUid();
  }
}
