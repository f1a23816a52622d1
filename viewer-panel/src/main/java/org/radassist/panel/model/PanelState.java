package org.radassist.panel.model;

import java.util.List;
import java.util.Optional;
import org.radassist.governance.RolloutMode;
import org.radassist.model.Finding;
import org.radassist.model.StudyContext;
import org.radassist.panel.PriorComparison;
import org.radassist.speech.SessionStatus;

/**
 * Everything the tool shows, for one study at a time: the SR findings, the prior comparison, the
 * dictation, the draft review, governance's rollout, metrics and the critical-result banner.
 * Read-only for a host: the panel's views and background work change it, and tell the change
 * listeners.
 *
 * <p>Confined to one thread (the Swing event thread in a viewer): read it, and add listeners,
 * there.
 */
public interface PanelState {

  /** Where the loading of a study's SRs, priors or metrics stands. */
  enum Load {
    NOT_STARTED,
    LOADING,
    DONE,
    /** The source is not there in this build or host. */
    UNAVAILABLE,
    FAILED
  }

  /** Shown in shadow mode instead of any AI content. */
  String SHADOW_MESSAGE = "Shadow mode: drafts are made and logged, not shown";

  /** Shown above auto-populated fields in integrated mode. */
  String AUTO_POPULATED = "auto-populated \u2014 not final until accepted";

  /** Called on the panel's thread after every change. */
  void addChangeListener(Runnable listener);

  void removeChangeListener(Runnable listener);

  /** The study on screen (empty when none is). */
  Optional<StudyContext> study();

  // SR and findings

  Load srLoad();

  /** Why the SRs are not shown ("" when they are, or are loading). */
  String srMessage();

  /** The study's SR instances, read, loading or failed. */
  List<SrEntry> srEntries();

  /** All findings read so far (what the drafting request carries as AI results). */
  List<Finding> findings();

  // priors

  Load priorsLoad();

  Optional<PriorComparison> priors();

  String priorsMessage();

  // dictation and draft

  /** The radiologist's dictation; only a new study clears it (never a drafting failure). */
  String dictation();

  DraftReview review();

  /** A short status line (e.g. what the viewer did with an image link). */
  String notice();

  // speech hook

  /** The study's dictation goes through the speech hook (its Draft button sends the box there). */
  boolean speechHook();

  /** What each other dictation source said so far, one line per source, in order of arrival. */
  List<DictationLine> dictationLines();

  /** Where the speech hook's session for the study stands; empty without the hook. */
  Optional<SessionStatus> dictationStatus();

  // governance

  /** True when a governance service decides the rollout mode and approvals for this study. */
  boolean governed();

  /** The rollout mode (ASSISTIVE without governance). */
  RolloutMode rollout();

  /** What the panel says about governance; empty without governance and in assistive mode. */
  String governanceMessage();

  // metrics

  Load metricsLoad();

  Optional<UsageMetrics> metrics();

  String metricsMessage();

  // critical result banner

  /** The banner shows while any critical-result flag is shown. */
  boolean criticalBannerVisible();

  /**
   * The banner is unresolved (red, with the communication fields) until communication is recorded.
   */
  boolean criticalUnresolved();

  CriticalCommunication communication();
}
