package org.radassist.workstation.internal.load;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.radassist.model.Sex;
import org.radassist.model.StudyContext;

/**
 * Reads the headers of every DICOM file under a folder (recursively; pixel data is not read) and
 * groups them into studies and series. Slow on big folders: call it off the event thread.
 */
public final class FolderLoader {
  private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

  public LoadedFolder load(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException(root + " is not a folder");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .toList();
    }
    List<String> problems = new ArrayList<>();
    Map<String, AttributeList> studyHeaders = new LinkedHashMap<>();
    Map<String, Map<String, List<DicomInstance>>> byStudy = new LinkedHashMap<>();
    Map<String, AttributeList> seriesHeaders = new LinkedHashMap<>();
    for (Path file : files) {
      AttributeList list = new AttributeList();
      try {
        list.read(file.toFile(), TagFromName.PixelData);
      } catch (IOException | DicomException | RuntimeException e) {
        problems.add(
            root.relativize(file) + ": not a readable DICOM file (" + e.getMessage() + ")");
        continue;
      }
      String study = text(list, TagFromName.StudyInstanceUID);
      String series = text(list, TagFromName.SeriesInstanceUID);
      String sop = text(list, TagFromName.SOPInstanceUID);
      if (study.isEmpty() || series.isEmpty() || sop.isEmpty()) {
        problems.add(root.relativize(file) + ": no study, series or SOP instance UID");
        continue;
      }
      studyHeaders.putIfAbsent(study, list);
      seriesHeaders.putIfAbsent(series, list);
      byStudy
          .computeIfAbsent(study, k -> new LinkedHashMap<>())
          .computeIfAbsent(series, k -> new ArrayList<>())
          .add(
              new DicomInstance(
                  file,
                  study,
                  series,
                  text(list, TagFromName.SOPClassUID),
                  sop,
                  text(list, TagFromName.Modality),
                  integer(list, TagFromName.InstanceNumber, 0),
                  integer(list, TagFromName.NumberOfFrames, 1),
                  decimal(list, TagFromName.SliceLocation),
                  list.get(TagFromName.Rows) != null && list.get(TagFromName.Columns) != null));
    }
    List<DicomStudy> studies = new ArrayList<>();
    byStudy.forEach(
        (studyUid, seriesMap) -> {
          List<DicomSeries> series = new ArrayList<>();
          seriesMap.forEach(
              (seriesUid, instances) -> {
                AttributeList h = seriesHeaders.get(seriesUid);
                List<DicomInstance> sorted = new ArrayList<>(instances);
                sorted.sort(
                    Comparator.comparingInt(DicomInstance::instanceNumber)
                        .thenComparing(i -> -i.sliceLocation()));
                series.add(
                    new DicomSeries(
                        studyUid,
                        seriesUid,
                        text(h, TagFromName.Modality),
                        text(h, TagFromName.SeriesDescription),
                        h.get(TagFromName.SeriesNumber) == null
                            ? null
                            : integer(h, TagFromName.SeriesNumber, 0),
                        sorted));
              });
          // image series first, then documents; by series number
          series.sort(
              Comparator.comparing((DicomSeries s) -> !s.isImageSeries())
                  .thenComparing(s -> s.number() == null ? Integer.MAX_VALUE : s.number()));
          studies.add(new DicomStudy(context(studyHeaders.get(studyUid), series), series));
        });
    return new LoadedFolder(root, studies, problems);
  }

  private static StudyContext context(AttributeList h, List<DicomSeries> series) {
    return new StudyContext(
        text(h, TagFromName.StudyInstanceUID),
        blankToNull(text(h, TagFromName.AccessionNumber)),
        blankToNull(text(h, TagFromName.PatientID)),
        blankToNull(text(h, TagFromName.IssuerOfPatientID)),
        blankToNull(text(h, TagFromName.PatientName)),
        date(h, TagFromName.PatientBirthDate),
        Sex.fromDicom(text(h, TagFromName.PatientSex)),
        series.stream().map(DicomSeries::modality).filter(m -> !m.isEmpty()).distinct().toList(),
        blankToNull(text(h, TagFromName.BodyPartExamined)),
        date(h, TagFromName.StudyDate),
        blankToNull(text(h, TagFromName.StudyDescription)));
  }

  static String text(AttributeList list, AttributeTag tag) {
    return Attribute.getSingleStringValueOrEmptyString(list, tag).trim();
  }

  private static int integer(AttributeList list, AttributeTag tag, int fallback) {
    try {
      return Integer.parseInt(text(list, tag));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static double decimal(AttributeList list, AttributeTag tag) {
    try {
      return Double.parseDouble(text(list, tag));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static LocalDate date(AttributeList list, AttributeTag tag) {
    String s = text(list, tag);
    try {
      return s.length() >= 8 ? LocalDate.parse(s.substring(0, 8), DA) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
