package org.radassist.weasis.bridge.internal.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.radassist.weasis.bridge.internal.context.MemoryTree.Node;

class StudyRemovalTest {
  private final MemoryTree tree = new MemoryTree();
  private final StudyRemoval<Node> removal = new StudyRemoval<>(tree);

  private final Node patient = MemoryTree.patient();
  private final Node study = patient.child(MemoryTree.study());
  private final Node ct = study.child(MemoryTree.series());
  private final Node sr = study.child(MemoryTree.series());
  private final Node otherStudy = patient.child(MemoryTree.study());
  private final Node otherSeries = otherStudy.child(MemoryTree.series());

  @Test
  void removingThePatientOrTheStudyClosesIt() {
    assertThat(removal.closesStudy(patient, ct, study, patient)).isTrue();
    assertThat(removal.closesStudy(study, ct, study, patient)).isTrue();
  }

  @Test
  void removingOneOfSeveralSeriesKeepsTheStudyOpen() {
    assertThat(removal.closesStudy(ct, ct, study, patient)).isFalse();
    assertThat(removal.closesStudy(sr, ct, study, patient)).isFalse();
  }

  @Test
  void removingTheLastSeriesClosesTheStudy() {
    study.children.remove(sr); // the SR series went earlier
    assertThat(removal.closesStudy(ct, ct, study, patient)).isTrue();
  }

  @Test
  void theLastSeriesAlreadyGoneFromTheTreeWhenTheEventArrivesStillClosesIt() {
    study.children.clear(); // the removal ran before the listener heard of it
    assertThat(removal.closesStudy(ct, ct, study, patient)).isTrue();
  }

  @Test
  void anotherStudyOrItsSeriesLeavingChangesNothing() {
    assertThat(removal.closesStudy(otherStudy, ct, study, patient)).isFalse();
    otherStudy.children.clear();
    assertThat(removal.closesStudy(otherSeries, ct, study, patient)).isFalse();
    assertThat(removal.closesStudy(MemoryTree.patient(), ct, study, patient)).isFalse();
  }

  @Test
  void nothingOnScreenOrNothingRemovedClosesNothing() {
    assertThat(removal.closesStudy(study, null, null, null)).isFalse();
    assertThat(removal.closesStudy(null, ct, study, patient)).isFalse();
  }
}
