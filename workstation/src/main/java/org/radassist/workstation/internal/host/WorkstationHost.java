package org.radassist.workstation.internal.host;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.SwingUtilities;
import org.radassist.host.LoadedInstance;
import org.radassist.host.OpenResult;
import org.radassist.host.SeriesContext;
import org.radassist.host.StudyContextListener;
import org.radassist.host.UserIdentity;
import org.radassist.host.ViewerHost;
import org.radassist.model.ImageReference;
import org.radassist.model.StudyContext;
import org.radassist.workstation.internal.load.DicomSeries;
import org.radassist.workstation.internal.load.DicomStudy;
import org.radassist.workstation.internal.load.LoadedFolder;
import org.radassist.workstation.internal.viewer.StudyViewer;

/**
 * The workstation as a RadAssist host: the loaded folder is what the host has loaded, the study
 * whose series is selected is the current study, and opening an image reference scrolls the viewer
 * to it and draws the region. Callable from any thread; viewer work goes to the event thread.
 */
public final class WorkstationHost implements ViewerHost {
  private final String hostName;
  private final UserIdentity user;
  private final StudyViewer viewer;
  private final CopyOnWriteArrayList<StudyContextListener> listeners = new CopyOnWriteArrayList<>();
  private volatile LoadedFolder folder;
  private volatile StudyContext current;

  /** Builds the host around a viewer; call on the event thread. */
  public WorkstationHost(String hostName, UserIdentity user, StudyViewer viewer) {
    this.hostName = hostName;
    this.user = user;
    this.viewer = viewer;
    viewer.addSelectionListener(this::selected);
  }

  @Override
  public String hostName() {
    return hostName;
  }

  @Override
  public Optional<StudyContext> currentStudy() {
    return Optional.ofNullable(current);
  }

  @Override
  public List<LoadedInstance> loadedInstances(String studyInstanceUid) {
    LoadedFolder f = folder;
    if (f == null) {
      return List.of();
    }
    return f.study(studyInstanceUid).stream()
        .flatMap(DicomStudy::instances)
        .map(
            i ->
                new LoadedInstance(
                    i.studyInstanceUid(),
                    i.seriesInstanceUid(),
                    i.sopClassUid(),
                    i.sopInstanceUid(),
                    i.modality(),
                    i.file().toUri()))
        .toList();
  }

  @Override
  public List<StudyContext> loadedStudiesOfPatient(String studyInstanceUid) {
    LoadedFolder f = folder;
    return f == null
        ? List.of()
        : f.studiesOfPatientOf(studyInstanceUid).stream().map(DicomStudy::context).toList();
  }

  @Override
  public CompletionStage<OpenResult> openImage(ImageReference reference) {
    LoadedFolder f = folder;
    Optional<LoadedFolder.Located> located =
        f == null ? Optional.empty() : f.locate(reference.sopInstanceUid());
    if (located.isEmpty()) {
      return CompletableFuture.completedFuture(OpenResult.NOT_LOADED);
    }
    LoadedFolder.Located at = located.get();
    CompletableFuture<OpenResult> result = new CompletableFuture<>();
    SwingUtilities.invokeLater(
        () -> {
          boolean drawable = reference.region() != null && !reference.region().patientSpace();
          int frame = reference.frames().isEmpty() ? 1 : reference.frames().get(0);
          viewer
              .viewport()
              .setRegion(reference.sopInstanceUid(), frame, drawable ? reference.region() : null);
          viewer
              .show(at.study(), at.series(), at.index())
              .whenComplete(
                  (ok, error) ->
                      result.complete(
                          drawable ? OpenResult.OPENED_WITH_REGION : OpenResult.OPENED));
        });
    return result;
  }

  @Override
  public UserIdentity currentUser() {
    return user;
  }

  @Override
  public void addStudyContextListener(StudyContextListener listener) {
    listeners.add(listener);
    StudyContext c = current;
    if (c != null) {
      listener.studyOpened(c);
    }
  }

  @Override
  public void removeStudyContextListener(StudyContextListener listener) {
    listeners.remove(listener);
  }

  /** Shows a loaded folder (on the event thread); its newest study becomes the current study. */
  public CompletableFuture<Void> show(LoadedFolder loaded) {
    folder = loaded;
    return viewer.setFolder(loaded);
  }

  public Optional<LoadedFolder> folder() {
    return Optional.ofNullable(folder);
  }

  private void selected(DicomStudy study, DicomSeries series) {
    StudyContext previous = current;
    if (previous == null || !previous.studyInstanceUid().equals(study.studyInstanceUid())) {
      current = study.context();
      for (StudyContextListener l : listeners) {
        if (previous != null) {
          l.studyClosed(previous.studyInstanceUid());
        }
        l.studyOpened(study.context());
      }
    }
    SeriesContext selected =
        new SeriesContext(
            study.studyInstanceUid(),
            series.seriesInstanceUid(),
            series.modality(),
            series.description(),
            series.number());
    for (StudyContextListener l : listeners) {
      l.seriesSelected(selected);
    }
  }

  @Override
  public String toString() {
    return hostName + " (" + Objects.requireNonNullElse(current, "no study") + ")";
  }
}
