package org.radassist.examples.swinghost;

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
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.radassist.host.LoadedInstance;
import org.radassist.host.SeriesContext;
import org.radassist.model.Sex;
import org.radassist.model.StudyContext;

/**
 * A folder of DICOM files as the viewer's model: what the host answers RadAssist from. This is the
 * host-side mapping a port writes once (the Weasis bridge's {@code StudyContextMapper} does the
 * same over Weasis' tree): patient attributes from the patient level, accession and date from the
 * study, modality from the series; empty attributes become {@code null}. It uses PixelMed for the
 * headers and RadAssist's exported records only. Immutable: built on any thread, then read from any
 * thread.
 *
 * @param studies newest first
 * @param problems one line per file that was skipped, naming it and the reason
 */
public record DicomFolder(Path root, List<Study> studies, List<String> problems) {

  /** One instance with what the viewer needs to show it. */
  public record Instance(
      LoadedInstance loaded, Path file, int instanceNumber, int rows, int columns) {}

  /** One series, instances by instance number. */
  public record Series(SeriesContext context, List<Instance> instances) {}

  /** One study with its series, SR series included. */
  public record Study(StudyContext context, List<Series> series) {
    public Stream<Instance> instances() {
      return series.stream().flatMap(s -> s.instances().stream());
    }

    /** The first series that holds images (not SR / KO / PR). */
    public Optional<Series> firstImageSeries() {
      return series.stream()
          .filter(s -> s.instances().stream().noneMatch(i -> i.loaded().isStructuredReport()))
          .filter(s -> !"PR".equals(s.context().modality()))
          .findFirst();
    }
  }

  public DicomFolder {
    studies = List.copyOf(studies);
    problems = List.copyOf(problems);
  }

  /**
   * Reads the headers of every file under {@code root} (recursively). Files that are not DICOM, or
   * lack a study / series / SOP instance UID, are skipped with a problem line.
   *
   * @throws IOException when {@code root} is not a readable folder (the message names it)
   */
  public static DicomFolder load(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException(root + ": not a folder of DICOM files");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    List<String> problems = new ArrayList<>();
    Map<String, AttributeList> firstOfStudy = new LinkedHashMap<>();
    Map<String, Map<String, List<Instance>>> byStudy = new LinkedHashMap<>();
    Map<String, SeriesContext> seriesContexts = new LinkedHashMap<>();
    Map<String, List<String>> modalities = new LinkedHashMap<>();
    for (Path file : files) {
      if (file.getFileName().toString().startsWith(".")) {
        continue; // markers, locks
      }
      AttributeList h;
      try {
        h = new AttributeList();
        h.read(file.toString(), TagFromName.PixelData); // stop before the pixels
      } catch (IOException | DicomException | RuntimeException e) {
        problems.add(file + ": not readable as DICOM (" + e.getMessage() + ")");
        continue;
      }
      String study = text(h, TagFromName.StudyInstanceUID);
      String series = text(h, TagFromName.SeriesInstanceUID);
      String sop = text(h, TagFromName.SOPInstanceUID);
      if (study == null || series == null || sop == null) {
        problems.add(file + ": no Study, Series or SOP Instance UID");
        continue;
      }
      String modality = text(h, TagFromName.Modality);
      firstOfStudy.putIfAbsent(study, h);
      if (modality != null
          && !modalities.computeIfAbsent(study, k -> new ArrayList<>()).contains(modality)) {
        modalities.get(study).add(modality);
      }
      seriesContexts.putIfAbsent(
          series,
          new SeriesContext(
              study,
              series,
              modality,
              text(h, TagFromName.SeriesDescription),
              number(h, TagFromName.SeriesNumber)));
      LoadedInstance loaded =
          new LoadedInstance(
              study, series, text(h, TagFromName.SOPClassUID), sop, modality, file.toUri());
      byStudy
          .computeIfAbsent(study, k -> new LinkedHashMap<>())
          .computeIfAbsent(series, k -> new ArrayList<>())
          .add(
              new Instance(
                  loaded,
                  file,
                  Objects.requireNonNullElse(number(h, TagFromName.InstanceNumber), 0),
                  Objects.requireNonNullElse(number(h, TagFromName.Rows), 0),
                  Objects.requireNonNullElse(number(h, TagFromName.Columns), 0)));
    }
    List<Study> studies = new ArrayList<>();
    for (var e : byStudy.entrySet()) {
      StudyContext context = studyContext(firstOfStudy.get(e.getKey()), modalities.get(e.getKey()));
      List<Series> series = new ArrayList<>();
      for (var s : e.getValue().entrySet()) {
        List<Instance> instances = new ArrayList<>(s.getValue());
        instances.sort(Comparator.comparingInt(Instance::instanceNumber));
        series.add(new Series(seriesContexts.get(s.getKey()), instances));
      }
      series.sort(
          Comparator.comparing(
              (Series s) -> s.context().seriesNumber(),
              Comparator.nullsLast(Comparator.naturalOrder())));
      studies.add(new Study(context, series));
    }
    studies.sort(
        Comparator.comparing(
                (Study s) -> s.context().studyDate(),
                Comparator.nullsFirst(Comparator.naturalOrder()))
            .reversed());
    return new DicomFolder(root, studies, problems);
  }

  /** The newest study, the one a viewer opens first. */
  public Optional<Study> newest() {
    return studies.stream().findFirst();
  }

  public Optional<Study> study(String studyInstanceUid) {
    return studies.stream()
        .filter(s -> s.context().studyInstanceUid().equals(studyInstanceUid))
        .findFirst();
  }

  /** The studies of the same patient (same id and issuer), the study itself included. */
  public List<StudyContext> studiesOfPatientOf(String studyInstanceUid) {
    Optional<StudyContext> of = study(studyInstanceUid).map(Study::context);
    if (of.isEmpty() || of.get().patientId() == null) {
      return of.map(List::of).orElse(List.of());
    }
    return studies.stream()
        .map(Study::context)
        .filter(c -> Objects.equals(c.patientId(), of.get().patientId()))
        .filter(c -> Objects.equals(c.issuerOfPatientId(), of.get().issuerOfPatientId()))
        .toList();
  }

  /** The instance with this SOP Instance UID, with its study and series. */
  public Optional<Located> find(String sopInstanceUid) {
    for (Study st : studies) {
      for (Series se : st.series()) {
        for (Instance i : se.instances()) {
          if (i.loaded().sopInstanceUid().equals(sopInstanceUid)) {
            return Optional.of(new Located(st, se, i));
          }
        }
      }
    }
    return Optional.empty();
  }

  public record Located(Study study, Series series, Instance instance) {}

  private static StudyContext studyContext(AttributeList h, List<String> modalities) {
    return new StudyContext(
        text(h, TagFromName.StudyInstanceUID),
        text(h, TagFromName.AccessionNumber),
        text(h, TagFromName.PatientID),
        text(h, TagFromName.IssuerOfPatientID),
        text(h, TagFromName.PatientName),
        date(h, TagFromName.PatientBirthDate),
        sex(text(h, TagFromName.PatientSex)),
        modalities == null ? List.of() : modalities,
        text(h, TagFromName.BodyPartExamined),
        date(h, TagFromName.StudyDate),
        text(h, TagFromName.StudyDescription));
  }

  /** The attribute's value, or null when absent or empty (RadAssist wants null, not ""). */
  static String text(AttributeList h, AttributeTag tag) {
    String v = Attribute.getSingleStringValueOrEmptyString(h, tag).trim();
    return v.isEmpty() ? null : v;
  }

  private static Integer number(AttributeList h, AttributeTag tag) {
    String v = text(h, tag);
    if (v == null) {
      return null;
    }
    try {
      return Integer.valueOf(v);
    } catch (NumberFormatException e) {
      return null; // a malformed IS value is treated as absent
    }
  }

  private static LocalDate date(AttributeList h, AttributeTag tag) {
    String v = text(h, tag);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v, DateTimeFormatter.BASIC_ISO_DATE);
    } catch (DateTimeParseException e) {
      return null; // a malformed DA value is treated as absent
    }
  }

  private static Sex sex(String v) {
    if (v == null) {
      return null;
    }
    return switch (v) {
      case "F" -> Sex.F;
      case "M" -> Sex.M;
      case "O" -> Sex.O;
      default -> null;
    };
  }
}
