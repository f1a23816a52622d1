package org.radassist.panel.internal;

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
import org.radassist.audit.AuditTrail;
import org.radassist.drafting.DraftingService;
import org.radassist.governance.Governance;
import org.radassist.host.ViewerHost;
import org.radassist.model.DraftReport;
import org.radassist.panel.Decision;
import org.radassist.panel.DecisionListener;
import org.radassist.panel.PriorComparisonSource;
import org.radassist.panel.RadAssistTool;
import org.radassist.panel.SrDocumentReader;
import org.radassist.panel.internal.audit.DecisionAudit;
import org.radassist.panel.internal.model.MutablePanelState;
import org.radassist.panel.internal.swing.ToolPanel;
import org.radassist.speech.SpeechHook;

/**
 * The built tool: one Swing component with a tab per view, the critical-result banner on top, and
 * the background threads that read SRs, compare priors, call the drafting service and hand
 * decisions to the listeners. {@link org.radassist.panel.RadAssistPanels} builds it; the panel's
 * own code (shell commands, tests) reaches the mutable state through {@link #state()}.
 */
public final class PanelTool implements RadAssistTool {

  /** What the builder collected; everything but the host and the lists may be absent. */
  public record Parts(
      ViewerHost host,
      Supplier<Optional<DraftingService>> drafting,
      Supplier<Optional<SrDocumentReader>> srReader,
      Supplier<Optional<PriorComparisonSource>> priors,
      Supplier<Optional<SpeechHook>> dictation,
      Supplier<Optional<Governance>> governance,
      Supplier<Optional<AuditTrail>> auditTrail,
      List<DecisionListener> decisionListeners,
      java.time.Clock clock,
      double lowConfidenceThreshold,
      java.util.function.Function<SrDocumentReader, java.util.concurrent.Callable<?>> srWarmUp) {
    public Parts {
      decisionListeners = List.copyOf(decisionListeners);
    }
  }

  private final ViewerHost host;
  private final ExecutorService background;
  private final ExecutorService decisions;
  private final MutablePanelState state;
  private final PanelController controller;
  private final ToolPanel panel;

  /**
   * The panel's own view of a tool {@link org.radassist.panel.RadAssistPanels} built (its shell
   * commands and tests drive the mutable state); a host's own implementation is refused.
   */
  public static PanelTool of(RadAssistTool tool) {
    if (tool instanceof PanelTool own) {
      return own;
    }
    throw new IllegalArgumentException(
        "not a tool built by RadAssistPanels: " + (tool == null ? "null" : tool.getClass()));
  }

  public PanelTool(Parts b) {
    this.host = b.host();
    this.background = Executors.newFixedThreadPool(2, daemon("radassist-panel-worker"));
    // one thread, in order; not a daemon while it has decisions to deliver (a viewer exiting right
    // after a decision still gets it into the audit trail), gone a second after the last one
    this.decisions =
        new java.util.concurrent.ThreadPoolExecutor(
            0,
            1,
            1,
            TimeUnit.SECONDS,
            new java.util.concurrent.LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "radassist-panel-decisions");
              t.setDaemon(false);
              return t;
            });
    List<DecisionListener> all = new ArrayList<>();
    all.add(auditing(b)); // first: a listener that fails must not keep a decision unaudited
    all.addAll(b.decisionListeners());
    List<DecisionListener> listeners = List.copyOf(all);
    this.state =
        new MutablePanelState(
            b.clock(),
            () -> host.currentUser() == null ? "" : host.currentUser().userId(),
            d -> decisions.execute(() -> deliver(listeners, d)),
            b.lowConfidenceThreshold());
    this.controller =
        new PanelController(
            state,
            host,
            b.drafting(),
            b.srReader(),
            b.priors(),
            b.dictation(),
            b.governance(),
            b.auditTrail(),
            background,
            SwingUtilities::invokeLater);
    this.panel = new ToolPanel(state, controller, b.clock());
    panel.putClientProperty(
        REVIEWED_DRAFT,
        (java.util.function.Supplier<java.util.Optional<DraftReport>>) this::reviewed);
    host.addStudyContextListener(controller);
    // after a study already on screen has been queued: the first SR read in a JVM is slow (the
    // importer and PixelMed loading), so it is done now rather than when the radiologist waits
    present(b.srReader()).ifPresent(r -> background.execute(() -> warmUp(b.srWarmUp().apply(r))));
  }

  private static void warmUp(java.util.concurrent.Callable<?> warmUp) {
    try {
      warmUp.call();
    } catch (Exception | LinkageError e) {
      // only time is lost: the first study reads its SR cold, and says so if it cannot
      System.getLogger(PanelTool.class.getName())
          .log(System.Logger.Level.DEBUG, "SR reader warm-up failed", e);
    }
  }

  /** Records each decision in the audit trail, when there is one. */
  private static DecisionListener auditing(Parts b) {
    ViewerHost host = b.host();
    DecisionAudit records = new DecisionAudit(); // one per tool: its session id
    return d -> {
      Optional<AuditTrail> audit = present(b.auditTrail());
      if (audit.isEmpty()) {
        return;
      }
      String modality =
          present(host::currentStudy)
              .flatMap(st -> st.modalities().stream().filter(m -> !"SR".equals(m)).findFirst())
              .orElse("");
      try {
        records.decided(audit.get(), d, modality, present(b.governance()).isPresent());
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
        System.getLogger(PanelTool.class.getName())
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

  /** The reviewed draft: the assembled draft with the review's sections, decisions and edits. */
  private java.util.Optional<DraftReport> reviewed() {
    var review = state.review();
    return review
        .report()
        .map(
            r ->
                new DraftReport(
                    r.draftId(),
                    r.studyToken(),
                    r.model(),
                    review.sections(),
                    review.impressions(),
                    review.differentials(),
                    review.fields(),
                    review.codes(),
                    review.flags(),
                    r.status(),
                    r.createdAt()));
  }

  /** The component to place in the host's dock or side bar. */
  @Override
  public JComponent component() {
    return panel;
  }

  /**
   * The names of the tabs, in order: Findings, Draft, Impressions, Fields, Codes, Flags, Priors,
   * SR, Metrics.
   */
  @Override
  public List<String> tabNames() {
    return panel.tabNames();
  }

  /** Shows the named tab (on the event thread); false when there is no such tab. */
  @Override
  public boolean selectTab(String name) {
    return panel.selectTab(name);
  }

  /** The state behind the views (read and change it on the event thread only). */
  @Override
  public MutablePanelState state() {
    return state;
  }

  /** Sets the dictation box's text (on the event thread). */
  @Override
  public void setDictation(String text) {
    state.setDictation(text);
  }

  /**
   * Asks for a draft of the current dictation, as the "Draft report" button does (event thread).
   */
  @Override
  public void requestDraft() {
    controller.requestDraft();
  }

  /** Shows a finding's image in the viewer, as its "Show on image" button does (event thread). */
  @Override
  public void openImage(org.radassist.model.ImageReference reference) {
    controller.openImage(reference);
  }

  /** Approves the draft, as the "Approve draft" button does (event thread). */
  @Override
  public void approveDraft() {
    controller.approveDraft();
  }

  /** Re-renders at once (event thread); useful before painting the tool into an image. */
  @Override
  public void refresh() {
    panel.refresh();
  }

  /**
   * Unsubscribes from the host and stops background work. The decisions still queued are delivered
   * (audited) on the decisions thread, which the JVM waits for before it exits; called on the event
   * thread (as hosts do) this returns at once, called elsewhere it waits up to two seconds for
   * them.
   */
  @Override
  public void dispose() {
    host.removeStudyContextListener(controller);
    controller.dispose();
    panel.detach();
    background.shutdownNow();
    decisions.shutdown();
    if (SwingUtilities.isEventDispatchThread()) {
      return; // never block the viewer: the queued decisions still go out
    }
    try {
      decisions.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
