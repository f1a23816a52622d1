package org.radassist.weasis.bridge.internal.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radassist.host.SeriesContext;
import org.radassist.host.StudyContextListener;
import org.radassist.model.StudyContext;

class StudyContextHubTest {
  private final StudyContextHub hub = new StudyContextHub();

  /** Records calls as short strings. */
  static final class Recorder implements StudyContextListener {
    final List<String> calls = new ArrayList<>();

    @Override
    public void studyOpened(StudyContext study) {
      calls.add("opened " + study.studyInstanceUid());
    }

    @Override
    public void seriesSelected(SeriesContext series) {
      calls.add("series " + series.seriesInstanceUid());
    }

    @Override
    public void studyClosed(String studyInstanceUid) {
      calls.add("closed " + studyInstanceUid);
    }
  }

  private static SeriesContext series(String study, String uid) {
    return new SeriesContext(study, uid, "CT", null, null);
  }

  @Test
  void listenersHearOnlyChangesOfStudyAndSeries() {
    Recorder r = new Recorder();
    hub.add(r);
    StudyContext a = StudyContext.ofStudy("A");

    hub.selected(a, series("A", "A.1"));
    hub.selected(a, series("A", "A.1")); // re-selection of the same view: nothing new
    hub.selected(a, series("A", "A.2"));
    hub.selected(StudyContext.ofStudy("B"), series("B", "A.2")); // same series UID, new study
    hub.selected(StudyContext.ofStudy("B"), null);

    assertThat(r.calls)
        .containsExactly(
            "opened A", "series A.1", "series A.2", "closed A", "opened B", "series A.2");
    assertThat(hub.currentStudy()).map(StudyContext::studyInstanceUid).contains("B");
  }

  @Test
  void aLateListenerIsToldAtOnceWhatIsOnScreenAndRegistersOnce() {
    hub.selected(StudyContext.ofStudy("A"), series("A", "A.1"));
    Recorder r = new Recorder();
    hub.add(r);
    hub.add(r);
    assertThat(r.calls).containsExactly("opened A", "series A.1");

    hub.remove(r);
    hub.selected(StudyContext.ofStudy("B"), series("B", "B.1"));
    assertThat(r.calls).hasSize(2);
  }

  @Test
  void aListenerAddedBeforeAnyStudyHearsNothingYet() {
    Recorder r = new Recorder();
    hub.add(r);
    assertThat(r.calls).isEmpty();
    assertThat(hub.currentStudy()).isEmpty();
  }

  @Test
  void anotherStudyComingToFrontClosesThePreviousOneFirst() {
    Recorder r = new Recorder();
    hub.add(r);
    hub.selected(StudyContext.ofStudy("A"), series("A", "A.1"));
    hub.selected(StudyContext.ofStudy("B"), series("B", "B.1"));
    hub.selected(StudyContext.ofStudy("A"), series("A", "A.1"));

    assertThat(r.calls)
        .containsExactly(
            "opened A",
            "series A.1",
            "closed A",
            "opened B",
            "series B.1",
            "closed B",
            "opened A",
            "series A.1");
  }

  @Test
  void theViewerDroppingTheStudyOnScreenClosesItOnceAndOnlyThatOne() {
    Recorder r = new Recorder();
    hub.add(r);
    hub.selected(StudyContext.ofStudy("A"), series("A", "A.1"));

    assertThat(hub.closeIfCurrent("B")).isFalse(); // not on screen: listeners never opened it
    assertThat(hub.closeIfCurrent("A")).isTrue();
    assertThat(hub.closeIfCurrent("A")).isFalse();

    assertThat(r.calls).containsExactly("opened A", "series A.1", "closed A");
    assertThat(hub.currentStudy()).isEmpty();
    assertThat(hub.currentSeries()).isEmpty();
  }

  @Test
  void afterAStudyIsClosedALateListenerHearsNothingAndReopeningIsNews() {
    Recorder early = new Recorder();
    hub.add(early);
    hub.selected(StudyContext.ofStudy("A"), series("A", "A.1"));
    hub.closeCurrent();
    hub.closeCurrent(); // nothing on screen any more: no second close

    Recorder late = new Recorder();
    hub.add(late);
    assertThat(late.calls).isEmpty();

    hub.selected(StudyContext.ofStudy("A"), series("A", "A.1"));
    assertThat(early.calls)
        .containsExactly("opened A", "series A.1", "closed A", "opened A", "series A.1");
    assertThat(late.calls).containsExactly("opened A", "series A.1");
  }

  @Test
  void aListenerRemovedBeforeTheCloseDoesNotHearIt() {
    Recorder r = new Recorder();
    hub.add(r);
    hub.selected(StudyContext.ofStudy("A"), null);
    hub.remove(r);
    hub.closeCurrent();
    assertThat(r.calls).containsExactly("opened A");
  }

  @Test
  void aFailingListenerDoesNotKeepOthersFromHearing() {
    StudyContextListener failing =
        new StudyContextListener() {
          @Override
          public void studyOpened(StudyContext study) {
            throw new IllegalStateException("boom");
          }

          @Override
          public void studyClosed(String studyInstanceUid) {}
        };
    Recorder r = new Recorder();
    hub.add(failing);
    hub.add(r);
    hub.selected(StudyContext.ofStudy("A"), null);
    assertThat(r.calls).containsExactly("opened A");
  }
}
