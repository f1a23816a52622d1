package org.radassist.workstation.internal.study;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link ChestPhantom} as a CT Image Storage series of DICOM Part 10 files (Explicit VR
 * Little Endian), one file per slice. Stored values are HU + 1024 (12 bits stored, unsigned) with
 * Rescale Intercept -1024, as most scanners write them.
 */
public final class CtSeriesWriter {
  static final String SOURCE_AE = "RADASSIST";
  // not among PixelMed's TagFromName constants
  private static final AttributeTag KVP = new AttributeTag(0x0018, 0x0060);
  private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
  private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss", Locale.ROOT);

  private final DerivedUids uids;
  private final SyntheticPatient patient;

  public CtSeriesWriter(DerivedUids uids, SyntheticPatient patient) {
    this.uids = uids;
    this.patient = patient;
  }

  public String studyInstanceUid(TimePoint timePoint) {
    return uids.uid(timePoint.label() + "/study");
  }

  public CtSeries write(ChestPhantom phantom, TimePoint timePoint, Path directory)
      throws IOException {
    PhantomGeometry g = phantom.geometry();
    String studyUid = studyInstanceUid(timePoint);
    String seriesUid = uids.uid(timePoint.label() + "/ct-series");
    // one frame of reference for both time points: the phantom does not move between exams
    String frameUid = uids.uid("frame-of-reference");
    Files.createDirectories(directory);
    List<String> sopUids = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (int k = 0; k < g.slices(); k++) {
      String sopUid = uids.uid(timePoint.label() + "/ct-image/" + (k + 1));
      Path file = directory.resolve(String.format(Locale.ROOT, "CT%04d.dcm", k + 1));
      try {
        AttributeList list = slice(phantom, timePoint, k, studyUid, seriesUid, frameUid, sopUid);
        FileMetaInformation.addFileMetaInformation(
            list, TransferSyntax.ExplicitVRLittleEndian, SOURCE_AE);
        list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
      } catch (DicomException e) {
        throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
      }
      sopUids.add(sopUid);
      files.add(file);
    }
    ChestPhantom.Nodule n = phantom.nodule();
    return new CtSeries(
        timePoint,
        studyUid,
        seriesUid,
        frameUid,
        sopUids,
        files,
        g.slice(n.z()),
        g.column(n.x()),
        g.row(n.y()),
        n.diameterMm());
  }

  private AttributeList slice(
      ChestPhantom phantom,
      TimePoint tp,
      int k,
      String studyUid,
      String seriesUid,
      String frameUid,
      String sopUid)
      throws DicomException {
    PhantomGeometry g = phantom.geometry();
    AttributeList list = new AttributeList();
    String date = DA.format(tp.studyDate());
    String time = TM.format(tp.studyTime());
    put(list, TagFromName.SpecificCharacterSet, "ISO_IR 100");
    put(list, TagFromName.ImageType, "ORIGINAL", "PRIMARY", "AXIAL");
    put(list, TagFromName.SOPClassUID, SOPClass.CTImageStorage);
    put(list, TagFromName.SOPInstanceUID, sopUid);
    put(list, TagFromName.StudyDate, date);
    put(list, TagFromName.SeriesDate, date);
    put(list, TagFromName.ContentDate, date);
    put(list, TagFromName.StudyTime, time);
    put(list, TagFromName.SeriesTime, time);
    put(list, TagFromName.ContentTime, time);
    put(list, TagFromName.AccessionNumber, tp.accessionNumber());
    put(list, TagFromName.Modality, "CT");
    put(list, TagFromName.Manufacturer, "RadAssist synthetic phantom");
    put(list, TagFromName.InstitutionName, "RadAssist");
    put(list, TagFromName.ReferringPhysicianName, "");
    put(list, TagFromName.StudyDescription, "CT CHEST WITHOUT CONTRAST");
    put(list, TagFromName.SeriesDescription, "Axial 2.5 mm (synthetic phantom)");
    put(list, TagFromName.PatientName, patient.name());
    put(list, TagFromName.PatientID, patient.id());
    put(list, TagFromName.IssuerOfPatientID, patient.issuer());
    put(list, TagFromName.PatientBirthDate, DA.format(patient.birthDate()));
    put(list, TagFromName.PatientSex, patient.sex());
    put(list, TagFromName.BodyPartExamined, "CHEST");
    put(list, TagFromName.SliceThickness, fmt(g.sliceSpacingMm()));
    put(list, KVP, "120");
    put(list, TagFromName.PatientPosition, "HFS");
    put(list, TagFromName.StudyInstanceUID, studyUid);
    put(list, TagFromName.SeriesInstanceUID, seriesUid);
    put(list, TagFromName.StudyID, tp.label().toUpperCase(Locale.ROOT));
    put(list, TagFromName.SeriesNumber, "2");
    put(list, TagFromName.AcquisitionNumber, "1");
    put(list, TagFromName.InstanceNumber, Integer.toString(k + 1));
    put(list, TagFromName.ImagePositionPatient, fmt(g.x(0)), fmt(g.y(0)), fmt(g.z(k)));
    put(list, TagFromName.ImageOrientationPatient, "1", "0", "0", "0", "1", "0");
    put(list, TagFromName.FrameOfReferenceUID, frameUid);
    put(list, TagFromName.PositionReferenceIndicator, "");
    put(list, TagFromName.SliceLocation, fmt(g.z(k)));
    put(list, TagFromName.SamplesPerPixel, "1");
    put(list, TagFromName.PhotometricInterpretation, "MONOCHROME2");
    put(list, TagFromName.Rows, Integer.toString(g.rows()));
    put(list, TagFromName.Columns, Integer.toString(g.columns()));
    put(list, TagFromName.PixelSpacing, fmt(g.pixelSpacingMm()), fmt(g.pixelSpacingMm()));
    put(list, TagFromName.BitsAllocated, "16");
    put(list, TagFromName.BitsStored, "12");
    put(list, TagFromName.HighBit, "11");
    put(list, TagFromName.PixelRepresentation, "0");
    put(list, TagFromName.WindowCenter, "-600", "40");
    put(list, TagFromName.WindowWidth, "1500", "400");
    put(list, TagFromName.WindowCenterWidthExplanation, "LUNG", "MEDIASTINUM");
    put(list, TagFromName.RescaleIntercept, "-1024");
    put(list, TagFromName.RescaleSlope, "1");
    put(list, TagFromName.RescaleType, "HU");
    put(list, TagFromName.BurnedInAnnotation, "NO");
    short[] hu = phantom.slice(k);
    short[] stored = new short[hu.length];
    for (int i = 0; i < hu.length; i++) {
      stored[i] = (short) (hu[i] + 1024);
    }
    Attribute pixels = new OtherWordAttribute(TagFromName.PixelData);
    pixels.setValues(stored);
    list.put(pixels);
    return list;
  }

  static void put(AttributeList list, AttributeTag tag, String... values) throws DicomException {
    Attribute a = list.putNewAttribute(tag);
    for (String v : values) {
      if (!v.isEmpty()) { // an empty Type 2 attribute has no value at all
        a.addValue(v);
      }
    }
  }

  /** Decimal strings without float noise (DS allows 16 characters). */
  static String fmt(double v) {
    String s = String.format(Locale.ROOT, "%.4f", v);
    s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    return "-0".equals(s) ? "0" : s;
  }
}
