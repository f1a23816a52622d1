package org.radassist.examples.swinghost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.host.LoadedInstance;
import org.radassist.host.OpenResult;
import org.radassist.host.Role;
import org.radassist.host.SeriesContext;
import org.radassist.host.StudyContextListener;
import org.radassist.host.UserIdentity;
import org.radassist.model.ImageReference;
import org.radassist.model.ImageRegion;
import org.radassist.model.StudyContext;

/** The sample's ViewerHost keeps the contract of docs/porting.md sections 2 and 3. */
class SwingViewerHostTest {
  @TempDir static Path temp;
  static DicomFolder folder;

  @BeforeAll
  static void phantom() throws Exception {
    folder = DicomFolder.load(PhantomStudy.write(temp.resolve("study")));
  }

  /** Records what a listener hears. */
  static final class Heard implements StudyContextListener {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void studyOpened(StudyContext study) {
      events.add("opened " + study.studyDate());
    }

    @Override
    public void seriesSelected(SeriesContext series) {
      events.add("series " + series.modality());
    }

    @Override
    public void studyClosed(String studyInstanceUid) {
      events.add("closed");
    }
  }

  private static SwingViewerHost host() throws Exception {
    return PanelRobot.onEdt(
        () ->
            new SwingViewerHost(
                "test",
                new UserIdentity("u", "U", EnumSet.of(Role.RADIOLOGIST)),
                new ImageView(),
                Executors.newSingleThreadExecutor()));
  }

  @Test
  void theFolderMapsToStudiesOfOnePatientWithTheirSrInstances() {
    assertThat(folder.studies()).hasSize(2);
    StudyContext current = folder.newest().orElseThrow().context();
    assertThat(current.studyDate()).hasToString("2026-03-10");
    assertThat(current.modalities()).contains("CT", "SR");
    assertThat(current.patientId()).isNotBlank();
    assertThat(folder.studiesOfPatientOf(current.studyInstanceUid())).hasSize(2);
    assertThat(folder.problems()).isEmpty();
  }

  @Test
  void listenersAreToldOnceOnChangeReplayedWhenAddedAndIsolatedFromEachOther() throws Exception {
    SwingViewerHost host = host();
    Heard early = new Heard();
    host.addStudyContextListener(early);
    host.addStudyContextListener(early); // dedup
    host.addStudyContextListener(
        new StudyContextListener() {
          @Override
          public void studyOpened(StudyContext study) {
            throw new IllegalStateException("a broken listener");
          }

          @Override
          public void studyClosed(String uid) {}
        });
    PanelRobot.onEdt(
        () -> {
          host.show(folder);
          host.show(folder); // the same study again: no event
          return null;
        });
    Heard late = new Heard();
    host.addStudyContextListener(late); // replay
    PanelRobot.onEdt(
        () -> {
          host.close();
          return null;
        });

    assertThat(early.events).containsExactly("opened 2026-03-10", "series CT", "closed");
    assertThat(late.events).containsExactly("opened 2026-03-10", "series CT", "closed");
    host.removeStudyContextListener(late);
    PanelRobot.onEdt(
        () -> {
          host.show(folder);
          return null;
        });
    assertThat(late.events).hasSize(3);
  }

  @Test
  void workersReadThePublishedSnapshotAndSeeTheSrOfTheStudy() throws Exception {
    SwingViewerHost host = host();
    PanelRobot.onEdt(
        () -> {
          host.show(folder);
          return null;
        });
    String uid = host.currentStudy().orElseThrow().studyInstanceUid(); // from this test thread
    List<LoadedInstance> loaded = host.loadedInstances(uid);
    assertThat(loaded).hasSize(25).filteredOn(LoadedInstance::isStructuredReport).hasSize(1);
    assertThat(loaded)
        .allSatisfy(i -> assertThat(Files.isReadable(Path.of(i.location()))).isTrue());
    assertThat(host.loadedInstances("2.25.404")).isEmpty();
    assertThat(host.loadedStudiesOfPatient(uid)).hasSize(2);
  }

  @Test
  void openImageAnswersHonestly() throws Exception {
    SwingViewerHost host = host();
    PanelRobot.onEdt(
        () -> {
          host.show(folder);
          return null;
        });
    DicomFolder.Instance slice =
        folder.newest().orElseThrow().firstImageSeries().orElseThrow().instances().get(3);
    String sop = slice.loaded().sopInstanceUid();
    ImageRegion circle =
        new ImageRegion(
            ImageRegion.GraphicType.CIRCLE, List.of(100.0, 100.0, 110.0, 100.0), false, null);
    ImageRegion patientSpace =
        new ImageRegion(ImageRegion.GraphicType.POINT, List.of(1.0, 2.0, 3.0), true, "2.25.9");

    assertThat(open(host, new ImageReference(null, null, null, sop, List.of(), List.of(), circle)))
        .isEqualTo(OpenResult.OPENED_WITH_REGION);
    assertThat(
            open(
                host,
                new ImageReference(null, null, null, sop, List.of(), List.of(), patientSpace)))
        .isEqualTo(OpenResult.OPENED);
    assertThat(open(host, ImageReference.of(null, "2.25.404"))).isEqualTo(OpenResult.NOT_LOADED);
    String sr =
        host.loadedInstances(host.currentStudy().orElseThrow().studyInstanceUid()).stream()
            .filter(LoadedInstance::isStructuredReport)
            .findFirst()
            .orElseThrow()
            .sopInstanceUid();
    assertThat(open(host, ImageReference.of(null, sr))).isEqualTo(OpenResult.UNSUPPORTED);
  }

  private static OpenResult open(SwingViewerHost host, ImageReference ref) throws Exception {
    return host.openImage(ref).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void theRegionPointsAreImagePixelCoordinatesFromTheTopLeftCornerOfTheTopLeftPixel() {
    // a CIRCLE: the centre, then a point on the circumference
    var circle =
        ImageView.shapeOf(
                new ImageRegion(
                    ImageRegion.GraphicType.CIRCLE, List.of(0.5, 0.5, 2.5, 0.5), false, null))
            .orElseThrow()
            .getBounds2D();
    assertThat(circle.getCenterX()).isEqualTo(0.5); // the centre of the top left pixel
    assertThat(circle.getWidth()).isEqualTo(4.0);
    assertThat(
            ImageView.shapeOf(
                new ImageRegion(ImageRegion.GraphicType.POINT, List.of(1.0, 2.0, 3.0), true, "1")))
        .isEmpty();
  }

  @Test
  void aFolderThatIsNotThereIsAnErrorNamingIt() throws Exception {
    Path missing = temp.resolve("nope");
    assertThatThrownBy(() -> DicomFolder.load(missing))
        .isInstanceOf(IOException.class)
        .hasMessage(missing + ": not a folder of DICOM files");
    Path junk = Files.createDirectories(temp.resolve("junk"));
    Files.writeString(junk.resolve("notes.txt"), "not DICOM");
    DicomFolder read = DicomFolder.load(junk);
    assertThat(read.studies()).isEmpty();
    assertThat(read.problems())
        .singleElement()
        .asString()
        .startsWith(junk.resolve("notes.txt") + ": ");
  }

  @Test
  void theViewerModelChangesOnTheEventThreadOnly() throws Exception {
    SwingViewerHost host = host();
    assertThat(SwingUtilities.isEventDispatchThread()).isFalse();
    assertThatThrownBy(() -> host.show(folder)).isInstanceOf(IllegalStateException.class);
  }
}
