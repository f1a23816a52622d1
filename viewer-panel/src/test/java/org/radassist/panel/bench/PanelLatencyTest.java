package org.radassist.panel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.swing.RepaintManager;
import org.junit.jupiter.api.Test;
import org.radassist.panel.testing.Headless;

/**
 * The latency benchmark measures what it says (no timing is asserted here: the figures come from
 * scripts/bench-panel-latency): each run ends at a paint that shows the study's AI findings, or the
 * section's finished card, and the benchmark gives Swing its own repaint manager back.
 */
class PanelLatencyTest {
  static final Path SHARED = Path.of(System.getProperty("radassist.shared", "/work/shared"));

  @Test
  void studyOpenEndsAtThePaintShowingTheStudysFindings() throws Exception {
    Headless.lookAndFeel(true);
    RepaintManager before = Headless.onEdt(() -> RepaintManager.currentManager(null));

    PanelLatency.Result r = PanelLatency.findingsShown(SHARED, 1, 4, null, 0);

    assertThat(r.samples()).hasSize(4);
    for (PanelLatency.Sample s : r.samples()) {
      assertThat(s.wallNanos()).isPositive();
      assertThat(s.paints()).as("the run ended at a paint").isPositive();
    }
    assertThat(Headless.onEdt(() -> RepaintManager.currentManager(null))).isSameAs(before);
  }

  @Test
  void sectionDoneEndsAtThePaintShowingTheFinishedCard() throws Exception {
    Headless.lookAndFeel(true);

    PanelLatency.Result r = PanelLatency.firstSectionPainted(1, 4, null);

    assertThat(r.samples()).hasSize(4);
    assertThat(r.samples()).allSatisfy(s -> assertThat(s.paints()).isPositive());
    assertThat(r.line()).contains("n=4", "p50=", "p99=", "target < 50 ms");
  }

  @Test
  void sectionDoneFromTheDraftingServiceEndsAtThePaintShowingTheFinishedCard() throws Exception {
    Headless.lookAndFeel(true);

    PanelLatency.Result r = PanelLatency.firstSectionPaintedFromService(1, 4, null);

    assertThat(r.samples()).hasSize(4);
    assertThat(r.samples()).allSatisfy(s -> assertThat(s.paints()).isPositive());
  }

  @Test
  void aMissingSrFileIsNamed() {
    Path nowhere = Path.of("no-such-shared-dir");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> PanelLatency.findingsShown(nowhere, 0, 1, null, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SR file not found")
        .hasMessageContaining("no-such-shared-dir");
  }
}
