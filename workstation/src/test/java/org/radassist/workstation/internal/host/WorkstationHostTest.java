package org.radassist.workstation.internal.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.host.LoadedInstance;
import org.radassist.host.OpenResult;
import org.radassist.host.PanelContribution;
import org.radassist.host.Role;
import org.radassist.host.StudyContextListener;
import org.radassist.host.UserIdentity;
import org.radassist.host.ViewerHost;
import org.radassist.model.ImageReference;
import org.radassist.model.ImageRegion;
import org.radassist.model.StudyContext;
import org.radassist.workstation.internal.load.FolderLoader;
import org.radassist.workstation.internal.load.LoadedFolder;
import org.radassist.workstation.internal.study.DefaultStudy;
import org.radassist.workstation.internal.study.DefaultStudyGenerator;

/** The workstation as a ViewerHost, with the real viewer (headless) on the generated study. */
class WorkstationHostTest {
  @TempDir static Path temp;
  static DefaultStudy study;
  static LoadedFolder folder;

  @BeforeAll
  static void generate() throws Exception {
    study = new DefaultStudyGenerator(Optional.empty()).generate(temp.resolve("s"));
    folder = new FolderLoader().load(study.root());
  }

  private static Workbench bench() throws Exception {
    CompletableFuture<Workbench> b = new CompletableFuture<>();
    SwingUtilities.invokeLater(
        () -> {
          try {
            b.complete(
                Workbench.create(
                    "test host",
                    new UserIdentity("dr", "Dr Test", EnumSet.of(Role.RADIOLOGIST)),
                    Executors.newSingleThreadExecutor(
                        r -> {
                          Thread t = new Thread(r, "test-decoder");
                          t.setDaemon(true);
                          return t;
                        })));
          } catch (RuntimeException | Error e) {
            b.completeExceptionally(e);
          }
        });
    return b.get(30, TimeUnit.SECONDS);
  }

  private static void show(Workbench bench) throws Exception {
    CompletableFuture<Void> shown = new CompletableFuture<>();
    SwingUtilities.invokeLater(
        () -> bench.host().show(folder).whenComplete((v, e) -> shown.complete(null)));
    shown.get(10, TimeUnit.SECONDS);
  }

  @Test
  void theNewestStudyBecomesCurrentAndListenersHearOfIt() throws Exception {
    Workbench bench = bench();
    List<String> events = new ArrayList<>();
    bench
        .host()
        .addStudyContextListener(
            new StudyContextListener() {
              @Override
              public void studyOpened(StudyContext s) {
                events.add("opened " + s.studyDate());
              }

              @Override
              public void studyClosed(String uid) {
                events.add("closed");
              }
            });
    show(bench);
    assertThat(bench.host().currentStudy().map(StudyContext::studyInstanceUid))
        .contains(study.current().studyInstanceUid());
    assertThat(events).containsExactly("opened 2026-03-10");
    assertThat(bench.host().loadedStudiesOfPatient(study.current().studyInstanceUid())).hasSize(2);
    assertThat(bench.host().loadedInstances(study.current().studyInstanceUid()))
        .hasSize(24)
        .allMatch(i -> i.location().getScheme().equals("file"))
        .noneMatch(LoadedInstance::isStructuredReport);
  }

  @Test
  void openingAReferenceScrollsToTheInstanceAndDrawsItsRegion() throws Exception {
    Workbench bench = bench();
    show(bench);
    ImageRegion circle =
        new ImageRegion(
            ImageRegion.GraphicType.CIRCLE, List.of(60.0, 80.0, 64.0, 80.0), false, null);
    ImageReference ref =
        ImageReference.of("1.2.840.10008.5.1.4.1.1.2", study.prior().noduleSopInstanceUid())
            .withRegion(circle);
    OpenResult result = bench.host().openImage(ref).toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(result).isEqualTo(OpenResult.OPENED_WITH_REGION);
    CompletableFuture<int[]> state = new CompletableFuture<>();
    SwingUtilities.invokeLater(
        () ->
            state.complete(
                new int[] {
                  bench.viewer().viewport().index(), bench.viewer().viewport().hasRegion() ? 1 : 0
                }));
    assertThat(state.get(10, TimeUnit.SECONDS)).containsExactly(study.prior().noduleSlice(), 1);
    // the prior's image is on screen: the prior is now the current study
    assertThat(bench.host().currentStudy().map(StudyContext::studyInstanceUid))
        .contains(study.prior().studyInstanceUid());
    assertThat(
            bench
                .host()
                .openImage(ImageReference.of("1.2.840.10008.5.1.4.1.1.2", "1.2.3.4"))
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS))
        .isEqualTo(OpenResult.NOT_LOADED);
  }

  @Test
  void theDockSaysWhenNoPanelIsThereAndPlacesContributionsByPosition() throws Exception {
    Workbench bench = bench();
    CompletableFuture<List<String>> titles = new CompletableFuture<>();
    SwingUtilities.invokeLater(
        () -> {
          List<String> seen = new ArrayList<>();
          seen.add(
              ((JLabel) bench.dock().getComponent(0)).getText().contains("not available")
                  ? "placeholder"
                  : "?");
          bench.dock().add(contribution("b", 200));
          bench.dock().add(contribution("a", 100));
          seen.addAll(bench.dock().titles());
          titles.complete(seen);
        });
    assertThat(titles.get(10, TimeUnit.SECONDS)).containsExactly("placeholder", "a", "b");
  }

  private static PanelContribution contribution(String title, int position) {
    return new PanelContribution() {
      @Override
      public String id() {
        return "test." + title;
      }

      @Override
      public String title() {
        return title;
      }

      @Override
      public int position() {
        return position;
      }

      @Override
      public JComponent createComponent(ViewerHost host) {
        return new JLabel(title);
      }

      @Override
      public void dispose(JComponent component) {}
    };
  }
}
