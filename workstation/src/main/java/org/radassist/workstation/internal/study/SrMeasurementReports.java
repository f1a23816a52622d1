package org.radassist.workstation.internal.study;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.radassist.model.AlgorithmIdentification;
import org.radassist.model.CodedConcept;
import org.radassist.model.Finding;
import org.radassist.model.ImageReference;
import org.radassist.model.ImageRegion;
import org.radassist.model.Measurement;
import org.radassist.model.QualitativeEvaluation;
import org.radassist.model.Sex;
import org.radassist.model.StudyContext;
import org.radassist.sr.SrWriteException;
import org.radassist.sr.SrWriter;

/**
 * The synthetic study's TID 1500 measurement reports, written with the SR writer of
 * org.radassist.sr: one pulmonary nodule per time point, its diameter, the image through its centre
 * with a circle around it, a fixed algorithm and the Tracking UID shared across time points. UIDs
 * the writer would make up are replaced by derived ones, so the files are reproducible.
 */
public final class SrMeasurementReports implements MeasurementReportWriter {
  static final CodedConcept PULMONARY_NODULE =
      CodedConcept.of("786838002", "SCT", "Pulmonary nodule");
  static final CodedConcept RIGHT_UPPER_LOBE =
      CodedConcept.of("45653009", "SCT", "Upper lobe of right lung");
  static final CodedConcept RIGHT = CodedConcept.of("24028007", "SCT", "Right");
  static final CodedConcept DIAMETER = CodedConcept.of("81827009", "SCT", "Diameter");
  static final CodedConcept COMPOSITION = CodedConcept.of("RID6037", "RADLEX", "Composition");
  static final CodedConcept SOLID = CodedConcept.of("RID5741", "RADLEX", "Solid");
  static final AlgorithmIdentification ALGORITHM =
      new AlgorithmIdentification("RadAssist Phantom Nodule CAD", "1.0.0", List.of());

  private final DerivedUids uids;

  public SrMeasurementReports() {
    this(new DerivedUids(DefaultStudyGenerator.VERSION));
  }

  SrMeasurementReports(DerivedUids uids) {
    this.uids = uids;
  }

  @Override
  public Path write(CtSeries series, SyntheticPatient patient, String trackingUid, Path directory)
      throws IOException {
    TimePoint tp = series.timePoint();
    StudyContext study =
        new StudyContext(
            series.studyInstanceUid(),
            tp.accessionNumber(),
            patient.id(),
            patient.issuer(),
            patient.name(),
            patient.birthDate(),
            Sex.fromDicom(patient.sex()),
            List.of("CT"),
            "CHEST",
            tp.studyDate(),
            "CT CHEST WITHOUT CONTRAST");
    double radiusPixels = series.noduleDiameterMm() / 2 / PhantomGeometry.DEFAULT.pixelSpacingMm();
    ImageRegion circle =
        new ImageRegion(
            ImageRegion.GraphicType.CIRCLE,
            List.of(
                round(series.noduleColumn()),
                round(series.noduleRow()),
                round(series.noduleColumn() + radiusPixels),
                round(series.noduleRow())),
            false,
            null);
    ImageReference image =
        new ImageReference(
            series.studyInstanceUid(),
            series.seriesInstanceUid(),
            SOPClass.CTImageStorage,
            series.noduleSopInstanceUid(),
            List.of(),
            List.of(),
            circle);
    Finding nodule =
        new Finding(
            "1",
            PULMONARY_NODULE,
            RIGHT_UPPER_LOBE,
            RIGHT,
            trackingUid,
            "Nodule 1",
            List.of(
                new Measurement(
                    DIAMETER,
                    BigDecimal.valueOf(series.noduleDiameterMm()).setScale(1, RoundingMode.HALF_UP),
                    CodedConcept.of("mm", "UCUM", "mm"),
                    List.of())),
            List.of(new QualitativeEvaluation(COMPOSITION, SOLID, null)),
            ALGORITHM,
            tp.label().equals("prior") ? 0.88 : 0.93,
            List.of(image),
            null);
    SrWriter.Device device =
        new SrWriter.Device(
            uids.uid("phantom-cad/device"),
            "RadAssist Phantom Nodule CAD",
            "RadAssist",
            "phantom-cad",
            ALGORITHM);
    SrWriter.Request request =
        new SrWriter.Request(
            study,
            device,
            List.of(nodule),
            null,
            List.of(),
            uids.uid(tp.label() + "/sr-series"),
            100,
            tp.studyDate().atTime(tp.studyTime()).plusMinutes(20).toInstant(ZoneOffset.UTC));
    SrWriter.Written written;
    try {
      written = SrWriter.writeDraft(request);
    } catch (SrWriteException e) {
      throw new IOException("cannot write the measurement report: " + e.getMessage(), e);
    }
    Path file = directory.resolve("SR0001.dcm");
    rewriteWithInstanceUid(written.bytes(), uids.uid(tp.label() + "/sr"), file);
    return file;
  }

  /** The writer makes a random SOP Instance UID; a derived one keeps the file reproducible. */
  private static void rewriteWithInstanceUid(byte[] part10, String sopInstanceUid, Path file)
      throws IOException {
    try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(part10))) {
      AttributeList list = new AttributeList();
      list.read(in);
      list.removeGroupLengthAttributes();
      list.removeMetaInformationHeaderAttributes();
      CtSeriesWriter.put(list, TagFromName.SOPInstanceUID, sopInstanceUid);
      FileMetaInformation.addFileMetaInformation(
          list, TransferSyntax.ExplicitVRLittleEndian, CtSeriesWriter.SOURCE_AE);
      list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
    } catch (DicomException e) {
      throw new IOException("cannot rewrite " + file + ": " + e.getMessage(), e);
    }
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
