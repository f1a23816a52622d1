package org.radassist.weasis.bridge.internal.context;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radassist.host.LoadedInstance;
import org.radassist.model.ImageReference;
import org.radassist.model.StudyContext;
import org.radassist.weasis.bridge.internal.context.MemoryTree.Instance;
import org.radassist.weasis.bridge.internal.context.MemoryTree.Node;

/**
 * Loads the shared image and SR files the way a viewer groups them (patient, study, series), with
 * the header values as text exactly as the files hold them, and checks that what the mapper reports
 * matches each file.
 */
class RealDicomFilesTest {
  private static final int[] TAGS = {
    DicomTags.PATIENT_NAME, DicomTags.PATIENT_ID, DicomTags.PATIENT_BIRTH_DATE,
    DicomTags.PATIENT_SEX, DicomTags.STUDY_INSTANCE_UID, DicomTags.STUDY_DATE,
    DicomTags.ACCESSION_NUMBER, DicomTags.STUDY_DESCRIPTION, DicomTags.SERIES_INSTANCE_UID,
    DicomTags.MODALITY, DicomTags.SERIES_NUMBER, DicomTags.SOP_CLASS_UID,
    DicomTags.SOP_INSTANCE_UID, DicomTags.BODY_PART_EXAMINED
  };

  record FileHeader(Path path, Map<Integer, Object> tags) {
    String get(int tag) {
      return (String) tags.get(tag);
    }
  }

  private static final List<FileHeader> files = new ArrayList<>();
  private static final MemoryTree tree = new MemoryTree();
  private static final Map<String, Node> seriesBySop = new HashMap<>();
  // Some shared files reuse a Study Instance UID with other study attributes; like a viewer, the
  // study node keeps the attributes of the first file loaded for it.
  private static final Map<String, FileHeader> firstOfStudy = new HashMap<>();
  private static final StudyContextMapper<Node, Instance> mapper = new StudyContextMapper<>(tree);

  @BeforeAll
  static void loadLikeAViewer() throws Exception {
    Path data = Path.of(System.getProperty("radassist.shared", "/work/shared"), "data", "dicom");
    Map<String, Node> patients = new LinkedHashMap<>();
    Map<String, Node> studies = new HashMap<>();
    Map<String, Node> series = new HashMap<>();
    for (String dir : List.of("img", "sr")) {
      try (Stream<Path> paths = Files.list(data.resolve(dir))) {
        for (Path p : paths.filter(f -> f.toString().endsWith(".dcm")).sorted().toList()) {
          FileHeader h = read(p);
          if (h == null || h.get(DicomTags.SERIES_INSTANCE_UID) == null) {
            continue;
          }
          files.add(h);
          firstOfStudy.putIfAbsent(h.get(DicomTags.STUDY_INSTANCE_UID), h);
          String pid = String.valueOf(h.get(DicomTags.PATIENT_ID));
          Node patient = patients.computeIfAbsent(pid, k -> withTags(MemoryTree.patient(), h));
          Node study =
              studies.computeIfAbsent(
                  h.get(DicomTags.STUDY_INSTANCE_UID),
                  k -> patient.child(withTags(MemoryTree.study(), h)));
          Node s =
              series.computeIfAbsent(
                  h.get(DicomTags.SERIES_INSTANCE_UID),
                  k -> study.child(withTags(MemoryTree.series(), h)));
          s.instances.add(new Instance(h.tags(), p.toUri()));
          seriesBySop.put(h.get(DicomTags.SOP_INSTANCE_UID), s);
        }
      }
    }
  }

  private static Node withTags(Node node, FileHeader h) {
    node.tags.putAll(h.tags());
    return node;
  }

  private static FileHeader read(Path p) {
    AttributeList list = new AttributeList();
    try {
      list.read(p.toString(), TagFromName.PixelData);
    } catch (IOException | com.pixelmed.dicom.DicomException e) {
      return null; // not every shared file is readable Part 10; the viewer would skip it too
    }
    Map<Integer, Object> tags = new HashMap<>();
    for (int t : TAGS) {
      String v = Attribute.getSingleStringValueOrNull(list, new AttributeTag(t >>> 16, t & 0xFFFF));
      if (v != null) {
        tags.put(t, v);
      }
    }
    return tags.get(DicomTags.SOP_INSTANCE_UID) == null ? null : new FileHeader(p, tags);
  }

  @Test
  void theSharedFilesAreLoaded() {
    assertThat(files).hasSizeGreaterThan(20);
    assertThat(files).anyMatch(f -> "SR".equals(f.get(DicomTags.MODALITY)));
  }

  @Test
  void everyFileIsListedAsALoadedInstanceOfItsStudyWithItsLocation() {
    for (FileHeader f : files) {
      Node series = seriesBySop.get(f.get(DicomTags.SOP_INSTANCE_UID));
      List<LoadedInstance> loaded =
          mapper.loadedInstances(series, f.get(DicomTags.STUDY_INSTANCE_UID));
      assertThat(loaded)
          .as(f.path().getFileName().toString())
          .anySatisfy(
              i -> {
                assertThat(i.sopInstanceUid()).isEqualTo(f.get(DicomTags.SOP_INSTANCE_UID));
                assertThat(i.location()).isEqualTo(f.path().toUri());
                assertThat(i.isStructuredReport())
                    .isEqualTo(
                        "SR".equals(f.get(DicomTags.MODALITY))
                            || "KO".equals(f.get(DicomTags.MODALITY))
                            || String.valueOf(f.get(DicomTags.SOP_CLASS_UID))
                                .startsWith("1.2.840.10008.5.1.4.1.1.88."));
              });
    }
  }

  @Test
  void everyFilesStudyContextMatchesItsHeader() {
    for (FileHeader f : files) {
      StudyContext study =
          mapper.studyContextOf(seriesBySop.get(f.get(DicomTags.SOP_INSTANCE_UID))).orElseThrow();
      assertThat(study.studyInstanceUid()).isEqualTo(f.get(DicomTags.STUDY_INSTANCE_UID));
      FileHeader first = firstOfStudy.get(f.get(DicomTags.STUDY_INSTANCE_UID));
      String accession = first.get(DicomTags.ACCESSION_NUMBER);
      // an empty attribute is absent, not an empty string
      assertThat(study.accessionNumber())
          .isEqualTo(accession == null || accession.isBlank() ? null : accession.trim());
      if (f.get(DicomTags.MODALITY) != null) {
        assertThat(study.modalities()).contains(f.get(DicomTags.MODALITY));
      }
      String date = first.get(DicomTags.STUDY_DATE);
      if (date != null && date.matches("\\d{8}")) {
        assertThat(study.studyDate())
            .isEqualTo(
                java.time.LocalDate.parse(date, java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
      }
    }
  }

  @Test
  void everyFileCanBeLocatedFromAnySeriesOfItsPatient() {
    for (FileHeader f : files) {
      Node any = seriesBySop.get(f.get(DicomTags.SOP_INSTANCE_UID));
      ImageReference ref =
          new ImageReference(
              f.get(DicomTags.STUDY_INSTANCE_UID),
              f.get(DicomTags.SERIES_INSTANCE_UID),
              f.get(DicomTags.SOP_CLASS_UID),
              f.get(DicomTags.SOP_INSTANCE_UID),
              List.of(),
              List.of(),
              null);
      assertThat(mapper.locate(any, ref))
          .hasValueSatisfying(found -> assertThat(found.series()).isSameAs(any));
    }
  }
}
