package org.radassist.panel;

import java.util.List;
import javax.swing.JComponent;
import org.radassist.model.ImageReference;
import org.radassist.panel.model.PanelState;

/**
 * The built tool, what a host holds: one Swing component with a tab per view, the critical-result
 * banner on top, and the background threads that read SRs, compare priors, call the drafting
 * service and hand decisions to the listeners. Built by {@link RadAssistPanels}; {@link #dispose()}
 * when the host removes it. Unless said otherwise, call its methods on the Swing event thread.
 */
public interface RadAssistTool {
  /**
   * Client property of {@link #component()}: a {@code Supplier<Optional<DraftReport>>} giving the
   * draft as the radiologist reviewed it in this panel (sections with their decisions and edits),
   * empty before any draft. Read it on the Swing event thread. A headless host writes its report
   * and AI SR from it, so they are the review whose decisions were audited.
   *
   * @since 1.3
   */
  String REVIEWED_DRAFT = "org.radassist.panel.reviewedDraft";

  /** The component to place in the host's dock or side bar. */
  JComponent component();

  /**
   * The names of the tabs, in order: Findings, Draft, Impressions, Fields, Codes, Flags, Priors,
   * SR, Metrics.
   */
  List<String> tabNames();

  /** Shows the named tab; false when there is no such tab. */
  boolean selectTab(String name);

  /** What the views show (read-only; read it on the event thread). */
  PanelState state();

  /** Sets the dictation box's text. */
  void setDictation(String text);

  /** Asks for a draft of the current dictation, as the "Draft report" button does. */
  void requestDraft();

  /** Shows a finding's image in the viewer, as its "Show on image" button does. */
  void openImage(ImageReference reference);

  /** Approves the draft, as the "Approve draft" button does. */
  void approveDraft();

  /** Re-renders at once; useful before painting the tool into an image. */
  void refresh();

  /**
   * Unsubscribes from the host and stops background work. The decisions still queued are delivered
   * (audited) on the decisions thread, which the JVM waits for before it exits. Any thread: called
   * on the event thread (as hosts do) this returns at once, called elsewhere it waits up to two
   * seconds for them.
   */
  void dispose();
}
