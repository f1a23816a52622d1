package org.radassist.cli.sr;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.radassist.model.Sex;
import org.radassist.model.StudyContext;
import org.radassist.sr.SrDocument;
import org.radassist.sr.internal.read.Tags;

/**
 * The source study of {@code sr write --study DIR}: identity from its files, their instances as
 * evidence.
 */
record StudyDirectory(StudyContext study, List<SrDocument.EvidenceReference> instances) {
  private static final AttributeTag PIXEL_DATA = new AttributeTag(0x7FE0, 0x0010);
  private static final int MAX_FILES = 10_000;

  static StudyDirectory read(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + ": not a directory");
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir, 4)) {
      files = s.filter(Files::isRegularFile).sorted().limit(MAX_FILES).toList();
    }
    StudyContext study = null;
    List<SrDocument.EvidenceReference> instances = new ArrayList<>();
    for (Path f : files) {
      AttributeList a = new AttributeList();
      try (InputStream in = Files.newInputStream(f);
          DicomInputStream din = new DicomInputStream(new java.io.BufferedInputStream(in))) {
        a.read(din, PIXEL_DATA);
      } catch (Exception | StackOverflowError e) {
        continue; // not DICOM (or not readable): not part of the study
      }
      String studyUid = s(a, Tags.STUDY_INSTANCE_UID);
      String sop = s(a, Tags.SOP_INSTANCE_UID);
      if (studyUid.isEmpty() || sop.isEmpty()) {
        continue;
      }
      if (study == null) {
        study =
            new StudyContext(
                studyUid,
                s(a, Tags.ACCESSION_NUMBER),
                s(a, Tags.PATIENT_ID),
                s(a, Tags.ISSUER_OF_PATIENT_ID),
                s(a, Tags.PATIENT_NAME),
                date(s(a, Tags.PATIENT_BIRTH_DATE)),
                Sex.fromDicom(s(a, Tags.PATIENT_SEX)),
                List.of(s(a, Tags.MODALITY)),
                null,
                date(s(a, Tags.STUDY_DATE)),
                s(a, Tags.STUDY_DESCRIPTION));
      }
      if (studyUid.equals(study.studyInstanceUid())) {
        instances.add(
            new SrDocument.EvidenceReference(
                studyUid, s(a, Tags.SERIES_INSTANCE_UID), s(a, Tags.SOP_CLASS_UID), sop));
      }
    }
    if (study == null) {
      throw new IOException(dir + ": no DICOM instance with a Study Instance UID found");
    }
    return new StudyDirectory(study, instances);
  }

  private static String s(AttributeList a, AttributeTag t) {
    com.pixelmed.dicom.Attribute attr = a.get(t);
    return attr == null ? "" : attr.getSingleStringValueOrEmptyString().trim();
  }

  private static LocalDate date(String da) {
    try {
      return da.length() == 8 ? LocalDate.parse(da, DateTimeFormatter.BASIC_ISO_DATE) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
