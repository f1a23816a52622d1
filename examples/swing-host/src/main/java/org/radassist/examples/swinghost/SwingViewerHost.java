package org.radassist.examples.swinghost;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import javax.swing.SwingUtilities;
import org.radassist.host.LoadedInstance;
import org.radassist.host.OpenResult;
import org.radassist.host.StudyContextListener;
import org.radassist.host.UserIdentity;
import org.radassist.host.ViewerHost;
import org.radassist.model.ImageReference;
import org.radassist.model.StudyContext;

/**
 * The viewer seen from RadAssist (docs/porting.md sections 2 and 3).
 *
 * <p><b>Publishing an EDT-owned model to the panel's worker threads.</b> The viewer's model (the
 * loaded folder, the study and series on screen) belongs to the Swing event thread: only the EDT
 * changes it. RadAssist calls {@code currentStudy}, {@code loadedInstances} and {@code
 * loadedStudiesOfPatient} from its own workers. So the EDT builds an immutable {@link Snapshot}
 * after every change and publishes it through one {@code volatile} field; readers take the field
 * once and answer from that snapshot. No locks, no blocking the EDT, and a worker never sees a
 * half-made change. (Never answer these methods with {@code invokeAndWait}: the EDT may be waiting
 * for that worker.)
 *
 * <p><b>Study context events</b> come from the EDT, only on change, with {@code studyClosed} for
 * the previous study before {@code studyOpened} for the next; a listener added while a study is on
 * screen is told at once (replay); the same listener added twice is kept once (dedup); a listener
 * that throws is logged and the others still hear (isolation). The Weasis bridge's {@code
 * StudyContextHub} does the same inside the bridge; it is internal, and these twenty lines are the
 * whole of it for a port.
 */
public final class SwingViewerHost implements ViewerHost {
  private static final System.Logger LOG = System.getLogger(SwingViewerHost.class.getName());

  /** What is on screen, immutable; {@code study} and {@code series} null when nothing is. */
  record Snapshot(DicomFolder folder, DicomFolder.Study study, DicomFolder.Series series) {
    static final Snapshot EMPTY = new Snapshot(null, null, null);
  }

  private final String hostName;
  private final UserIdentity user;
  private final ImageView view;
  private final Executor decoder;
  private final CopyOnWriteArrayList<StudyContextListener> listeners = new CopyOnWriteArrayList<>();
  private volatile Snapshot snapshot = Snapshot.EMPTY;

  SwingViewerHost(String hostName, UserIdentity user, ImageView view, Executor decoder) {
    this.hostName = hostName;
    this.user = Objects.requireNonNull(user, "user");
    this.view = view;
    this.decoder = decoder;
  }

  // ---- the viewer's own side (event thread) ----

  /** Opens the folder's newest study on its first image series (event thread). */
  void show(DicomFolder folder) {
    requireEdt();
    DicomFolder.Study study = folder.newest().orElse(null);
    DicomFolder.Series series = study == null ? null : study.firstImageSeries().orElse(null);
    select(new Snapshot(folder, study, series));
    if (series != null && !series.instances().isEmpty()) {
      showInstance(series.instances().get(0), null);
    }
  }

  /** Closes whatever is on screen (event thread). */
  void close() {
    requireEdt();
    select(new Snapshot(snapshot.folder(), null, null));
  }

  private void select(Snapshot next) {
    Snapshot previous = snapshot;
    snapshot = next; // publish first: a listener's worker reads the new state
    String was = previous.study() == null ? null : uid(previous.study());
    String now = next.study() == null ? null : uid(next.study());
    if (!Objects.equals(was, now)) {
      if (was != null) {
        fire(l -> l.studyClosed(was));
      }
      if (now != null) {
        fire(l -> l.studyOpened(next.study().context()));
      }
    }
    if (next.series() != null
        && (previous.series() == null
            || !Objects.equals(
                previous.series().context().seriesInstanceUid(),
                next.series().context().seriesInstanceUid())
            || !Objects.equals(was, now))) {
      fire(l -> l.seriesSelected(next.series().context()));
    }
  }

  private void fire(java.util.function.Consumer<StudyContextListener> event) {
    for (StudyContextListener l : listeners) {
      try {
        event.accept(l);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "a study context listener failed", e);
      }
    }
  }

  private static String uid(DicomFolder.Study s) {
    return s.context().studyInstanceUid();
  }

  private static void requireEdt() {
    if (!SwingUtilities.isEventDispatchThread()) {
      throw new IllegalStateException("the viewer model changes on the Swing event thread only");
    }
  }

  // ---- ViewerHost: any thread, never blocking ----

  @Override
  public String hostName() {
    return hostName;
  }

  @Override
  public Optional<StudyContext> currentStudy() {
    DicomFolder.Study study = snapshot.study();
    return study == null ? Optional.empty() : Optional.of(study.context());
  }

  @Override
  public List<LoadedInstance> loadedInstances(String studyInstanceUid) {
    DicomFolder folder = snapshot.folder();
    if (folder == null) {
      return List.of();
    }
    return folder
        .study(studyInstanceUid)
        .map(s -> s.instances().map(DicomFolder.Instance::loaded).toList())
        .orElse(List.of());
  }

  @Override
  public List<StudyContext> loadedStudiesOfPatient(String studyInstanceUid) {
    DicomFolder folder = snapshot.folder();
    return folder == null ? List.of() : folder.studiesOfPatientOf(studyInstanceUid);
  }

  /**
   * Returns at once; the image is decoded on the viewer's worker and shown on the EDT, and the
   * stage completes only then, with what was really shown.
   */
  @Override
  public CompletionStage<OpenResult> openImage(ImageReference reference) {
    CompletableFuture<OpenResult> result = new CompletableFuture<>();
    SwingUtilities.invokeLater(
        () -> {
          Snapshot now = snapshot;
          Optional<DicomFolder.Located> found =
              now.folder() == null
                  ? Optional.empty()
                  : now.folder().find(reference.sopInstanceUid());
          if (found.isEmpty()) {
            result.complete(OpenResult.NOT_LOADED);
            return;
          }
          DicomFolder.Located at = found.get();
          if (at.instance().loaded().isStructuredReport() || at.instance().rows() == 0) {
            result.complete(OpenResult.UNSUPPORTED); // this small viewer shows images only
            return;
          }
          select(new Snapshot(now.folder(), at.study(), at.series()));
          showInstance(at.instance(), reference)
              .whenComplete(
                  (r, e) -> {
                    if (e != null) {
                      result.completeExceptionally(e);
                    } else {
                      result.complete(r);
                    }
                  });
        });
    return result;
  }

  /** Decodes on the worker, then shows on the EDT and draws the region if there is one. */
  private CompletionStage<OpenResult> showInstance(
      DicomFolder.Instance instance, ImageReference reference) {
    CompletableFuture<OpenResult> shown = new CompletableFuture<>();
    decoder.execute(
        () -> {
          var pixels = ImageView.decode(instance.file());
          SwingUtilities.invokeLater(
              () -> {
                view.show(
                    pixels,
                    instance.rows(),
                    instance.columns(),
                    "Image "
                        + instance.instanceNumber()
                        + " \u00b7 "
                        + instance.file().getFileName());
                boolean drawn =
                    reference != null
                        && reference.region() != null
                        && view.drawRegion(reference.region());
                shown.complete(drawn ? OpenResult.OPENED_WITH_REGION : OpenResult.OPENED);
              });
        });
    return shown;
  }

  @Override
  public UserIdentity currentUser() {
    return user;
  }

  /** Replays the study (and series) on screen to a new listener; a second add is ignored. */
  @Override
  public void addStudyContextListener(StudyContextListener listener) {
    Objects.requireNonNull(listener, "listener");
    if (!listeners.addIfAbsent(listener)) {
      return;
    }
    Snapshot now = snapshot;
    if (now.study() != null) {
      try {
        listener.studyOpened(now.study().context());
        if (now.series() != null) {
          listener.seriesSelected(now.series().context());
        }
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "a study context listener failed", e);
      }
    }
  }

  @Override
  public void removeStudyContextListener(StudyContextListener listener) {
    listeners.remove(listener);
  }
}
