package org.radassist.workstation.internal.load;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything read from one folder: its studies (newest first) and one line per file that could not
 * be read.
 */
public record LoadedFolder(Path root, List<DicomStudy> studies, List<String> problems) {
  public LoadedFolder {
    studies =
        studies.stream()
            .sorted(
                Comparator.comparing(
                        (DicomStudy s) -> s.context().studyDate(),
                        Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
                    .reversed())
            .toList();
    problems = List.copyOf(problems);
  }

  /** The study a radiologist opens first: the newest. */
  public Optional<DicomStudy> newest() {
    return studies.stream().findFirst();
  }

  public Optional<DicomStudy> study(String studyInstanceUid) {
    return studies.stream().filter(s -> s.studyInstanceUid().equals(studyInstanceUid)).findFirst();
  }

  /** Every loaded study of the same patient (same ID and issuer), the given one included. */
  public List<DicomStudy> studiesOfPatientOf(String studyInstanceUid) {
    Optional<DicomStudy> study = study(studyInstanceUid);
    if (study.isEmpty()) {
      return List.of();
    }
    String id = study.get().context().patientId();
    String issuer = study.get().context().issuerOfPatientId();
    return studies.stream()
        .filter(
            s ->
                id != null
                    && id.equals(s.context().patientId())
                    && Objects.equals(
                        blankToNull(issuer), blankToNull(s.context().issuerOfPatientId())))
        .toList();
  }

  /** The series and position of an instance, wherever it is loaded. */
  public Optional<Located> locate(String sopInstanceUid) {
    for (DicomStudy study : studies) {
      for (DicomSeries series : study.series()) {
        Optional<Integer> index = series.indexOf(sopInstanceUid);
        if (index.isPresent()) {
          return Optional.of(new Located(study, series, index.get()));
        }
      }
    }
    return Optional.empty();
  }

  public record Located(DicomStudy study, DicomSeries series, int index) {}

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
