package org.radassist.panel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.radassist.audit.AuditTrail;
import org.radassist.drafting.DraftingService;
import org.radassist.governance.Governance;
import org.radassist.host.ViewerHost;
import org.radassist.panel.internal.PanelTool;
import org.radassist.speech.SpeechHook;

/**
 * Builds the RadAssist tool for a viewer outside OSGi (the reference workstation, a vendor's
 * viewer). Inside OSGi the bundle's PanelContribution service does the same with the services it
 * finds.
 *
 * <pre>{@code
 * RadAssistTool tool = RadAssistPanels.builder(host)
 *     .drafting(engine)                 // or none: the panel says drafting is unavailable
 *     .srReader(instance -> ...)        // SR instance -> SrDocumentView
 *     .priors(study -> ...)             // StudyContext -> Optional<PriorComparison>
 *     .speechHook(() -> Optional.of(hook))       // optional: dictation via the speech hook
 *     .governance(() -> Optional.of(governance))  // optional: Governances.create(...)
 *     .auditTrail(() -> Optional.of(trail))       // optional: every decision audited, Metrics tab
 *     .decisionListener(decision -> ...)          // optional: anything else told of decisions
 *     .build();                         // on the Swing event thread
 * dock.add(tool.component());
 * ...
 * tool.dispose();
 * }</pre>
 */
public final class RadAssistPanels {
  private RadAssistPanels() {}

  public static Builder builder(ViewerHost host) {
    return new Builder(host);
  }

  /** Collects what the tool plugs into; everything but the host is optional. */
  public static final class Builder {
    final ViewerHost host;
    Supplier<Optional<DraftingService>> drafting = Optional::empty;
    Supplier<Optional<SrDocumentReader>> srReader = Optional::empty;
    Supplier<Optional<PriorComparisonSource>> priors = Optional::empty;
    Supplier<Optional<SpeechHook>> dictation = Optional::empty;
    Supplier<Optional<Governance>> governance = Optional::empty;
    Supplier<Optional<AuditTrail>> auditTrail = Optional::empty;
    final List<DecisionListener> decisionListeners = new ArrayList<>();
    Clock clock = Clock.systemDefaultZone();
    double lowConfidenceThreshold = 0.5;

    private Builder(ViewerHost host) {
      this.host = Objects.requireNonNull(host, "host");
    }

    /** The drafting service (null: drafting shows as unavailable and the dictation is kept). */
    public Builder drafting(DraftingService service) {
      Optional<DraftingService> s = Optional.ofNullable(service);
      this.drafting = () -> s;
      return this;
    }

    /** A drafting service that may come and go (looked up at each request). */
    public Builder drafting(Supplier<Optional<DraftingService>> service) {
      this.drafting = Objects.requireNonNull(service);
      return this;
    }

    /** The SR reader (null: the SR view says it is not available in this build). */
    public Builder srReader(SrDocumentReader reader) {
      Optional<SrDocumentReader> r = Optional.ofNullable(reader);
      this.srReader = () -> r;
      return this;
    }

    public Builder srReader(Supplier<Optional<SrDocumentReader>> reader) {
      this.srReader = Objects.requireNonNull(reader);
      return this;
    }

    /** The prior comparison (null: the priors tab says it is not available). */
    public Builder priors(PriorComparisonSource source) {
      Optional<PriorComparisonSource> p = Optional.ofNullable(source);
      this.priors = () -> p;
      return this;
    }

    public Builder priors(Supplier<Optional<PriorComparisonSource>> source) {
      this.priors = Objects.requireNonNull(source);
      return this;
    }

    /**
     * The speech hook (looked up at each study). With one, the study's dictation goes through it:
     * the Draft button sends the box's text as the panel's final segment, drafts stream back from
     * the hook (also for dictation from other sources, which the Draft tab shows), and the
     * session's status is shown. Without one (the default), the tool calls the drafting service
     * itself.
     *
     * <p>The API ({@code org.radassist.speech}, bundle {@code org.radassist.speech.api}) is always
     * there; the hook itself may not be. A host without OSGi builds one with {@code
     * org.radassist.speech.hook.SpeechHooks}.
     */
    public Builder speechHook(Supplier<Optional<SpeechHook>> hook) {
      this.dictation = Objects.requireNonNull(hook);
      return this;
    }

    /**
     * Governance (looked up at each study): rollout mode (shadow hides AI content, integrated shows
     * auto-populated fields), the review policy's flags, and the approval gate for accepting,
     * approving codes and the draft. Without it the tool is assistive, says nothing about
     * governance, and keeps least privilege itself: only a user the host grants RADIOLOGIST may
     * accept, edit or approve AI content. A host without OSGi makes one with {@link
     * org.radassist.governance.Governances#create}.
     */
    public Builder governance(Supplier<Optional<Governance>> governance) {
      this.governance = Objects.requireNonNull(governance);
      return this;
    }

    /**
     * The audit trail (looked up at each decision and study). The tool records every decision the
     * radiologist takes in the panel there itself (accept, edit, reject, undo, communication; code
     * approvals by governance's approval gate where governance runs), and the Metrics tab shows its
     * adoption rate, edits and time to report for the study's modality. Without it nothing is
     * audited and the tab says metrics are not available. Optional for the panel like {@link
     * #speechHook}.
     */
    public Builder auditTrail(Supplier<Optional<AuditTrail>> trail) {
      this.auditTrail = Objects.requireNonNull(trail);
      return this;
    }

    /**
     * Adds a listener told of every decision, besides the audit trail of {@link #auditTrail}; may
     * be called several times.
     */
    public Builder decisionListener(DecisionListener listener) {
      decisionListeners.add(Objects.requireNonNull(listener));
      return this;
    }

    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value);
      return this;
    }

    /** Findings whose confidence is below this (default 0.5) are marked low-confidence. */
    public Builder lowConfidenceThreshold(double value) {
      if (!(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException(
            "lowConfidenceThreshold must be within [0, 1], was " + value);
      }
      this.lowConfidenceThreshold = value;
      return this;
    }

    /**
     * Builds the tool and subscribes it to the host's study events. Call on the Swing event thread
     * (it creates components); it returns at once, all loading happens in the background.
     */
    public RadAssistTool build() {
      return new PanelTool(
          new PanelTool.Parts(
              host,
              drafting,
              srReader,
              priors,
              dictation,
              governance,
              auditTrail,
              decisionListeners,
              clock,
              lowConfidenceThreshold,
              reader -> () -> SrDocumentReaders.warmUp(reader)));
    }
  }
}
