package org.radassist.weasis.bridge.internal.context;

import java.util.Objects;

/**
 * Decides whether a node the viewer removes from its tree closes the study on screen. Removing its
 * patient or the study itself closes it; removing a series closes it only when no other series of
 * the study is left. Viewers tell listeners before or after the node leaves the tree (Weasis:
 * before, but on the event thread, so a removal made on a loader thread is already done), so a
 * series is recognised either as a child of the study or as the series on screen.
 *
 * @param <N> a node of the viewer's tree
 */
public final class StudyRemoval<N> {
  private final StudyTree<N, ?> tree;

  public StudyRemoval(StudyTree<N, ?> tree) {
    this.tree = tree;
  }

  /**
   * @param removed the node leaving the tree
   * @param shownSeries the series on screen
   * @param study the study node of the series on screen
   * @param patient its patient node (null when the tree has none)
   */
  public boolean closesStudy(N removed, N shownSeries, N study, N patient) {
    if (removed == null || study == null) {
      return false;
    }
    if (removed.equals(study) || removed.equals(patient)) {
      return true;
    }
    boolean seriesOfStudy =
        removed.equals(shownSeries)
            || tree.children(study).contains(removed)
            || tree.studyOf(removed).filter(study::equals).isPresent();
    return seriesOfStudy && tree.children(study).stream().allMatch(s -> Objects.equals(s, removed));
  }
}
