package org.radassist.priors.internal.folder;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.radassist.model.Sex;
import org.radassist.model.StudyContext;

/**
 * The studies in a folder of DICOM files (searched recursively), from their headers only: what each
 * study is and which of its files are SR documents. Files that are not DICOM are ignored.
 */
public final class FolderIndex {

  private static final String SR_SOP_CLASS_PREFIX = "1.2.840.10008.5.1.4.1.1.88.";

  /** One study of the folder. */
  public record IndexedStudy(StudyContext study, List<Path> srFiles) {}

  private final Map<String, IndexedStudy> studies;
  private final int filesIgnored;

  private FolderIndex(Map<String, IndexedStudy> studies, int filesIgnored) {
    this.studies = studies;
    this.filesIgnored = filesIgnored;
  }

  public static FolderIndex scan(Path folder) throws IOException {
    Map<String, Builder> builders = new LinkedHashMap<>();
    int ignored = 0;
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      AttributeList header = new AttributeList();
      try {
        header.read(file.toFile(), TagFromName.PixelData);
      } catch (IOException | DicomException | RuntimeException e) {
        ignored++; // not DICOM, or not readable: not part of any study
        continue;
      }
      String studyUid = value(header, TagFromName.StudyInstanceUID);
      if (studyUid == null) {
        ignored++;
        continue;
      }
      Builder b = builders.computeIfAbsent(studyUid, k -> new Builder(studyUid));
      b.add(header, file);
    }
    Map<String, IndexedStudy> studies = new LinkedHashMap<>();
    builders.forEach((uid, b) -> studies.put(uid, b.build()));
    return new FolderIndex(studies, ignored);
  }

  public IndexedStudy study(String studyInstanceUid) {
    return studies.get(studyInstanceUid);
  }

  /** Every study of the same patient (PatientID, and issuer when both have one). */
  public List<StudyContext> studiesOfPatient(StudyContext current) {
    List<StudyContext> out = new ArrayList<>();
    for (IndexedStudy s : studies.values()) {
      StudyContext c = s.study();
      if (current.patientId() != null
          && current.patientId().equals(c.patientId())
          && (current.issuerOfPatientId() == null
              || c.issuerOfPatientId() == null
              || current.issuerOfPatientId().equals(c.issuerOfPatientId()))) {
        out.add(c);
      }
    }
    return out;
  }

  public int studyCount() {
    return studies.size();
  }

  public int filesIgnored() {
    return filesIgnored;
  }

  private static final class Builder {
    final String studyUid;
    AttributeList first;
    String bodyPart;
    final Set<String> modalities = new LinkedHashSet<>();
    final List<Path> srFiles = new ArrayList<>();

    Builder(String studyUid) {
      this.studyUid = studyUid;
    }

    void add(AttributeList header, Path file) {
      String modality = value(header, TagFromName.Modality);
      String sopClass = value(header, TagFromName.SOPClassUID);
      boolean sr =
          "SR".equals(modality) || (sopClass != null && sopClass.startsWith(SR_SOP_CLASS_PREFIX));
      if (sr) {
        srFiles.add(file);
      } else if (bodyPart == null) {
        bodyPart = value(header, TagFromName.BodyPartExamined);
      }
      if (modality != null) {
        modalities.add(modality);
      }
      // image headers describe the study better than an SR written later
      if (first == null || (!sr && isSr(first))) {
        first = header;
      }
    }

    private static boolean isSr(AttributeList header) {
      String sopClass = value(header, TagFromName.SOPClassUID);
      return sopClass != null && sopClass.startsWith(SR_SOP_CLASS_PREFIX);
    }

    IndexedStudy build() {
      String sex = value(first, TagFromName.PatientSex);
      StudyContext study =
          new StudyContext(
              studyUid,
              value(first, TagFromName.AccessionNumber),
              value(first, TagFromName.PatientID),
              value(first, TagFromName.IssuerOfPatientID),
              value(first, TagFromName.PatientName),
              date(value(first, TagFromName.PatientBirthDate)),
              "F".equals(sex) ? Sex.F : "M".equals(sex) ? Sex.M : Sex.UNKNOWN,
              List.copyOf(modalities),
              bodyPart,
              date(value(first, TagFromName.StudyDate)),
              value(first, TagFromName.StudyDescription));
      return new IndexedStudy(study, List.copyOf(srFiles));
    }
  }

  static String value(AttributeList list, com.pixelmed.dicom.AttributeTag tag) {
    String v = Attribute.getSingleStringValueOrNull(list, tag);
    return v == null || v.isBlank() ? null : v.trim();
  }

  static LocalDate date(String dicomDate) {
    if (dicomDate == null || dicomDate.length() < 8) {
      return null;
    }
    try {
      return LocalDate.parse(dicomDate.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
