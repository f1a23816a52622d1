package org.radassist.weasis.bridge.internal.context;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.radassist.host.SeriesContext;
import org.radassist.host.StudyContextListener;
import org.radassist.model.StudyContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what is on screen and tells the registered {@link StudyContextListener}s about changes
 * only: a study when it differs from the previous one, a series when it differs from the previous
 * one. Viewers fire selection events repeatedly (layout changes, re-selection of the same view);
 * the panels must not restart their work for those. A failing listener is logged and skipped.
 *
 * <p>RadAssist follows one study at a time, the one on screen: when another study comes to front,
 * listeners hear {@code studyClosed} for the previous one before {@code studyOpened} for the new
 * one, so they never hold two open studies (the panels keep one study's state and drop it on
 * close). A study is also closed when the viewer drops it ({@link #closeIfCurrent}) or stops being
 * followed ({@link #closeCurrent}).
 */
public final class StudyContextHub {
  private static final Logger LOG = LoggerFactory.getLogger(StudyContextHub.class);

  private final List<StudyContextListener> listeners = new CopyOnWriteArrayList<>();
  private StudyContext currentStudy;
  private SeriesContext currentSeries;

  /** Registers a listener and tells it at once what is on screen, if anything. */
  public void add(StudyContextListener listener) {
    Objects.requireNonNull(listener, "listener");
    StudyContext study;
    SeriesContext series;
    synchronized (this) {
      if (listeners.contains(listener)) {
        return;
      }
      listeners.add(listener);
      study = currentStudy;
      series = currentSeries;
    }
    if (study != null) {
      notify(listener, l -> l.studyOpened(study));
      if (series != null) {
        notify(listener, l -> l.seriesSelected(series));
      }
    }
  }

  public void remove(StudyContextListener listener) {
    listeners.remove(listener);
  }

  public synchronized Optional<StudyContext> currentStudy() {
    return Optional.ofNullable(currentStudy);
  }

  public synchronized Optional<SeriesContext> currentSeries() {
    return Optional.ofNullable(currentSeries);
  }

  /** The viewer shows {@code series} of {@code study}. */
  public void selected(StudyContext study, SeriesContext series) {
    boolean newStudy;
    boolean newSeries;
    String previous;
    synchronized (this) {
      newStudy =
          currentStudy == null || !currentStudy.studyInstanceUid().equals(study.studyInstanceUid());
      previous = newStudy && currentStudy != null ? currentStudy.studyInstanceUid() : null;
      newSeries =
          newStudy
              || series != null
                  && (currentSeries == null
                      || !currentSeries.seriesInstanceUid().equals(series.seriesInstanceUid()));
      currentStudy = study;
      currentSeries = series;
    }
    if (previous != null) {
      listeners.forEach(l -> notify(l, x -> x.studyClosed(previous)));
    }
    if (newStudy) {
      listeners.forEach(l -> notify(l, x -> x.studyOpened(study)));
    }
    if (newSeries && series != null) {
      listeners.forEach(l -> notify(l, x -> x.seriesSelected(series)));
    }
  }

  /**
   * The viewer dropped the study {@code studyInstanceUid}: listeners hear {@code studyClosed} if it
   * is the study on screen; nothing happens for any other study.
   *
   * @return whether the study on screen was closed
   */
  public boolean closeIfCurrent(String studyInstanceUid) {
    String closed;
    synchronized (this) {
      if (currentStudy == null || !currentStudy.studyInstanceUid().equals(studyInstanceUid)) {
        return false;
      }
      closed = currentStudy.studyInstanceUid();
      currentStudy = null;
      currentSeries = null;
    }
    listeners.forEach(l -> notify(l, x -> x.studyClosed(closed)));
    return true;
  }

  /** The viewer is no longer followed: the study on screen, if any, is closed for listeners. */
  public void closeCurrent() {
    String uid;
    synchronized (this) {
      uid = currentStudy == null ? null : currentStudy.studyInstanceUid();
    }
    if (uid != null) {
      closeIfCurrent(uid);
    }
  }

  private static void notify(
      StudyContextListener listener, java.util.function.Consumer<StudyContextListener> call) {
    try {
      call.accept(listener);
    } catch (RuntimeException e) {
      LOG.warn("RadAssist study context listener {} failed", listener, e);
    }
  }
}
