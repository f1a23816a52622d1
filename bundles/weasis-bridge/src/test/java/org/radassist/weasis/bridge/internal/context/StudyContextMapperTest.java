package org.radassist.weasis.bridge.internal.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radassist.weasis.bridge.internal.context.DicomTags.*;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radassist.host.LoadedInstance;
import org.radassist.host.SeriesContext;
import org.radassist.model.ImageReference;
import org.radassist.model.Sex;
import org.radassist.model.StudyContext;
import org.radassist.weasis.bridge.internal.context.MemoryTree.Instance;
import org.radassist.weasis.bridge.internal.context.MemoryTree.Node;

class StudyContextMapperTest {
  private final MemoryTree tree = new MemoryTree();
  private final StudyContextMapper<Node, Instance> mapper = new StudyContextMapper<>(tree);

  private final Node patient =
      MemoryTree.patient()
          .with(PATIENT_ID, "P-7")
          .with(ISSUER_OF_PATIENT_ID, "HOSP")
          .with(PATIENT_NAME, "Doe^Jane")
          .with(PATIENT_BIRTH_DATE, LocalDate.of(1960, 3, 1))
          .with(PATIENT_SEX, "F");
  private final Node current =
      patient.child(
          MemoryTree.study()
              .with(STUDY_INSTANCE_UID, "1.2.3")
              .with(ACCESSION_NUMBER, "A100")
              .with(STUDY_DATE, "20260301")
              .with(STUDY_DESCRIPTION, "CT CHEST"));
  private final Node ct =
      current.child(
          MemoryTree.series()
              .with(SERIES_INSTANCE_UID, "1.2.3.1")
              .with(MODALITY, "CT")
              .with(SERIES_DESCRIPTION, "Lung 1mm")
              .with(SERIES_NUMBER, "3")
              .with(BODY_PART_EXAMINED, "CHEST"));
  private final Node sr =
      current.child(MemoryTree.series().with(SERIES_INSTANCE_UID, "1.2.3.9").with(MODALITY, "SR"));
  private final Node ct2 =
      current.child(MemoryTree.series().with(SERIES_INSTANCE_UID, "1.2.3.2").with(MODALITY, "CT"));
  private final Node prior =
      patient.child(
          MemoryTree.study()
              .with(STUDY_INSTANCE_UID, "1.2.0")
              .with(STUDY_DATE, LocalDate.of(2025, 3, 1)));
  private final Node priorCt =
      prior.child(MemoryTree.series().with(SERIES_INSTANCE_UID, "1.2.0.1").with(MODALITY, "CT"));

  void instances() {
    ct.instances.add(instance("1.2.3.1.1", "1.2.840.10008.5.1.4.1.1.2", "file:///d/ct1.dcm"));
    ct.instances.add(instance("1.2.3.1.2", "1.2.840.10008.5.1.4.1.1.2", "file:///d/ct2.dcm"));
    sr.instances.add(instance("1.2.3.9.1", "1.2.840.10008.5.1.4.1.1.88.33", "file:///d/sr.dcm"));
    sr.instances.add(new Instance(Map.of(SOP_INSTANCE_UID, "1.2.3.9.2"), null));
    priorCt.instances.add(instance("1.2.0.1.1", "1.2.840.10008.5.1.4.1.1.2", "file:///d/p.dcm"));
  }

  private static Instance instance(String sop, String sopClass, String uri) {
    return new Instance(Map.of(SOP_INSTANCE_UID, sop, SOP_CLASS_UID, sopClass), URI.create(uri));
  }

  @Test
  void aSelectedSeriesGivesItsStudyWithPatientAttributesFromThePatientNode() {
    StudyContext study = mapper.studyContextOf(ct).orElseThrow();

    assertThat(study.studyInstanceUid()).isEqualTo("1.2.3");
    assertThat(study.accessionNumber()).isEqualTo("A100");
    assertThat(study.patientId()).isEqualTo("P-7");
    assertThat(study.issuerOfPatientId()).isEqualTo("HOSP");
    assertThat(study.patientName()).isEqualTo("Doe^Jane");
    assertThat(study.patientBirthDate()).isEqualTo(LocalDate.of(1960, 3, 1));
    assertThat(study.patientSex()).isEqualTo(Sex.F);
    assertThat(study.studyDate()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(study.studyDescription()).isEqualTo("CT CHEST");
    assertThat(study.modalities()).containsExactly("CT", "SR");
    assertThat(study.bodyPart()).isEqualTo("CHEST");
    assertThat(study.patientAgeYears()).contains(66);
  }

  @Test
  void aSelectedSeriesGivesItsSeriesContext() {
    assertThat(mapper.seriesContext(ct))
        .contains(new SeriesContext("1.2.3", "1.2.3.1", "CT", "Lung 1mm", 3));
  }

  @Test
  void aSeriesOutsideAnyStudyOrWithoutUidGivesNoContext() {
    Node orphan = MemoryTree.series().with(SERIES_INSTANCE_UID, "9.9");
    assertThat(mapper.studyContextOf(orphan)).isEmpty();
    assertThat(mapper.seriesContext(orphan)).isEmpty();
    assertThat(mapper.seriesContext(current.child(MemoryTree.series()))).isEmpty();
  }

  @Test
  void patientAttributesFallBackToTheStudyNodeWhenThereIsNoPatientNode() {
    Node lone =
        MemoryTree.study()
            .with(STUDY_INSTANCE_UID, "5.5")
            .with(PATIENT_ID, "ON-STUDY")
            .with(PATIENT_SEX, "X");
    Node s = lone.child(MemoryTree.series().with(SERIES_INSTANCE_UID, "5.5.1"));
    StudyContext study = mapper.studyContextOf(s).orElseThrow();
    assertThat(study.patientId()).isEqualTo("ON-STUDY");
    assertThat(study.patientSex()).isEqualTo(Sex.UNKNOWN);
    assertThat(mapper.studiesOfPatient(s))
        .extracting(StudyContext::studyInstanceUid)
        .containsExactly("5.5");
  }

  @Test
  void everyStudyOfThePatientIsListedInTreeOrder() {
    assertThat(mapper.studiesOfPatient(ct))
        .extracting(StudyContext::studyInstanceUid, StudyContext::studyDate)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1.2.3", LocalDate.of(2026, 3, 1)),
            org.assertj.core.groups.Tuple.tuple("1.2.0", LocalDate.of(2025, 3, 1)));
  }

  @Test
  void loadedInstancesOfAStudyCarryTheirSeriesModalityAndLocation() {
    instances();
    List<LoadedInstance> loaded = mapper.loadedInstances(ct, "1.2.3");

    assertThat(loaded)
        .extracting(LoadedInstance::sopInstanceUid)
        .containsExactly("1.2.3.1.1", "1.2.3.1.2", "1.2.3.9.1");
    LoadedInstance report = loaded.get(2);
    assertThat(report.seriesInstanceUid()).isEqualTo("1.2.3.9");
    assertThat(report.modality()).isEqualTo("SR");
    assertThat(report.location()).isEqualTo(URI.create("file:///d/sr.dcm"));
    assertThat(report.isStructuredReport()).isTrue();
    assertThat(loaded.get(0).isStructuredReport()).isFalse();
  }

  @Test
  void aMultiFrameInstanceHeldAsOneElementPerFrameIsListedOnce() {
    Instance frame = instance("1.2.3.2.1", "1.2.840.10008.5.1.4.1.1.2.1", "file:///d/mf.dcm");
    ct2.instances.addAll(List.of(frame, frame, frame));
    assertThat(mapper.loadedInstances(ct, "1.2.3"))
        .extracting(LoadedInstance::sopInstanceUid)
        .containsExactly("1.2.3.2.1");
  }

  @Test
  void loadedInstancesOfAPriorAreFoundFromAnySeriesOfThePatient() {
    instances();
    assertThat(mapper.loadedInstances(ct2, "1.2.0"))
        .extracting(LoadedInstance::sopInstanceUid)
        .containsExactly("1.2.0.1.1");
    assertThat(mapper.loadedInstances(ct2, "7.7.7")).isEmpty();
  }

  @Test
  void aReferencedImageIsLocatedBySopInstanceUidWithinTheNamedSeries() {
    instances();
    ImageReference anywhere = ImageReference.of(null, "1.2.0.1.1");
    assertThat(mapper.locate(ct, anywhere))
        .hasValueSatisfying(found -> assertThat(found.series()).isSameAs(priorCt));

    ImageReference wrongSeries =
        new ImageReference("1.2.3", "1.2.3.2", null, "1.2.3.1.1", List.of(), List.of(), null);
    assertThat(mapper.locate(ct, wrongSeries)).isEmpty();

    ImageReference rightSeries =
        new ImageReference("1.2.3", "1.2.3.1", null, "1.2.3.1.2", List.of(1), List.of(), null);
    assertThat(mapper.locate(sr, rightSeries))
        .hasValueSatisfying(
            found -> {
              assertThat(found.series()).isSameAs(ct);
              assertThat(found.instance().location()).isEqualTo(URI.create("file:///d/ct2.dcm"));
            });

    assertThat(mapper.locate(ct, ImageReference.of(null, "not.loaded"))).isEmpty();
  }
}
