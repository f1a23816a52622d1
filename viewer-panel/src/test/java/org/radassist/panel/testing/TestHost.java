package org.radassist.panel.testing;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.radassist.host.LoadedInstance;
import org.radassist.host.OpenResult;
import org.radassist.host.Role;
import org.radassist.host.StudyContextListener;
import org.radassist.host.UserIdentity;
import org.radassist.host.ViewerHost;
import org.radassist.model.ImageReference;
import org.radassist.model.StudyContext;

/** A minimal viewer for the tests: one study, its loaded instances, and a log of opened images. */
public final class TestHost implements ViewerHost {
  public final List<ImageReference> opened = new CopyOnWriteArrayList<>();

  /** The signed-in user (a radiologist unless a test says otherwise). */
  public volatile UserIdentity user =
      new UserIdentity("dr.lee", "Dr. A. Lee", Set.of(Role.RADIOLOGIST));

  private final List<StudyContextListener> listeners = new CopyOnWriteArrayList<>();
  private volatile StudyContext study;
  private volatile List<LoadedInstance> instances;

  public TestHost(StudyContext study, List<LoadedInstance> instances) {
    this.study = study;
    this.instances = List.copyOf(instances);
  }

  @Override
  public String hostName() {
    return "RadAssist test host";
  }

  @Override
  public Optional<StudyContext> currentStudy() {
    return Optional.ofNullable(study);
  }

  @Override
  public List<LoadedInstance> loadedInstances(String studyInstanceUid) {
    return study != null && study.studyInstanceUid().equals(studyInstanceUid)
        ? instances
        : List.of();
  }

  @Override
  public List<StudyContext> loadedStudiesOfPatient(String studyInstanceUid) {
    return study == null ? List.of() : List.of(study);
  }

  @Override
  public CompletionStage<OpenResult> openImage(ImageReference reference) {
    opened.add(reference);
    return CompletableFuture.completedFuture(
        reference.region() != null ? OpenResult.OPENED_WITH_REGION : OpenResult.OPENED);
  }

  @Override
  public UserIdentity currentUser() {
    return user;
  }

  @Override
  public void addStudyContextListener(StudyContextListener listener) {
    listeners.add(listener);
    if (study != null) {
      listener.studyOpened(study);
    }
  }

  @Override
  public void removeStudyContextListener(StudyContextListener listener) {
    listeners.remove(listener);
  }

  public int listenerCount() {
    return listeners.size();
  }

  /** Shows another study, as the radiologist opening the next case. */
  public void open(StudyContext next, List<LoadedInstance> nextInstances) {
    study = next;
    instances = List.copyOf(nextInstances);
    listeners.forEach(l -> l.studyOpened(next));
  }
}
