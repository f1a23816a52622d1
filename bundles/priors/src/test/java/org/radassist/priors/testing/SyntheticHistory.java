package org.radassist.priors.testing;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.CodedSequenceItem;
import com.pixelmed.dicom.ContentItem;
import com.pixelmed.dicom.ContentItemFactory;
import com.pixelmed.dicom.DateAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.IntegerStringAttribute;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.PersonNameAttribute;
import com.pixelmed.dicom.ShortStringAttribute;
import com.pixelmed.dicom.StructuredReport;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TimeAttribute;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.radassist.model.CodedConcept;
import org.radassist.model.Finding;
import org.radassist.model.ImageReference;
import org.radassist.model.ImageRegion;
import org.radassist.model.Measurement;
import org.radassist.model.Sex;
import org.radassist.model.StudyContext;
import org.radassist.sr.SrWriteException;
import org.radassist.sr.SrWriter;

/**
 * Writes a synthetic imaging history of one test patient into a temporary folder: real CT / MR
 * images from the shared data, re-identified (new patient, new UIDs, new dates), each study with a
 * TID 1500 measurement report written by the RadAssist SR writer ({@link SrWriter}), and optionally
 * a Basic Text SR report (built with PixelMed's ContentItemFactory: the SR writer writes TID 1500
 * only) and an SR that does not parse.
 */
public final class SyntheticHistory {
  private static final CodedConcept NODULE = Lesions.NODULE;
  private static final CodedConcept LONG_AXIS = Lesions.LONG_AXIS;
  private static final CodedConcept SHORT_AXIS = Lesions.SHORT_AXIS;

  public static final String PATIENT_ID = "RA-PRIORS-0001";
  public static final String ISSUER = "RADASSIST-TEST";
  private static final String COMPREHENSIVE_3D_SR = "1.2.840.10008.5.1.4.1.1.88.34";
  private static final String BASIC_TEXT_SR = "1.2.840.10008.5.1.4.1.1.88.11";

  /** One measured nodule: long and short axis in {@code unit}, centre in patient coordinates. */
  public record Nodule(
      String trackingUid,
      String trackingIdentifier,
      CodedConcept site,
      String longAxis,
      String shortAxis,
      String unit,
      double x,
      double y,
      double z) {}

  /**
   * One study: which shared image it is made from, its date and description, its nodules, and
   * optional report text and a broken SR.
   */
  public record StudySpec(
      String image,
      LocalDate date,
      String modality,
      String bodyPart,
      String description,
      List<Nodule> nodules,
      String reportText,
      boolean withBrokenSr) {}

  /** A study as written: its UID and files. */
  public record WrittenStudy(String studyInstanceUid, LocalDate date, List<Path> files) {}

  private SyntheticHistory() {}

  public static String newUid() {
    UUID u = UUID.randomUUID();
    ByteBuffer b = ByteBuffer.allocate(17);
    b.put((byte) 0).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
    return "2.25." + new BigInteger(b.array());
  }

  public static List<WrittenStudy> write(Path folder, List<StudySpec> studies)
      throws IOException, DicomException {
    return write(folder, studies, 1);
  }

  /**
   * As {@link #write(Path, List)}, spreading each study's nodules over {@code reportsPerStudy}
   * measurement reports (round robin), as when several algorithms report on one study.
   */
  public static List<WrittenStudy> write(Path folder, List<StudySpec> studies, int reportsPerStudy)
      throws IOException, DicomException {
    Files.createDirectories(folder);
    List<WrittenStudy> out = new ArrayList<>();
    int n = 0;
    for (StudySpec spec : studies) {
      n++;
      String studyUid = newUid();
      Path dir = folder.resolve("study" + n);
      Files.createDirectories(dir);
      List<Path> files = new ArrayList<>();
      AttributeList image = reidentifiedImage(spec, studyUid, n);
      Path imageFile = dir.resolve("image.dcm");
      writePart10(image, imageFile);
      files.add(imageFile);
      String imageSop = Attribute.getSingleStringValueOrNull(image, TagFromName.SOPInstanceUID);
      String imageClass = Attribute.getSingleStringValueOrNull(image, TagFromName.SOPClassUID);
      String frameOfReference =
          Attribute.getSingleStringValueOrDefault(image, TagFromName.FrameOfReferenceUID, newUid());
      String imageSeries =
          Attribute.getSingleStringValueOrNull(image, TagFromName.SeriesInstanceUID);
      for (int k = 0; k < reportsPerStudy; k++) {
        List<Nodule> share = new ArrayList<>();
        for (int i = k; i < spec.nodules().size(); i += reportsPerStudy) {
          share.add(spec.nodules().get(i));
        }
        if (share.isEmpty()) {
          continue;
        }
        Path sr = dir.resolve("measurements-" + (k + 1) + ".dcm");
        try {
          Files.write(
              sr,
              measurementReport(
                  spec, share, studyUid, n, imageSeries, imageClass, imageSop, frameOfReference));
        } catch (SrWriteException e) {
          throw new IOException("the SR writer refused the test findings: " + e.getMessage(), e);
        }
        files.add(sr);
      }
      if (spec.reportText() != null) {
        Path report = dir.resolve("report.dcm");
        writePart10(textReport(spec, studyUid, n), report);
        files.add(report);
      }
      if (spec.withBrokenSr()) {
        Path broken = dir.resolve("broken-sr.dcm");
        writePart10(brokenReport(spec, studyUid, n), broken);
        files.add(broken);
      }
      out.add(new WrittenStudy(studyUid, spec.date(), files));
    }
    return out;
  }

  private static AttributeList reidentifiedImage(StudySpec spec, String studyUid, int n)
      throws IOException, DicomException {
    AttributeList list = new AttributeList();
    list.read(SharedData.dicom("img/" + spec.image()).toFile());
    list.removeGroupLengthAttributes();
    list.removeMetaInformationHeaderAttributes();
    list.removePrivateAttributes();
    for (AttributeTag tag :
        new AttributeTag[] {
          TagFromName.OtherPatientIDs,
          TagFromName.PatientAddress,
          TagFromName.InstitutionName,
          TagFromName.ReferringPhysicianName,
          TagFromName.OperatorsName,
          TagFromName.PerformingPhysicianName,
          TagFromName.StationName,
          TagFromName.DeviceSerialNumber
        }) {
      list.remove(tag);
    }
    header(list, spec, studyUid, n);
    put(list, new CodeStringAttribute(TagFromName.Modality), spec.modality());
    put(list, new UniqueIdentifierAttribute(TagFromName.SeriesInstanceUID), newUid());
    put(list, new UniqueIdentifierAttribute(TagFromName.SOPInstanceUID), newUid());
    put(list, new UniqueIdentifierAttribute(TagFromName.FrameOfReferenceUID), newUid());
    put(list, new IntegerStringAttribute(TagFromName.SeriesNumber), "1");
    put(list, new IntegerStringAttribute(TagFromName.InstanceNumber), "1");
    if (spec.bodyPart() != null) {
      put(list, new CodeStringAttribute(TagFromName.BodyPartExamined), spec.bodyPart());
    }
    put(list, new DateAttribute(TagFromName.SeriesDate), date(spec.date()));
    put(list, new DateAttribute(TagFromName.ContentDate), date(spec.date()));
    put(list, new DateAttribute(TagFromName.AcquisitionDate), date(spec.date()));
    return list;
  }

  /** Patient and study attributes shared by every instance of the study. */
  private static void header(AttributeList list, StudySpec spec, String studyUid, int n)
      throws DicomException {
    put(list, new PersonNameAttribute(TagFromName.PatientName), "PRIORS^TEST");
    put(list, new LongStringAttribute(TagFromName.PatientID), PATIENT_ID);
    put(list, new LongStringAttribute(TagFromName.IssuerOfPatientID), ISSUER);
    put(list, new DateAttribute(TagFromName.PatientBirthDate), "19580312");
    put(list, new CodeStringAttribute(TagFromName.PatientSex), "F");
    put(list, new UniqueIdentifierAttribute(TagFromName.StudyInstanceUID), studyUid);
    put(list, new DateAttribute(TagFromName.StudyDate), date(spec.date()));
    put(list, new TimeAttribute(TagFromName.StudyTime), "093000");
    put(list, new ShortStringAttribute(TagFromName.AccessionNumber), "RAP" + (1000 + n));
    put(list, new ShortStringAttribute(TagFromName.StudyID), Integer.toString(n));
    put(list, new LongStringAttribute(TagFromName.StudyDescription), spec.description());
    put(list, new PersonNameAttribute(TagFromName.ReferringPhysicianName), "");
  }

  /** The TID 1500 measurement report, written by the RadAssist SR writer. */
  private static byte[] measurementReport(
      StudySpec spec,
      List<Nodule> nodules,
      String studyUid,
      int n,
      String imageSeries,
      String imageClass,
      String imageSop,
      String frameOfReference)
      throws SrWriteException {
    StudyContext study =
        new StudyContext(
            studyUid,
            "RAP" + (1000 + n),
            PATIENT_ID,
            ISSUER,
            "PRIORS^TEST",
            LocalDate.of(1958, 3, 12),
            Sex.F,
            List.of(spec.modality()),
            spec.bodyPart(),
            spec.date(),
            spec.description());
    List<Finding> findings = new ArrayList<>();
    for (Nodule nodule : nodules) {
      ImageRegion centre =
          new ImageRegion(
              ImageRegion.GraphicType.POINT,
              List.of(nodule.x(), nodule.y(), nodule.z()),
              true,
              frameOfReference);
      findings.add(
          new Finding(
              nodule.trackingIdentifier().replace(' ', '-'),
              NODULE,
              nodule.site(),
              null,
              nodule.trackingUid(),
              nodule.trackingIdentifier(),
              List.of(
                  Measurement.of(LONG_AXIS, nodule.longAxis(), nodule.unit()),
                  Measurement.of(SHORT_AXIS, nodule.shortAxis(), nodule.unit())),
              List.of(),
              null,
              null,
              List.of(
                  new ImageReference(
                      studyUid, imageSeries, imageClass, imageSop, List.of(), List.of(), centre)),
              null));
    }
    SrWriter.Request request =
        new SrWriter.Request(
            study,
            SrWriter.Device.radAssist("0.1.0"),
            findings,
            null,
            List.of(),
            null,
            90,
            spec.date().atTime(10, 15).toInstant(ZoneOffset.UTC));
    return SrWriter.writeDraft(request).bytes();
  }

  private static AttributeList textReport(StudySpec spec, String studyUid, int n)
      throws DicomException {
    ContentItemFactory f = new ContentItemFactory();
    ContentItem root =
        f.makeContainerContentItem(
            null, null, code("18748-4", "LN", "Diagnostic Imaging Report"), true);
    String[] parts = spec.reportText().split("\n", 2);
    ContentItem findings =
        f.makeContainerContentItem(root, "CONTAINS", code("121070", "DCM", "Findings"));
    f.makeTextContentItem(findings, "CONTAINS", code("121071", "DCM", "Finding"), parts[0]);
    if (parts.length > 1) {
      ContentItem impressions =
          f.makeContainerContentItem(root, "CONTAINS", code("121072", "DCM", "Impressions"));
      f.makeTextContentItem(impressions, "CONTAINS", code("121073", "DCM", "Impression"), parts[1]);
    }
    AttributeList list = new StructuredReport(root).getAttributeList();
    srHeader(list, spec, studyUid, n, BASIC_TEXT_SR, 91);
    return list;
  }

  /** An SR header with no content tree at all: valid DICOM for the PACS, no document for us. */
  private static AttributeList brokenReport(StudySpec spec, String studyUid, int n)
      throws DicomException {
    AttributeList list = new AttributeList();
    srHeader(list, spec, studyUid, n, COMPREHENSIVE_3D_SR, 92);
    return list;
  }

  private static void srHeader(
      AttributeList list, StudySpec spec, String studyUid, int n, String sopClass, int seriesNumber)
      throws DicomException {
    header(list, spec, studyUid, n);
    put(list, new UniqueIdentifierAttribute(TagFromName.SOPClassUID), sopClass);
    put(list, new UniqueIdentifierAttribute(TagFromName.SOPInstanceUID), newUid());
    put(list, new UniqueIdentifierAttribute(TagFromName.SeriesInstanceUID), newUid());
    put(list, new CodeStringAttribute(TagFromName.Modality), "SR");
    put(list, new IntegerStringAttribute(TagFromName.SeriesNumber), Integer.toString(seriesNumber));
    put(list, new IntegerStringAttribute(TagFromName.InstanceNumber), "1");
    put(list, new DateAttribute(TagFromName.ContentDate), date(spec.date()));
    put(list, new TimeAttribute(TagFromName.ContentTime), "101500");
    put(list, new LongStringAttribute(TagFromName.Manufacturer), "RadAssist test");
    put(list, new CodeStringAttribute(TagFromName.CompletionFlag), "COMPLETE");
    put(list, new CodeStringAttribute(TagFromName.VerificationFlag), "UNVERIFIED");
  }

  private static void writePart10(AttributeList list, Path file)
      throws IOException, DicomException {
    list.removeMetaInformationHeaderAttributes();
    FileMetaInformation.addFileMetaInformation(
        list, TransferSyntax.ExplicitVRLittleEndian, "RADASSIST");
    list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
  }

  private static void put(AttributeList list, Attribute attribute, String value)
      throws DicomException {
    attribute.addValue(value);
    list.put(attribute);
  }

  private static CodedSequenceItem code(String value, String scheme, String meaning)
      throws DicomException {
    return new CodedSequenceItem(value, scheme, meaning);
  }

  private static String date(LocalDate date) {
    return date.format(DateTimeFormatter.BASIC_ISO_DATE);
  }
}
