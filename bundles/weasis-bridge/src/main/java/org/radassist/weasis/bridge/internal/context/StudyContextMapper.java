package org.radassist.weasis.bridge.internal.context;

import static org.radassist.weasis.bridge.internal.context.DicomTags.ACCESSION_NUMBER;
import static org.radassist.weasis.bridge.internal.context.DicomTags.BODY_PART_EXAMINED;
import static org.radassist.weasis.bridge.internal.context.DicomTags.ISSUER_OF_PATIENT_ID;
import static org.radassist.weasis.bridge.internal.context.DicomTags.MODALITY;
import static org.radassist.weasis.bridge.internal.context.DicomTags.PATIENT_BIRTH_DATE;
import static org.radassist.weasis.bridge.internal.context.DicomTags.PATIENT_ID;
import static org.radassist.weasis.bridge.internal.context.DicomTags.PATIENT_NAME;
import static org.radassist.weasis.bridge.internal.context.DicomTags.PATIENT_SEX;
import static org.radassist.weasis.bridge.internal.context.DicomTags.SERIES_DESCRIPTION;
import static org.radassist.weasis.bridge.internal.context.DicomTags.SERIES_INSTANCE_UID;
import static org.radassist.weasis.bridge.internal.context.DicomTags.SERIES_NUMBER;
import static org.radassist.weasis.bridge.internal.context.DicomTags.SOP_CLASS_UID;
import static org.radassist.weasis.bridge.internal.context.DicomTags.SOP_INSTANCE_UID;
import static org.radassist.weasis.bridge.internal.context.DicomTags.STUDY_DATE;
import static org.radassist.weasis.bridge.internal.context.DicomTags.STUDY_DESCRIPTION;
import static org.radassist.weasis.bridge.internal.context.DicomTags.STUDY_INSTANCE_UID;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.radassist.host.LoadedInstance;
import org.radassist.host.SeriesContext;
import org.radassist.model.ImageReference;
import org.radassist.model.Sex;
import org.radassist.model.StudyContext;

/**
 * Turns a viewer's tree into RadAssist's host contract: a selected series into its {@link
 * SeriesContext} and {@link StudyContext}, a study into its {@link LoadedInstance}s, an {@link
 * ImageReference} into the series and instance to show. Only what the tree reaches from the
 * selected series is seen: the studies of that series' patient.
 */
public final class StudyContextMapper<N, M> {
  private final StudyTree<N, M> tree;

  public StudyContextMapper(StudyTree<N, M> tree) {
    this.tree = tree;
  }

  /** The series context of a selected series, if it carries both UIDs. */
  public Optional<SeriesContext> seriesContext(N series) {
    TagLookup seriesTags = tree.tags(series);
    Optional<String> seriesUid = seriesTags.text(SERIES_INSTANCE_UID);
    Optional<String> studyUid = studyUidOf(series);
    if (seriesUid.isEmpty() || studyUid.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new SeriesContext(
            studyUid.get(),
            seriesUid.get(),
            seriesTags.text(MODALITY).orElse(null),
            seriesTags.text(SERIES_DESCRIPTION).orElse(null),
            seriesTags.integer(SERIES_NUMBER).orElse(null)));
  }

  /** The study context of the study a series belongs to. */
  public Optional<StudyContext> studyContextOf(N series) {
    return tree.studyOf(series).flatMap(this::studyContext);
  }

  /**
   * A study node's context: patient attributes from its patient node (falling back to the study
   * node, where some viewers keep them), modalities from its series in tree order.
   */
  public Optional<StudyContext> studyContext(N study) {
    TagLookup studyTags = tree.tags(study);
    Optional<String> uid = studyTags.text(STUDY_INSTANCE_UID);
    if (uid.isEmpty()) {
      return Optional.empty();
    }
    TagLookup patientTags = withFallback(tree.patientOf(study).map(tree::tags), studyTags);
    Set<String> modalities = new LinkedHashSet<>();
    String bodyPart = null;
    for (N series : tree.children(study)) {
      TagLookup seriesTags = tree.tags(series);
      seriesTags.text(MODALITY).ifPresent(modalities::add);
      if (bodyPart == null) {
        bodyPart = seriesTags.text(BODY_PART_EXAMINED).orElse(null);
      }
    }
    return Optional.of(
        new StudyContext(
            uid.get(),
            studyTags.text(ACCESSION_NUMBER).orElse(null),
            patientTags.text(PATIENT_ID).orElse(null),
            patientTags.text(ISSUER_OF_PATIENT_ID).orElse(null),
            patientTags.text(PATIENT_NAME).orElse(null),
            patientTags.date(PATIENT_BIRTH_DATE).orElse(null),
            Sex.fromDicom(patientTags.text(PATIENT_SEX).orElse(null)),
            List.copyOf(modalities),
            bodyPart,
            studyTags.date(STUDY_DATE).orElse(null),
            studyTags.text(STUDY_DESCRIPTION).orElse(null)));
  }

  /** Every study loaded for the patient of {@code anySeries}, in tree order. */
  public List<StudyContext> studiesOfPatient(N anySeries) {
    List<StudyContext> studies = new ArrayList<>();
    for (N study : studiesOfPatientNodes(anySeries)) {
      studyContext(study).ifPresent(studies::add);
    }
    return studies;
  }

  /**
   * The instances loaded for a study of the patient of {@code anySeries}; empty when that patient
   * has no such study. Instances without a SOP Instance UID or a location are left out (they cannot
   * be read). A multi-frame instance the viewer holds as one element per frame (same SOP Instance
   * UID, same location) is listed once.
   */
  public List<LoadedInstance> loadedInstances(N anySeries, String studyInstanceUid) {
    List<LoadedInstance> out = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    for (N study : studiesOfPatientNodes(anySeries)) {
      if (!studyInstanceUid.equals(tree.tags(study).text(STUDY_INSTANCE_UID).orElse(null))) {
        continue;
      }
      for (N series : tree.children(study)) {
        TagLookup seriesTags = tree.tags(series);
        String seriesUid = seriesTags.text(SERIES_INSTANCE_UID).orElse(null);
        String seriesModality = seriesTags.text(MODALITY).orElse(null);
        for (M instance : tree.instances(series)) {
          loadedInstance(studyInstanceUid, seriesUid, seriesModality, instance)
              .filter(i -> listed.add(i.sopInstanceUid() + ' ' + i.location()))
              .ifPresent(out::add);
        }
      }
    }
    return out;
  }

  /**
   * Finds a referenced image among the studies of the patient of {@code anySeries}: by SOP Instance
   * UID, within the referenced study and series when the reference names them.
   */
  public Optional<LocatedImage<N, M>> locate(N anySeries, ImageReference reference) {
    for (N study : studiesOfPatientNodes(anySeries)) {
      if (!matches(reference.studyInstanceUid(), tree.tags(study), STUDY_INSTANCE_UID)) {
        continue;
      }
      for (N series : tree.children(study)) {
        if (!matches(reference.seriesInstanceUid(), tree.tags(series), SERIES_INSTANCE_UID)) {
          continue;
        }
        for (M instance : tree.instances(series)) {
          String sop = tree.instanceTags(instance).text(SOP_INSTANCE_UID).orElse(null);
          if (reference.sopInstanceUid().equals(sop)) {
            return Optional.of(new LocatedImage<>(series, instance));
          }
        }
      }
    }
    return Optional.empty();
  }

  private Optional<LoadedInstance> loadedInstance(
      String studyUid, String seriesUid, String seriesModality, M instance) {
    TagLookup tags = tree.instanceTags(instance);
    Optional<String> sop = tags.text(SOP_INSTANCE_UID);
    Optional<URI> location = tree.location(instance);
    if (sop.isEmpty() || location.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new LoadedInstance(
            studyUid,
            tags.text(SERIES_INSTANCE_UID).orElse(seriesUid),
            tags.text(SOP_CLASS_UID).orElse(null),
            sop.get(),
            tags.text(MODALITY).orElse(seriesModality),
            location.get()));
  }

  private List<N> studiesOfPatientNodes(N anySeries) {
    Optional<N> study = tree.studyOf(anySeries);
    if (study.isEmpty()) {
      return List.of();
    }
    return tree.patientOf(study.get()).map(tree::children).orElse(List.of(study.get()));
  }

  private Optional<String> studyUidOf(N series) {
    return tree.studyOf(series)
        .flatMap(s -> tree.tags(s).text(STUDY_INSTANCE_UID))
        .or(() -> tree.tags(series).text(STUDY_INSTANCE_UID));
  }

  private static boolean matches(String wanted, TagLookup tags, int tag) {
    return wanted == null || wanted.equals(tags.text(tag).orElse(null));
  }

  private static TagLookup withFallback(Optional<TagLookup> primary, TagLookup fallback) {
    if (primary.isEmpty()) {
      return fallback;
    }
    TagLookup first = primary.get();
    return tag -> {
      Object v = first.value(tag);
      return v != null ? v : fallback.value(tag);
    };
  }
}
