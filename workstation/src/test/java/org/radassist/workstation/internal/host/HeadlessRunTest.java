package org.radassist.workstation.internal.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.DraftCall;
import org.radassist.drafting.DraftingException;
import org.radassist.drafting.DraftingService;
import org.radassist.host.Role;
import org.radassist.host.UserIdentity;
import org.radassist.model.DraftReport;
import org.radassist.model.ModelInfo;
import org.radassist.workstation.internal.study.DefaultStudy;
import org.radassist.workstation.internal.study.DefaultStudyGenerator;

/**
 * The headless run outside OSGi, where a fault is needed that the real engine does not produce: the
 * drafting service down. The run says so, keeps going with what it can, and exits 1.
 */
class HeadlessRunTest {
  @TempDir static Path temp;
  static DefaultStudy study;

  @BeforeAll
  static void generate() throws Exception {
    study = new DefaultStudyGenerator(Optional.empty()).generate(temp.resolve("s"));
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

  /** A drafting service that is down: every call fails as the remote client reports it. */
  private static final DraftingService DOWN =
      new DraftingService() {
        @Override
        public ModelInfo model() {
          return new ModelInfo("remote", "", "");
        }

        @Override
        public DraftCall draft(
            org.radassist.drafting.DraftRequest request,
            String idempotencyKey,
            org.radassist.drafting.DraftListener listener) {
          CompletableFuture<DraftReport> failed =
              CompletableFuture.failedFuture(
                  new DraftingException("unavailable", true, "connection refused"));
          return new DraftCall() {
            @Override
            public String idempotencyKey() {
              return idempotencyKey;
            }

            @Override
            public CompletionStage<DraftReport> result() {
              return failed;
            }

            @Override
            public void cancel() {}
          };
        }
      };

  private static String run(Optional<DraftingService> drafting, Path out, int expectedCode)
      throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    HeadlessRun.Parts parts =
        new HeadlessRun.Parts(
            bench(),
            List::of,
            () -> drafting,
            Optional::empty,
            Optional.empty(),
            Optional.empty(),
            Clock.systemUTC());
    int code =
        new HeadlessRun(parts, new PrintStream(log, true, StandardCharsets.UTF_8))
            .run(study.root(), out, "CT chest. Solid nodule right upper lobe 8.2 mm.");
    assertThat(code).isEqualTo(expectedCode);
    return log.toString(StandardCharsets.UTF_8);
  }

  @Test
  void withTheDraftingServiceDownItSaysSoAndStillShowsTheStudy() throws Exception {
    Path out = temp.resolve("down");
    String log = run(Optional.of(DOWN), out, 1);
    assertThat(log)
        .contains("opened study of 2026-03-10")
        .contains("draft: failed: connection refused; the dictation is kept")
        .contains("PNGs written: viewer.png, panels.png");
    assertThat(out.resolve("report.txt")).doesNotExist();
    assertThat(out.resolve("png/viewer.png")).isRegularFile();
    assertThat(Files.size(out.resolve("png/viewer.png"))).isGreaterThan(10_000);
  }

  @Test
  void itsOutputsAreOwnerOnlyWhateverTheUmask() throws Exception {
    Path out = temp.resolve("private");
    run(Optional.of(DOWN), out, 1);
    assertThat(mode(out)).isEqualTo("rwx------");
    assertThat(mode(out.resolve("png"))).isEqualTo("rwx------");
    assertThat(mode(out.resolve("findings.json"))).isEqualTo("rw-------");
    try (var pngs = Files.list(out.resolve("png"))) {
      List<Path> files = pngs.toList();
      assertThat(files).isNotEmpty();
      for (Path png : files) {
        assertThat(mode(png)).as(png.toString()).isEqualTo("rw-------");
      }
    }
  }

  private static String mode(Path p) throws Exception {
    return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void theDraftLineCountsCriticalResultsAndActionableFindingsApart() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    HeadlessRun.Parts parts =
        new HeadlessRun.Parts(
            bench(),
            List::of,
            () -> Optional.of(org.radassist.drafting.EmbeddedDrafting.create()),
            Optional::empty,
            Optional.empty(),
            Optional.empty(),
            Clock.systemUTC());
    new HeadlessRun(parts, new PrintStream(log, true, StandardCharsets.UTF_8))
        .run(
            study.root(),
            temp.resolve("actionable"),
            "CT abdomen. Solid enhancing mass in the left kidney measuring 3.1 cm, suspicious for"
                + " renal cell carcinoma.");
    assertThat(log.toString(StandardCharsets.UTF_8))
        .containsPattern(
            "draft streamed in: .* flags \\(0 critical result, 1 actionable finding\\)");
  }

  @Test
  void withoutTheOptionalModulesItListsWhatIsNotAvailable() throws Exception {
    String log = run(Optional.empty(), temp.resolve("bare"), 1);
    assertThat(log)
        .contains("findings: SR reader not available in this build (0 SR)")
        .contains(PanelDock.NONE_TEXT)
        .contains("not available in this build: SR reader (org.radassist.sr); panels")
        .contains("drafting service");
  }
}
