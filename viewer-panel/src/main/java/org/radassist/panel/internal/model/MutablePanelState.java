package org.radassist.panel.internal.model;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.radassist.governance.RolloutMode;
import org.radassist.model.Finding;
import org.radassist.model.Flag;
import org.radassist.model.StudyContext;
import org.radassist.panel.Decision;
import org.radassist.panel.PriorComparison;
import org.radassist.panel.model.DictationLine;
import org.radassist.panel.model.PanelState;
import org.radassist.panel.model.SrEntry;
import org.radassist.panel.model.UsageMetrics;
import org.radassist.speech.DictationSegment;
import org.radassist.speech.SessionStatus;

/**
 * The panel's {@link PanelState} and its mutators: everything the tool shows, for one study at a
 * time. Views render it and call its mutators for the radiologist's gestures; the controller calls
 * them with what background work produced. Every mutator notifies the change listeners.
 *
 * <p>Confined to one thread (the Swing event thread in a viewer); not thread-safe.
 */
public final class MutablePanelState implements PanelState {

  private final Clock clock;
  private final Supplier<String> user;
  private final Consumer<Decision> decisions;
  private final double lowConfidenceThreshold;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  private StudyContext study;
  private Load srLoad = Load.NOT_STARTED;
  private final List<SrEntry> srEntries = new ArrayList<>();
  private String srMessage = "";
  private Load priorsLoad = Load.NOT_STARTED;
  private PriorComparison priors;
  private String priorsMessage = "";
  private String dictation = "";
  private String notice = "";
  private final MutableDraftReview review;
  private final MutableCriticalCommunication communication = new MutableCriticalCommunication();
  private final MutableCriticalCommunication actionableCommunication =
      new MutableCriticalCommunication();
  private final java.util.Map<String, java.util.TreeMap<Long, DictationSegment>> heard =
      new java.util.LinkedHashMap<>();
  private SessionStatus dictationStatus;
  private boolean speechHook;
  private boolean governed;
  private RolloutMode rollout = RolloutMode.ASSISTIVE;
  private String governanceMessage = "";
  private Load metricsLoad = Load.NOT_STARTED;
  private UsageMetrics metrics;
  private String metricsMessage = "";

  /**
   * @param decisions receives every decision, on this state's thread; it must hand slow work (the
   *     audit trail's disk writes) to another thread
   * @param lowConfidenceThreshold findings below this confidence are marked
   */
  public MutablePanelState(
      Clock clock,
      Supplier<String> user,
      Consumer<Decision> decisions,
      double lowConfidenceThreshold) {
    this.clock = clock;
    this.user = user;
    this.decisions = decisions;
    this.lowConfidenceThreshold = lowConfidenceThreshold;
    this.review = new MutableDraftReview(clock, user, decisions);
  }

  @Override
  public void addChangeListener(Runnable listener) {
    listeners.add(listener);
  }

  @Override
  public void removeChangeListener(Runnable listener) {
    listeners.remove(listener);
  }

  /** Tells the listeners that something changed; call after mutating {@link #review()}. */
  public void changed() {
    for (Runnable l : listeners) {
      l.run();
    }
  }

  // ---------------------------------------------------------------- study

  /** A new study: everything of the previous one is dropped, the dictation included. */
  public void studyOpened(StudyContext newStudy) {
    study = newStudy;
    srLoad = Load.NOT_STARTED;
    srEntries.clear();
    srMessage = "";
    priorsLoad = Load.NOT_STARTED;
    priors = null;
    priorsMessage = "";
    dictation = "";
    notice = "";
    review.reset();
    communication.reset();
    actionableCommunication.reset();
    heard.clear();
    dictationStatus = null;
    speechHook = false;
    governed = false;
    rollout = RolloutMode.ASSISTIVE;
    governanceMessage = "";
    review.setAiShown(true);
    review.setApprovalCheck(null);
    metricsLoad = Load.NOT_STARTED;
    metrics = null;
    metricsMessage = "";
    changed();
  }

  public void studyClosed() {
    studyOpened(null);
  }

  @Override
  public Optional<StudyContext> study() {
    return Optional.ofNullable(study);
  }

  // ---------------------------------------------------------------- SR and findings

  /** The study's SR instances are being read. */
  public void srLoading(List<SrEntry> entries) {
    srEntries.clear();
    srEntries.addAll(entries);
    srLoad = entries.isEmpty() ? Load.DONE : Load.LOADING;
    srMessage = entries.isEmpty() ? "No SR in this study" : "";
    changed();
  }

  /** No SR reader is installed: the findings and SR views say so. */
  public void srUnavailable(String message) {
    srLoad = Load.UNAVAILABLE;
    srMessage = message;
    changed();
  }

  /** The SR instances could not even be listed (the host failed). */
  public void srFailed(String message) {
    srLoad = Load.FAILED;
    srMessage = message;
    changed();
  }

  /** One SR instance was read, or failed; replaces its loading entry. */
  public void srRead(SrEntry entry) {
    for (int i = 0; i < srEntries.size(); i++) {
      if (srEntries.get(i).sopInstanceUid().equals(entry.sopInstanceUid())) {
        srEntries.set(i, entry);
      }
    }
    if (srEntries.stream().noneMatch(SrEntry::isLoading)) {
      srLoad = Load.DONE;
    }
    changed();
  }

  @Override
  public Load srLoad() {
    return srLoad;
  }

  @Override
  public String srMessage() {
    return srMessage;
  }

  @Override
  public List<SrEntry> srEntries() {
    return List.copyOf(srEntries);
  }

  /** The findings of every SR read so far, formatted, in document order. */
  public List<FindingRow> findingRows() {
    List<FindingRow> rows = new ArrayList<>();
    for (SrEntry e : srEntries) {
      e.read()
          .ifPresent(
              doc -> {
                for (Finding f : doc.findings()) {
                  rows.add(FindingRow.of(f, lowConfidenceThreshold, doc.title()));
                }
              });
    }
    return rows;
  }

  /** All findings read so far (what the drafting request carries as AI results). */
  @Override
  public List<Finding> findings() {
    return findingRows().stream().map(FindingRow::finding).toList();
  }

  public double lowConfidenceThreshold() {
    return lowConfidenceThreshold;
  }

  // ---------------------------------------------------------------- priors

  public void priorsLoading() {
    priorsLoad = Load.LOADING;
    priorsMessage = "";
    changed();
  }

  /** The comparison arrived; empty means the patient has no usable prior. */
  public void priorsLoaded(Optional<PriorComparison> comparison) {
    priors = comparison.orElse(null);
    priorsLoad = Load.DONE;
    priorsMessage = comparison.isPresent() ? "" : "No prior study to compare with";
    changed();
  }

  public void priorsUnavailable(String message) {
    priorsLoad = Load.UNAVAILABLE;
    priorsMessage = message;
    changed();
  }

  public void priorsFailed(String message) {
    priorsLoad = Load.FAILED;
    priorsMessage = message;
    changed();
  }

  @Override
  public Load priorsLoad() {
    return priorsLoad;
  }

  @Override
  public Optional<PriorComparison> priors() {
    return Optional.ofNullable(priors);
  }

  @Override
  public String priorsMessage() {
    return priorsMessage;
  }

  // ---------------------------------------------------------------- dictation and draft

  /** The radiologist's dictation; only a new study clears it (never a drafting failure). */
  @Override
  public String dictation() {
    return dictation;
  }

  public void setDictation(String text) {
    String value = text == null ? "" : text;
    if (!value.equals(dictation)) {
      dictation = value;
      changed();
    }
  }

  @Override
  public MutableDraftReview review() {
    return review;
  }

  /** A short status line (e.g. what the viewer did with an image link). */
  @Override
  public String notice() {
    return notice;
  }

  public void setNotice(String text) {
    notice = text == null ? "" : text;
    changed();
  }

  // ---------------------------------------------------------------- speech hook

  /** The study's dictation goes through the speech hook (its Draft button sends the box there). */
  @Override
  public boolean speechHook() {
    return speechHook;
  }

  public void setSpeechHook(boolean value) {
    speechHook = value;
    changed();
  }

  /**
   * A segment from another dictation source (a speech engine over the loopback intake, FHIRcast
   * ...); it replaces the one with the same source and sequence number (a partial by its final).
   */
  public void heard(DictationSegment segment) {
    heard
        .computeIfAbsent(segment.source(), k -> new java.util.TreeMap<>())
        .put(segment.seq(), segment);
    changed();
  }

  /** What each other source dictated so far, one line per source, in order of first arrival. */
  @Override
  public List<DictationLine> dictationLines() {
    List<DictationLine> lines = new ArrayList<>();
    heard.forEach(
        (source, segments) -> {
          StringBuilder text = new StringBuilder();
          boolean partial = false;
          for (DictationSegment seg : segments.values()) {
            if (seg.text().isBlank()) {
              continue;
            }
            if (text.length() > 0) {
              text.append(' ');
            }
            text.append(seg.text().strip());
            partial = !seg.isFinal();
          }
          if (text.length() > 0) {
            lines.add(new DictationLine(source, text.toString(), partial));
          }
        });
    return List.copyOf(lines);
  }

  /** Where the speech hook's session for the study stands; empty without the hook. */
  @Override
  public Optional<SessionStatus> dictationStatus() {
    return Optional.ofNullable(dictationStatus);
  }

  public void setDictationStatus(SessionStatus status) {
    dictationStatus = status;
    changed();
  }

  // ---------------------------------------------------------------- governance

  /** True when a governance service decides the rollout mode and approvals for this study. */
  @Override
  public boolean governed() {
    return governed;
  }

  /** The rollout mode (ASSISTIVE without governance). */
  @Override
  public RolloutMode rollout() {
    return rollout;
  }

  /**
   * What the panel says about governance: "Shadow mode: …", "Integrated mode: …", a failure; empty
   * without governance and in assistive mode.
   */
  @Override
  public String governanceMessage() {
    return governanceMessage;
  }

  /**
   * Governance decided (or could not decide) the rollout for this study and user. Shadow hides all
   * AI content and decisions; a failure hides it too, with the reason.
   *
   * @param failure empty when the mode was decided; otherwise why not (AI content stays hidden)
   */
  public void setRollout(RolloutMode mode, String failure) {
    governed = true;
    boolean failed = failure != null && !failure.isBlank();
    rollout = failed ? RolloutMode.SHADOW : mode;
    governanceMessage =
        failed
            ? "Governance could not decide the rollout mode (" + failure + "): drafts are not shown"
            : switch (mode) {
              case SHADOW -> SHADOW_MESSAGE;
              case ASSISTIVE -> "";
              case INTEGRATED ->
                  "Integrated mode: confident fields are shown filled in (" + AUTO_POPULATED + ")";
            };
    review.setAiShown(rollout != RolloutMode.SHADOW);
    changed();
  }

  /** Governance is there but has not answered yet: nothing AI-made shows until it has. */
  public void rolloutPending() {
    governed = true;
    rollout = RolloutMode.SHADOW;
    governanceMessage = "Checking the rollout mode\u2026";
    review.setAiShown(false);
    changed();
  }

  // ---------------------------------------------------------------- metrics

  public void metricsLoading() {
    metricsLoad = Load.LOADING;
    metricsMessage = "";
    changed();
  }

  public void metricsLoaded(UsageMetrics value) {
    metrics = value;
    metricsLoad = Load.DONE;
    metricsMessage = "";
    changed();
  }

  public void metricsUnavailable(String message) {
    metricsLoad = Load.UNAVAILABLE;
    metricsMessage = message;
    changed();
  }

  public void metricsFailed(String message) {
    metricsLoad = Load.FAILED;
    metricsMessage = message;
    changed();
  }

  @Override
  public Load metricsLoad() {
    return metricsLoad;
  }

  @Override
  public Optional<UsageMetrics> metrics() {
    return Optional.ofNullable(metrics);
  }

  @Override
  public String metricsMessage() {
    return metricsMessage;
  }

  // ---------------------------------------------------------------- critical result banner

  /** The banner shows while any critical-result flag is present. */
  @Override
  public boolean criticalBannerVisible() {
    return review.aiShown() && !review.criticalFlags().isEmpty();
  }

  /**
   * The banner is unresolved (red, with the communication fields) until communication is recorded.
   */
  @Override
  public boolean criticalUnresolved() {
    return criticalBannerVisible() && !communication.covers(review.criticalFlags());
  }

  @Override
  public MutableCriticalCommunication communication() {
    return communication;
  }

  /**
   * Records that the critical results on screen were communicated, when who / when / how are all
   * filled: documents it in the report's Communication section and tells the decision listeners.
   * The sentence names the critical results not communicated before (a new one raised the banner
   * again).
   *
   * @return the fields still missing (empty when recorded)
   */
  public List<String> recordCommunication() {
    if (!criticalUnresolved()) {
      return communication.missingFields();
    }
    return record(communication, review.criticalFlags(), Decision.Target.CRITICAL_RESULT);
  }

  // ---------------------------------------------------------------- actionable findings

  /**
   * True while an actionable finding (ACR category 3) on screen has no recorded communication. It
   * never holds sign-off and raises no banner: the Flags tab offers to record it.
   */
  public boolean actionableUnresolved() {
    return review.aiShown() && !actionableCommunication.covers(review.actionableFlags());
  }

  /** Who / when / how of the actionable findings' communication (the Flags tab fills it in). */
  public MutableCriticalCommunication actionableCommunication() {
    return actionableCommunication;
  }

  /**
   * Records that the actionable findings on screen not yet recorded were communicated, as {@link
   * #recordCommunication()} does for critical results: the same sentence in the Communication
   * section and a COMMUNICATE decision, whose target is {@link Decision.Target#ACTIONABLE_FINDING}
   * (audited as {@code actionable_finding_communicated}).
   *
   * @return the fields still missing (empty when recorded or when there was nothing to record)
   */
  public List<String> recordActionableCommunication() {
    if (!actionableUnresolved()) {
      return actionableCommunication.missingFields();
    }
    return record(
        actionableCommunication, review.actionableFlags(), Decision.Target.ACTIONABLE_FINDING);
  }

  // one path for both kinds: the sentence, the Communication section, the decision
  private List<String> record(
      MutableCriticalCommunication holder, List<Flag> flags, Decision.Target target) {
    List<String> missing = holder.missingFields();
    List<Flag> pending = holder.pending(flags);
    if (!missing.isEmpty() || pending.isEmpty()) {
      return missing;
    }
    String sentence = holder.sentence(pending);
    holder.markCommunicated(pending);
    review.documentCommunication(sentence);
    decisions.accept(
        new Decision(
            clock.instant(),
            user.get(),
            review.draftId(),
            target,
            pending.get(0).message(),
            Decision.Verb.COMMUNICATE,
            sentence,
            ""));
    changed();
    return List.of();
  }
}
