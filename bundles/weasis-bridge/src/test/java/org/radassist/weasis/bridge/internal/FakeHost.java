package org.radassist.weasis.bridge.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.radassist.host.LoadedInstance;
import org.radassist.host.OpenResult;
import org.radassist.host.StudyContextListener;
import org.radassist.host.UserIdentity;
import org.radassist.host.ViewerHost;
import org.radassist.model.ImageReference;
import org.radassist.model.StudyContext;

/** A host with nothing loaded; the tool only passes it on to the panels. */
final class FakeHost implements ViewerHost {
  @Override
  public String hostName() {
    return "fake";
  }

  @Override
  public Optional<StudyContext> currentStudy() {
    return Optional.empty();
  }

  @Override
  public List<LoadedInstance> loadedInstances(String studyInstanceUid) {
    return List.of();
  }

  @Override
  public List<StudyContext> loadedStudiesOfPatient(String studyInstanceUid) {
    return List.of();
  }

  @Override
  public CompletionStage<OpenResult> openImage(ImageReference reference) {
    return CompletableFuture.completedFuture(OpenResult.NOT_LOADED);
  }

  @Override
  public UserIdentity currentUser() {
    return new UserIdentity("u", null, null);
  }

  @Override
  public void addStudyContextListener(StudyContextListener listener) {}

  @Override
  public void removeStudyContextListener(StudyContextListener listener) {}
}
