package org.radassist.host;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.radassist.model.ImageReference;
import org.radassist.model.StudyContext;

/**
 * What a viewer provides to RadAssist. A host registers one implementation as an OSGi service (or
 * hands it to the panels directly outside OSGi). All methods may be called from any thread and must
 * not block on the Swing event thread.
 */
public interface ViewerHost {

  /** A short name of the host product, for logs and the audit trail (e.g. "Weasis 4.7.2"). */
  String hostName();

  /** The study on screen, if any. */
  Optional<StudyContext> currentStudy();

  /** The instances the host has loaded for a study (empty when the study is not loaded). */
  List<LoadedInstance> loadedInstances(String studyInstanceUid);

  /**
   * Every study the host has loaded for the patient of the given study (the study itself included).
   */
  List<StudyContext> loadedStudiesOfPatient(String studyInstanceUid);

  /** Asks the host to show the referenced image or frame, drawing the region where it can. */
  CompletionStage<OpenResult> openImage(ImageReference reference);

  /** The signed-in user and their roles. */
  UserIdentity currentUser();

  /** Registers a listener; the host calls {@code studyOpened} at once if a study is on screen. */
  void addStudyContextListener(StudyContextListener listener);

  void removeStudyContextListener(StudyContextListener listener);
}
