package org.radassist.panel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import org.radassist.panel.internal.AuditPort;
import org.radassist.panel.internal.PanelController;
import org.radassist.panel.internal.swing.ToolPanel;
import org.radassist.panel.model.PanelState;

/**
 * The built tool: one Swing component with a tab per view, the critical-result banner on top, and
 * the background threads that read SRs, compare priors, call the drafting service and hand
 * decisions to the listeners. Built by {@link RadAssistPanels}; {@link #dispose()} when the host
 * removes it.
 */
public final class RadAssistTool {
  private final org.radassist.host.ViewerHost host;
  private final ExecutorService background;
  private final ExecutorService decisions;
  private final PanelState state;
  private final PanelController controller;
  private final ToolPanel panel;

  RadAssistTool(RadAssistPanels.Builder b) {
    this.host = b.host;
    this.background = Executors.newFixedThreadPool(2, daemon("radassist-panel-worker"));
    this.decisions = Executors.newSingleThreadExecutor(daemon("radassist-panel-decisions"));
    List<DecisionListener> all = new ArrayList<>();
    all.add(auditing(b)); // first: a listener that fails must not keep a decision unaudited
    all.addAll(b.decisionListeners);
    List<DecisionListener> listeners = List.copyOf(all);
    this.state =
        new PanelState(
            b.clock,
            () -> host.currentUser() == null ? "" : host.currentUser().userId(),
            d -> decisions.execute(() -> deliver(listeners, d)),
            b.lowConfidenceThreshold);
    this.controller =
        new PanelController(
            state,
            host,
            b.drafting,
            b.srReader,
            b.priors,
            b.dictation,
            b.governance,
            b.metrics,
            background,
            SwingUtilities::invokeLater);
    this.panel = new ToolPanel(state, controller, b.clock);
    host.addStudyContextListener(controller);
    // after a study already on screen has been queued: the first SR read in a JVM is slow (the
    // importer and PixelMed loading), so it is done now rather than when the radiologist waits
    present(b.srReader).ifPresent(r -> background.execute(() -> warmUp(r)));
  }

  private static void warmUp(SrDocumentReader reader) {
    try {
      SrDocumentReaders.warmUp(reader);
    } catch (Exception | LinkageError e) {
      // only time is lost: the first study reads its SR cold, and says so if it cannot
      System.getLogger(RadAssistTool.class.getName())
          .log(System.Logger.Level.DEBUG, "SR reader warm-up failed", e);
    }
  }

  /** Records each decision in the audit trail, when there is one. */
  private static DecisionListener auditing(RadAssistPanels.Builder b) {
    org.radassist.host.ViewerHost host = b.host;
    return d -> {
      Optional<AuditPort> audit = present(b.audit);
      if (audit.isEmpty()) {
        return;
      }
      String modality =
          present(host::currentStudy)
              .flatMap(st -> st.modalities().stream().filter(m -> !"SR".equals(m)).findFirst())
              .orElse("");
      try {
        audit.get().decided(d, modality, present(b.governance).isPresent());
      } catch (IOException e) {
        throw new UncheckedIOException("decision not audited: " + e.getMessage(), e);
      }
    };
  }

  /** A failing look-up (a service going away) counts as absent. */
  private static <T> Optional<T> present(Supplier<Optional<T>> supplier) {
    try {
      Optional<T> found = supplier.get();
      return found == null ? Optional.empty() : found;
    } catch (RuntimeException | LinkageError e) {
      return Optional.empty();
    }
  }

  private static void deliver(List<DecisionListener> listeners, Decision d) {
    for (DecisionListener l : listeners) {
      try {
        l.decided(d);
      } catch (RuntimeException e) {
        // one failing listener must not keep the others (or the radiologist) from going on
        System.getLogger(RadAssistTool.class.getName())
            .log(
                System.Logger.Level.ERROR,
                "decision listener failed for " + d.verb() + " " + d.itemId(),
                e);
      }
    }
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The component to place in the host's dock or side bar. */
  public JComponent component() {
    return panel;
  }

  /**
   * The names of the tabs, in order: Findings, Draft, Impressions, Fields, Codes, Flags, Priors,
   * SR, Metrics.
   */
  public List<String> tabNames() {
    return panel.tabNames();
  }

  /** Shows the named tab (on the event thread); false when there is no such tab. */
  public boolean selectTab(String name) {
    return panel.selectTab(name);
  }

  /** The state behind the views (read and change it on the event thread only). */
  public PanelState state() {
    return state;
  }

  /** Sets the dictation box's text (on the event thread). */
  public void setDictation(String text) {
    state.setDictation(text);
  }

  /**
   * Asks for a draft of the current dictation, as the "Draft report" button does (event thread).
   */
  public void requestDraft() {
    controller.requestDraft();
  }

  /** Re-renders at once (event thread); useful before painting the tool into an image. */
  public void refresh() {
    panel.refresh();
  }

  /**
   * Unsubscribes from the host, stops background work and delivers the decisions still queued
   * (waiting up to two seconds for them).
   */
  public void dispose() {
    host.removeStudyContextListener(controller);
    controller.dispose();
    panel.detach();
    background.shutdownNow();
    decisions.shutdown();
    try {
      decisions.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
