package org.radassist.panel.visual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.radassist.panel.testing.Headless.awaitOnEdt;
import static org.radassist.panel.testing.Headless.onEdt;

import java.awt.EventQueue;
import java.awt.event.ActionEvent;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.swing.AbstractButton;
import javax.swing.JComponent;
import org.junit.jupiter.api.Test;
import org.radassist.model.SectionKind;
import org.radassist.panel.Decision;
import org.radassist.panel.RadAssistPanels;
import org.radassist.panel.internal.PanelTool;
import org.radassist.panel.internal.model.MutableDraftReview;
import org.radassist.panel.internal.model.MutablePanelState;
import org.radassist.panel.internal.swing.Rendering;
import org.radassist.panel.testing.EdtWatchdog;
import org.radassist.panel.testing.Fixtures;
import org.radassist.panel.testing.Headless;
import org.radassist.panel.testing.ScriptedDraftingService;
import org.radassist.panel.testing.TestHost;

/**
 * A radiologist's session driven through the tool's own buttons and key bindings while the EDT
 * watchdog times every event: open a study (SRs and priors load), type the dictation, draft
 * (sections stream in), accept / reject / undo by keyboard, accept an impression, open a finding's
 * image, document the critical result, repaint every tab. No dispatch may stall the event thread
 * for more than 16 ms in RadAssist code. The first session warms up class loading and the JIT and
 * is not counted.
 */
class EdtWatchdogSessionTest {
  static final long THRESHOLD_MILLIS = 16;

  @Test
  void aScriptedSessionNeverStallsTheEventThreadInRadAssistCode() throws Exception {
    Headless.lookAndFeel(true);
    try (EdtWatchdog watchdog = EdtWatchdog.install(THRESHOLD_MILLIS)) {
      session(); // warm-up
      watchdog.reset();
      List<Decision> decisions = session();
      EventQueue.invokeAndWait(() -> {}); // the watchdog records a dispatch after it returns
      String summary = watchdog.summary();
      System.out.println(summary);
      for (EdtWatchdog.Stall s : watchdog.stalls()) {
        System.out.println("  stall: " + s);
      }
      Files.writeString(
          Headless.pngDir().resolve("edt-watchdog.txt"), summary + System.lineSeparator());
      assertThat(decisions)
          .extracting(Decision::verb)
          .contains(
              Decision.Verb.ACCEPT,
              Decision.Verb.REJECT,
              Decision.Verb.UNDO,
              Decision.Verb.COMMUNICATE);
      assertThat(watchdog.events())
          .as("the session went through the event queue")
          .isGreaterThan(100);
      assertThat(watchdog.radAssistStalls()).as(summary).isEmpty();
    }
  }

  @Test
  void theSameSessionThroughTheSpeechHookWithGovernanceAndMetricsNeverStalls() throws Exception {
    Headless.lookAndFeel(true);
    try (EdtWatchdog watchdog = EdtWatchdog.install(THRESHOLD_MILLIS)) {
      session(true); // warm-up
      watchdog.reset();
      List<Decision> decisions = session(true);
      EventQueue.invokeAndWait(() -> {});
      String summary = watchdog.summary();
      System.out.println("with the optional services: " + summary);
      Files.writeString(
          Headless.pngDir().resolve("edt-watchdog-optional-services.txt"),
          summary + System.lineSeparator());
      assertThat(decisions)
          .extracting(Decision::target)
          .contains(Decision.Target.SECTION, Decision.Target.CODE);
      assertThat(watchdog.events()).isGreaterThan(100);
      assertThat(watchdog.radAssistStalls()).as(summary).isEmpty();
    }
  }

  @Test
  void theWatchdogCatchesASleepAndABusyLoopInRadAssistCode() throws Exception {
    MutablePanelState state = new MutablePanelState(Clock.systemUTC(), () -> "u", d -> {}, 0.5);
    try (EdtWatchdog watchdog = EdtWatchdog.install(THRESHOLD_MILLIS)) {
      Runnable sleeper =
          () -> {
            try {
              Thread.sleep(200); // long enough for the sampler to see it on a loaded machine
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          };
      state.addChangeListener(sleeper);
      EventQueue.invokeAndWait(
          state::changed); // MutablePanelState.changed -> a listener that sleeps
      state.removeChangeListener(sleeper);
      double[] sink = new double[1];
      Runnable spinner =
          () -> {
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long end = threads.getCurrentThreadCpuTime() + 40_000_000L;
            double x = 0;
            while (threads.getCurrentThreadCpuTime() < end) {
              x += Math.sqrt(x + 1);
            }
            sink[0] = x;
          };
      state.addChangeListener(spinner);
      EventQueue.invokeAndWait(state::changed);
      state.removeChangeListener(spinner);
      EventQueue.invokeAndWait(() -> {}); // the watchdog records a dispatch after it returns
      assertThat(watchdog.radAssistStalls())
          .as(watchdog.summary() + " " + watchdog.stalls() + " sink " + sink[0])
          .hasSizeGreaterThanOrEqualTo(2);
      assertThat(watchdog.radAssistStalls().get(0).blocked()).isTrue();
      assertThat(watchdog.radAssistStalls().get(0).radAssistFrames())
          .anyMatch(
              f -> f.startsWith("org.radassist.panel.internal.model.MutablePanelState.changed"));
      assertThat(watchdog.worstWallMillis()).isGreaterThan(200);
    }
  }

  private static List<Decision> session() throws Exception {
    return session(false);
  }

  /**
   * @param optionalServices with a speech hook (the draft comes through it), governance (assistive,
   *     real approval gate) and an audit trail (the Metrics tab)
   */
  private static List<Decision> session(boolean optionalServices) throws Exception {
    List<Decision> decisions = new ArrayList<>();
    TestHost host =
        new TestHost(
            Fixtures.study(),
            List.of(
                PanelVisualTest.ct(),
                PanelVisualTest.sr(Fixtures.SR_UID, PanelVisualTest.GOOD_SR),
                PanelVisualTest.sr("2.25.98", PanelVisualTest.BAD_SR),
                PanelVisualTest.sr(
                    "2.25.99",
                    Fixtures.brokenDownload(
                        java.nio.file.Files.createTempDirectory("radassist-edt")))));
    RadAssistPanels.Builder builder =
        RadAssistPanels.builder(host)
            .drafting(new ScriptedDraftingService(Fixtures.draftEvents(), 8))
            .srReader(PanelVisualTest.READER)
            .priors(study -> Optional.of(Fixtures.priors()))
            .decisionListener(decisions::add);
    if (optionalServices) {
      Optional<org.radassist.speech.SpeechHook> hook =
          Optional.of(
              new org.radassist.panel.testing.RecordingSpeechHook(Fixtures.draftEvents(), null));
      Optional<org.radassist.audit.AuditTrail> trail =
          Optional.of(
              new org.radassist.audit.internal.FileAuditTrail(
                  java.nio.file.Files.createTempDirectory("radassist-edt-audit"), 1 << 20));
      Optional<org.radassist.governance.Governance> governance =
          Optional.of(
              new org.radassist.panel.testing.TestGovernance(
                  org.radassist.governance.RolloutMode.ASSISTIVE, trail.get()));
      builder.speechHook(() -> hook).governance(() -> governance).auditTrail(() -> trail);
    }
    PanelTool tool = PanelTool.of(onEdt(builder::build));
    try {
      JComponent c = tool.component();
      onEdt(() -> Rendering.layout(c, 420, 900));
      awaitOnEdt(
          () ->
              tool.state().srLoad() == MutablePanelState.Load.DONE
                  && tool.state().priorsLoad() == MutablePanelState.Load.DONE,
          10_000);
      paintAllTabs(tool);

      // the radiologist types the dictation, a word per event
      onEdt(() -> tool.selectTab("Draft"));
      for (String word : Fixtures.DICTATION.split(" ")) {
        onEdt(
            () ->
                Headless.find(c, javax.swing.JTextArea.class).stream()
                    .filter(a -> a.isEditable())
                    .findFirst()
                    .orElseThrow()
                    .append(word + " "));
      }
      click(c, "Draft report");
      // repaint while the draft streams, as the screen would (through the hook, the review starts
      // with the hook's draft.started)
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
      while (onEdt(() -> tool.state().review().phase() != MutableDraftReview.Phase.COMPLETE)
          && System.nanoTime() < deadline) {
        onEdt(() -> Rendering.render(c, 420, 900));
        Thread.sleep(15);
      }
      assertThat(onEdt(() -> tool.state().review().phase()))
          .isEqualTo(MutableDraftReview.Phase.COMPLETE);

      key(c, "radassist.accept"); // clinical history
      key(c, "radassist.reject"); // comparison
      key(c, "radassist.undo");
      key(c, "radassist.next");
      key(c, "radassist.accept");
      onEdt(() -> tool.selectTab("Impressions"));
      click(c, "Accept");
      if (optionalServices) {
        awaitOnEdt(() -> tool.state().metricsLoad() == MutablePanelState.Load.DONE, 5_000);
        onEdt(() -> tool.selectTab("Codes"));
        click(c, "Approve");
        awaitOnEdt(() -> tool.state().notice().endsWith("approved"), 5_000);
        onEdt(() -> tool.selectTab("Draft"));
        click(c, "Approve draft");
        // sections are still pending: the panel asks first, inline
        click(c, "Approve accepted only");
        awaitOnEdt(() -> tool.state().notice().startsWith("Draft approved"), 5_000);
      }
      onEdt(() -> tool.selectTab("Findings"));
      click(c, "Show on image");
      awaitOnEdt(() -> !tool.state().notice().isEmpty(), 5_000);
      onEdt(() -> tool.selectTab("Draft"));
      onEdt(() -> fieldByName(c, "Communicated to (who)").setText("Dr. Chen"));
      click(c, "Now");
      onEdt(() -> fieldByName(c, "Communicated by (how)").setText("phone"));
      click(c, "Record communication");
      assertThat(onEdt(() -> tool.state().criticalUnresolved())).isFalse();
      assertThat(onEdt(() -> tool.state().review().section(SectionKind.COMMUNICATION).isPresent()))
          .isTrue();
      paintAllTabs(tool);
    } finally {
      onEdt(tool::dispose);
    }
    return decisions;
  }

  private static void paintAllTabs(PanelTool tool) throws Exception {
    for (String tab : tool.tabNames()) {
      onEdt(() -> tool.selectTab(tab));
      onEdt(() -> Rendering.render(tool.component(), 420, 900));
    }
  }

  private static void click(JComponent root, String text) throws Exception {
    onEdt(
        () -> {
          AbstractButton b =
              Headless.find(root, AbstractButton.class).stream()
                  .filter(x -> text.equals(x.getText()) && x.isEnabled())
                  .findFirst()
                  .orElseThrow(() -> new AssertionError("no enabled button " + text));
          b.doClick(0);
        });
    onEdt(() -> {});
  }

  private static void key(JComponent root, String action) throws Exception {
    onEdt(
        () ->
            root.getActionMap()
                .get(action)
                .actionPerformed(new ActionEvent(root, ActionEvent.ACTION_PERFORMED, action)));
    onEdt(() -> {});
  }

  private static javax.swing.JTextField fieldByName(JComponent root, String accessibleName) {
    return Headless.find(root, javax.swing.JTextField.class).stream()
        .filter(f -> accessibleName.equals(f.getAccessibleContext().getAccessibleName()))
        .findFirst()
        .orElseThrow();
  }
}
