package org.radassist.panel.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.radassist.audit.AuditTrail;
import org.radassist.drafting.DraftCall;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftingService;
import org.radassist.drafting.TemplateSpec;
import org.radassist.drafting.request.DraftRequestFactory;
import org.radassist.drafting.request.RequestContent;
import org.radassist.governance.Governance;
import org.radassist.governance.RolloutMode;
import org.radassist.host.LoadedInstance;
import org.radassist.host.OpenResult;
import org.radassist.host.StudyContextListener;
import org.radassist.host.ViewerHost;
import org.radassist.model.DraftReport;
import org.radassist.model.Finding;
import org.radassist.model.ImageReference;
import org.radassist.model.ReviewState;
import org.radassist.model.Section;
import org.radassist.model.SectionKind;
import org.radassist.model.StudyContext;
import org.radassist.panel.PriorComparisonSource;
import org.radassist.panel.SrDocumentReader;
import org.radassist.panel.SrDocumentView;
import org.radassist.panel.internal.metrics.UsageMetricsReader;
import org.radassist.panel.internal.model.ItemKey;
import org.radassist.panel.internal.model.MutableDraftReview;
import org.radassist.panel.internal.model.MutablePanelState;
import org.radassist.panel.model.SrEntry;
import org.radassist.panel.model.UsageMetrics;
import org.radassist.speech.DictationSegment;
import org.radassist.speech.PriorReport;
import org.radassist.speech.SessionStatus;
import org.radassist.speech.SpeechHook;
import org.radassist.speech.StudyDictation;
import org.radassist.speech.StudyDictationListener;

/**
 * Connects the panel state to the host, the SR reader, the prior comparison and the drafting
 * service. Slow work (listing and parsing SRs, priors, drafting calls, opening images) runs on the
 * background executor; every state change runs on the UI executor (the Swing event thread in a
 * viewer). Work of a study that is no longer on screen is dropped.
 */
public final class PanelController implements StudyContextListener {

  /** Shown where the SR reader is not part of this build or host. */
  public static final String SR_UNAVAILABLE = "SR view not available in this build";

  /** Shown where the prior comparison is not part of this build or host. */
  public static final String PRIORS_UNAVAILABLE =
      "Prior comparison not available (no prior-study service is running)";

  /** Shown in the Metrics tab where no audit trail is there to read. */
  public static final String METRICS_UNAVAILABLE = "Metrics not available: no audit trail here";

  /** The panel's own dictation source: its echoes are not shown as "dictated via". */
  static final String PANEL_SOURCE = "panel";

  private final MutablePanelState state;
  private final ViewerHost host;
  private final Supplier<Optional<DraftingService>> drafting;
  private final Supplier<Optional<SrDocumentReader>> srReader;
  private final Supplier<Optional<PriorComparisonSource>> priors;
  private final Supplier<Optional<SpeechHook>> dictation;
  private final Supplier<Optional<Governance>> governance;
  private final Supplier<Optional<AuditTrail>> auditTrail;
  private final Executor background;
  private final Executor dictationWork;
  private final Executor ui;
  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong draftGeneration = new AtomicLong();
  private final AtomicLong dictationGeneration = new AtomicLong();
  private final Object dictationLock = new Object();
  private volatile DraftCall inFlight;
  private volatile String studyToken = "";
  private volatile StudyDictation dictationSession;
  private volatile boolean dictationRouted;
  private volatile StudyGovernance studyGovernance;
  private volatile List<Finding> aiFindings = List.of();

  /** This study's session of the one request factory (its key makes the study's tokens). */
  private volatile DraftRequestFactory requests = DraftRequestFactory.newSession();

  // the priors compared of the study of a generation, for its speech hook session
  private volatile StudyPriors studyPriors = new StudyPriors(-1, List.of());

  private record StudyPriors(
      long generation, List<org.radassist.panel.PriorComparison.ComparedPrior> priors) {}

  /**
   * @param drafting the drafting service when there is one (looked up at each request)
   * @param srReader the SR reader when one is installed (looked up at each study)
   * @param priors the prior comparison when one is installed (looked up at each study)
   */
  public PanelController(
      MutablePanelState state,
      ViewerHost host,
      Supplier<Optional<DraftingService>> drafting,
      Supplier<Optional<SrDocumentReader>> srReader,
      Supplier<Optional<PriorComparisonSource>> priors,
      Executor background,
      Executor ui) {
    this(
        state,
        host,
        drafting,
        srReader,
        priors,
        Optional::empty,
        Optional::empty,
        Optional::empty,
        background,
        ui);
  }

  /**
   * @param dictation the speech hook when there is one (looked up at each study): the study's
   *     dictation then goes through it, drafts included
   * @param governance governance when there is one (looked up at each study)
   * @param auditTrail the audit trail when there is one (looked up at each study), for the Metrics
   *     tab
   */
  public PanelController(
      MutablePanelState state,
      ViewerHost host,
      Supplier<Optional<DraftingService>> drafting,
      Supplier<Optional<SrDocumentReader>> srReader,
      Supplier<Optional<PriorComparisonSource>> priors,
      Supplier<Optional<SpeechHook>> dictation,
      Supplier<Optional<Governance>> governance,
      Supplier<Optional<AuditTrail>> auditTrail,
      Executor background,
      Executor ui) {
    this.state = state;
    this.host = host;
    this.drafting = drafting;
    this.srReader = srReader;
    this.priors = priors;
    this.dictation = dictation;
    this.governance = governance;
    this.auditTrail = auditTrail;
    this.background = background;
    this.dictationWork = new SerialExecutor(background);
    this.ui = ui;
  }

  public MutablePanelState state() {
    return state;
  }

  // ---------------------------------------------------------------- host events (any thread)

  @Override
  public void studyOpened(StudyContext study) {
    long gen = generation.incrementAndGet();
    cancelDraft();
    closeDictation();
    studyGovernance = null;
    aiFindings = List.of();
    DraftRequestFactory session = DraftRequestFactory.newSession();
    requests = session;
    // the audit's study token is the one the drafting requests carry: keyed, opaque
    studyToken = session.token("st", study.studyInstanceUid());
    Optional<SpeechHook> hook = lookUp(dictation);
    Optional<Governance> gov = lookUp(governance);
    dictationRouted = hook.isPresent();
    long dictationGen = dictationGeneration.get();
    ui.execute(
        () -> {
          state.studyOpened(study);
          if (generation.get() != gen) {
            return;
          }
          if (hook.isPresent()) {
            state.setSpeechHook(true);
          }
          if (gov.isPresent()) {
            state.rolloutPending(); // nothing AI-made shows before governance has decided
          } else {
            // least privilege without governance too: the host's roles decide who may accept
            state.review().setApprovalCheck(hostRoleCheck());
          }
        });
    background.execute(() -> loadSrs(study, gen));
    background.execute(() -> loadPriors(study, gen));
    gov.ifPresent(g -> background.execute(() -> loadGovernance(g, study, gen)));
    hook.ifPresent(h -> dictationWork.execute(() -> openDictation(h, study, gen, dictationGen)));
    background.execute(() -> loadMetrics(study, gen));
  }

  @Override
  public void studyClosed(String studyInstanceUid) {
    generation.incrementAndGet();
    cancelDraft();
    closeDictation();
    studyGovernance = null;
    dictationRouted = false;
    ui.execute(state::studyClosed);
  }

  /** A failing look-up (a service going away) counts as absent. */
  private static <T> Optional<T> lookUp(Supplier<Optional<T>> supplier) {
    try {
      Optional<T> found = supplier.get();
      return found == null ? Optional.empty() : found;
    } catch (RuntimeException | LinkageError e) {
      return Optional.empty();
    }
  }

  // ---------------------------------------------------------------- speech hook

  private void openDictation(SpeechHook hook, StudyContext study, long gen, long dictationGen) {
    if (dictationGeneration.get() != dictationGen) {
      return;
    }
    StudyDictation session;
    try {
      session = hook.open(study, () -> aiFindings, dictationListener(gen, dictationGen));
    } catch (RuntimeException | LinkageError e) {
      onUi(
          gen,
          () ->
              state.setDictationStatus(
                  new SessionStatus(
                      SessionStatus.State.UNAVAILABLE,
                      "the speech hook could not open this study's dictation: " + reason(e),
                      0)));
      return;
    }
    boolean current;
    synchronized (dictationLock) {
      current = dictationGeneration.get() == dictationGen;
      if (current) {
        dictationSession = session;
      }
    }
    if (!current) {
      closeQuietly(session); // the radiologist moved on while it was opening
      return;
    }
    // priors that arrived while the session was opening (read after the session was published,
    // so that loadPriors, publishing the priors first, or this misses neither)
    StudyPriors priors = studyPriors;
    if (priors.generation() == gen && generation.get() == gen) {
      givePriors(session, priors.priors());
    }
  }

  private static void givePriors(
      StudyDictation session, List<org.radassist.panel.PriorComparison.ComparedPrior> priors) {
    try {
      session.priors(priors.stream().map(p -> new PriorReport(p.study(), p.impression())).toList());
    } catch (RuntimeException | LinkageError ignored) {
      // a broken hook drafts without priors
    }
  }

  private StudyDictationListener dictationListener(long gen, long dictationGen) {
    return new StudyDictationListener() {
      @Override
      public void onSegment(DictationSegment segment) {
        if (!PANEL_SOURCE.equals(segment.source())) {
          onDictation(gen, dictationGen, () -> state.heard(segment));
        }
      }

      @Override
      public void onDraftEvent(DraftEvent event) {
        onDictation(gen, dictationGen, () -> applyHookEvent(event, gen));
      }

      @Override
      public void onStatus(SessionStatus status) {
        onDictation(gen, dictationGen, () -> applyStatus(status));
      }
    };
  }

  /**
   * A draft event from the hook: each new draft (asked by the Draft button or by another source's
   * dictation) starts the review afresh, as "Draft again" does.
   */
  private void applyHookEvent(DraftEvent event, long gen) {
    MutableDraftReview r = state.review();
    if (event instanceof DraftEvent.Started) {
      r.start(TemplateSpec.DEFAULT.sections());
    }
    r.apply(event);
    state.changed();
    if (event instanceof DraftEvent.Completed) {
      governReview(gen);
    }
  }

  /**
   * Shows the session's status; an unavailable service also shows in the review when there is no
   * draft on screen (a draft already reviewed stays; the status line says the rest).
   */
  private void applyStatus(SessionStatus status) {
    state.setDictationStatus(status);
    if (status.state() == SessionStatus.State.UNAVAILABLE) {
      draftNotPossible(status.message());
    }
  }

  private void draftNotPossible(String why) {
    MutableDraftReview r = state.review();
    switch (r.phase()) {
      case STREAMING -> r.failed(why);
      case IDLE, UNAVAILABLE -> r.unavailable(why); // the dictation is kept (box and outbox)
      default -> {
        return;
      }
    }
    state.changed();
  }

  private void onDictation(long gen, long dictationGen, Runnable r) {
    onUi(
        gen,
        () -> {
          if (dictationGeneration.get() == dictationGen) {
            r.run();
          }
        });
  }

  private void closeDictation() {
    StudyDictation session;
    synchronized (dictationLock) {
      dictationGeneration.incrementAndGet();
      session = dictationSession;
      dictationSession = null;
    }
    if (session != null) {
      dictationWork.execute(() -> closeQuietly(session));
    }
  }

  private static void closeQuietly(StudyDictation session) {
    try {
      session.close();
    } catch (RuntimeException | LinkageError ignored) {
      // a broken hook must not keep the radiologist from the next study
    }
  }

  // ---------------------------------------------------------------- governance

  private void loadGovernance(Governance governance, StudyContext study, long gen) {
    StudyGovernance g;
    try {
      g = StudyGovernance.decide(governance, study, host.currentUser());
    } catch (RuntimeException | LinkageError e) {
      onUi(gen, () -> state.setRollout(RolloutMode.SHADOW, reason(e)));
      return;
    }
    RolloutMode mode = g.mode();
    boolean mayApprove = g.mayApprove();
    if (generation.get() == gen) {
      studyGovernance = g;
    }
    onUi(
        gen,
        () -> {
          state.setRollout(mode, "");
          state.review().setApprovalCheck(mayApprove ? null : key -> refuse(key, g, gen));
          if (state.review().phase() == MutableDraftReview.Phase.COMPLETE) {
            governReview(gen);
          }
        });
  }

  /**
   * A non-radiologist tried to accept or edit AI content: the panel says no at once and the
   * approval gate is asked anyway (off the UI thread), so the refusal is audited where it is
   * enforced.
   */
  private Optional<String> refuse(ItemKey key, StudyGovernance g, long gen) {
    String token = studyToken;
    String trace = state.review().draftId();
    background.execute(
        () -> {
          Optional<String> gate;
          try {
            gate =
                key.target() == org.radassist.panel.Decision.Target.CODE
                    ? g.approveCode(token, trace, codeSystem(key), codeValue(key))
                    : g.approveDraft(token, trace, Map.of());
          } catch (RuntimeException | LinkageError e) {
            gate = Optional.of("the approval gate failed: " + reason(e));
          }
          Optional<String> why = gate;
          onUi(gen, () -> state.setNotice(refusalNotice(why.orElse(""))));
        });
    String message = refusalNotice("");
    state.setNotice(message);
    return Optional.of(message);
  }

  /**
   * Without governance, only a user the host says is a radiologist may accept, edit or approve AI
   * content (governance, where it runs, decides this itself and audits refusals).
   */
  private java.util.function.Function<ItemKey, Optional<String>> hostRoleCheck() {
    org.radassist.host.UserIdentity user = host.currentUser();
    if (user != null && user.has(org.radassist.host.Role.RADIOLOGIST)) {
      return null;
    }
    return key -> {
      String message =
          "Refused: only a radiologist may accept, approve or sign AI content (the viewer gives "
              + (user == null ? "no signed-in user" : user.userId() + " no radiologist role")
              + ")";
      state.setNotice(message);
      return Optional.of(message);
    };
  }

  static String refusalNotice(String gateMessage) {
    return "Refused: only a radiologist may accept, approve or sign AI content"
        + (gateMessage.isBlank() ? "" : " (" + gateMessage + ")")
        + " \u2014 the refusal is recorded in the audit trail";
  }

  private static String codeSystem(ItemKey key) {
    int bar = key.id().indexOf('|');
    return bar < 0 ? "" : key.id().substring(0, bar);
  }

  private static String codeValue(ItemKey key) {
    int bar = key.id().indexOf('|');
    return bar < 0 ? key.id() : key.id().substring(bar + 1);
  }

  /**
   * Adds the review policy's flags to a complete draft and, in integrated mode, marks the fields it
   * fills in. Runs the policy off the UI thread; the result is dropped if another draft came.
   */
  private void governReview(long gen) {
    StudyGovernance g = studyGovernance;
    Optional<DraftReport> report = state.review().report();
    if (g == null || report.isEmpty()) {
      return;
    }
    String draftId = state.review().draftId();
    DraftReport draft = report.get();
    background.execute(
        () -> {
          List<org.radassist.model.Flag> flags;
          List<org.radassist.model.StructuredField> auto;
          try {
            flags = g.reviewFlags(draft);
            auto = g.autoPopulatedFields(draft);
          } catch (RuntimeException | LinkageError e) {
            onUi(gen, () -> state.setNotice("Review policy failed: " + reason(e)));
            return;
          }
          onUi(
              gen,
              () -> {
                if (state.review().draftId().equals(draftId)) {
                  state.review().setReviewFlags(flags);
                  state.review().setAutoPopulated(auto);
                  state.changed();
                }
              });
        });
  }

  /**
   * The draft's sections still waiting for the radiologist (AI draft, not final): approving leaves
   * them out. Call on the UI thread.
   */
  public List<SectionKind> pendingSections() {
    return state.review().sections().stream()
        .filter(s -> s.state() == ReviewState.PENDING)
        .map(Section::kind)
        .toList();
  }

  /**
   * Approves the draft through the approval gate (shown where governance runs): only the sections
   * the radiologist accepted or edited are approved and sent to the reporting system; pending and
   * rejected ones are left out. The approval's audit record names every section with its state.
   * Callers ask the radiologist first when {@link #pendingSections()} is not empty (the Draft tab
   * does). The outcome shows as a notice. Call on the UI thread.
   */
  public void approveDraft() {
    StudyGovernance g = studyGovernance;
    if (g == null) {
      state.setNotice("Approving needs RadAssist governance, which is not installed here");
      return;
    }
    long gen = generation.get();
    String token = studyToken;
    String trace = state.review().draftId();
    Map<SectionKind, String> sections = new EnumMap<>(SectionKind.class);
    state.review().sections().stream()
        .filter(s -> s.state().isFinal())
        .forEach(s -> sections.put(s.kind(), s.text()));
    Map<String, String> details = approvalDetails(state.review().sections(), trace);
    List<SectionKind> leftOut = pendingSections();
    background.execute(
        () -> {
          Optional<String> refusal;
          try {
            refusal = g.approveDraft(token, trace, details);
          } catch (RuntimeException | LinkageError e) {
            refusal = Optional.of("the approval gate failed: " + reason(e));
          }
          String notice =
              refusal
                  .map(PanelController::refusalNotice)
                  .orElseGet(() -> sendAccepted(sections) + leftOutNote(leftOut));
          onUi(gen, () -> state.setNotice(notice));
        });
  }

  /**
   * What the approval's audit record says: each section with its review state, the sections
   * approved and those left out.
   */
  static Map<String, String> approvalDetails(List<Section> sections, String draftId) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("draft_id", draftId);
    details.put(
        "sections",
        sections.stream()
            .map(s -> s.kind().name() + "=" + s.state().name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(",")));
    details.put(
        "approved_sections",
        sections.stream()
            .filter(s -> s.state().isFinal())
            .map(s -> s.kind().name())
            .collect(Collectors.joining(",")));
    details.put(
        "left_out",
        sections.stream()
            .filter(s -> !s.state().isFinal())
            .map(s -> s.kind().name())
            .collect(Collectors.joining(",")));
    return details;
  }

  private static String leftOutNote(List<SectionKind> pending) {
    return pending.isEmpty()
        ? ""
        : " — left out, still AI drafts: "
            + pending.stream().map(SectionKind::title).collect(Collectors.joining(", "));
  }

  /**
   * After an approval: the accepted sections go to the reporting system through the speech hook
   * (preliminary results; signing stays with the reporting system). Runs on the background thread.
   */
  private String sendAccepted(Map<SectionKind, String> sections) {
    StudyDictation session = dictationSession;
    if (session == null) {
      return "Draft approved";
    }
    try {
      List<String> outcomes = session.sendAccepted(sections);
      return outcomes.isEmpty()
          ? "Draft approved (no reporting system is configured: the report stays in RadAssist)"
          : "Draft approved; sent to " + String.join("; ", outcomes);
    } catch (RuntimeException | LinkageError e) {
      return "Draft approved, but not sent to the reporting system: " + reason(e);
    }
  }

  /**
   * Approves a suggested code: through the approval gate where governance runs (it audits the
   * approval or the refusal), then as a decision in the review. Call on the UI thread.
   */
  public void approveCode(ItemKey key) {
    StudyGovernance g = studyGovernance;
    if (g == null) {
      if (state.review().accept(key)) {
        state.changed();
      }
      return;
    }
    if (!state.review().canDecide(key)) {
      return;
    }
    long gen = generation.get();
    String token = studyToken;
    String trace = state.review().draftId();
    background.execute(
        () -> {
          Optional<String> refusal;
          try {
            refusal = g.approveCode(token, trace, codeSystem(key), codeValue(key));
          } catch (RuntimeException | LinkageError e) {
            refusal = Optional.of("the approval gate failed: " + reason(e));
          }
          Optional<String> outcome = refusal;
          onUi(
              gen,
              () -> {
                if (outcome.isPresent()) {
                  state.setNotice(refusalNotice(outcome.get()));
                } else if (state.review().accept(key)) {
                  state.setNotice("Code " + codeValue(key) + " approved");
                }
              });
        });
  }

  // ---------------------------------------------------------------- metrics

  /** Reads the audit trail's figures again (the Metrics tab's Refresh). Call on the UI thread. */
  public void refreshMetrics() {
    long gen = generation.get();
    StudyContext study = state.study().orElse(null);
    if (study != null) {
      background.execute(() -> loadMetrics(study, gen));
    }
  }

  private void loadMetrics(StudyContext study, long gen) {
    AuditTrail trail = lookUp(auditTrail).orElse(null);
    if (trail == null) {
      onUi(gen, () -> state.metricsUnavailable(METRICS_UNAVAILABLE));
      return;
    }
    onUi(gen, state::metricsLoading);
    try {
      UsageMetrics m = UsageMetricsReader.metrics(trail, modalityOf(study));
      onUi(gen, () -> state.metricsLoaded(m));
    } catch (Exception | LinkageError e) {
      onUi(gen, () -> state.metricsFailed("The audit trail could not be read: " + reason(e)));
    }
  }

  private static String modalityOf(StudyContext study) {
    return study.modalities().stream().filter(m -> !"SR".equals(m)).findFirst().orElse("");
  }

  private void loadSrs(StudyContext study, long gen) {
    SrDocumentReader reader = srReader.get().orElse(null);
    if (reader == null) {
      onUi(gen, () -> state.srUnavailable(SR_UNAVAILABLE));
      return;
    }
    List<LoadedInstance> srs;
    try {
      srs =
          host.loadedInstances(study.studyInstanceUid()).stream()
              .filter(LoadedInstance::isStructuredReport)
              .toList();
    } catch (RuntimeException e) {
      onUi(
          gen,
          () -> state.srFailed("The viewer could not list the study's instances: " + reason(e)));
      return;
    }
    List<SrEntry> loading = new ArrayList<>();
    srs.forEach(i -> loading.add(SrEntry.loading(i.sopInstanceUid(), label(i))));
    onUi(gen, () -> state.srLoading(loading));
    for (LoadedInstance instance : srs) {
      SrEntry result;
      try {
        SrDocumentView doc = reader.read(instance);
        result = new SrEntry(instance.sopInstanceUid(), label(instance), doc, null);
      } catch (Exception | LinkageError e) {
        result =
            new SrEntry(
                instance.sopInstanceUid(),
                label(instance),
                null,
                "Could not be read: " + reason(e));
      }
      SrEntry done = result;
      onUi(
          gen,
          () -> {
            state.srRead(done);
            aiFindings = state.findings();
          });
    }
  }

  private static String label(LoadedInstance i) {
    String path = i.location().getPath();
    if (path != null && !path.isBlank()) {
      return path.substring(path.lastIndexOf('/') + 1);
    }
    return i.sopInstanceUid();
  }

  private void loadPriors(StudyContext study, long gen) {
    PriorComparisonSource source = priors.get().orElse(null);
    if (source == null) {
      onUi(gen, () -> state.priorsUnavailable(PRIORS_UNAVAILABLE));
      return;
    }
    onUi(gen, state::priorsLoading);
    try {
      var comparison = source.compare(study);
      List<org.radassist.panel.PriorComparison.ComparedPrior> compared =
          comparison == null || comparison.isEmpty() ? List.of() : comparison.get().compared();
      if (!compared.isEmpty() && generation.get() == gen) {
        studyPriors = new StudyPriors(gen, compared);
        StudyDictation session = dictationSession;
        if (session != null && generation.get() == gen) {
          givePriors(session, compared);
        }
      }
      onUi(gen, () -> state.priorsLoaded(comparison == null ? Optional.empty() : comparison));
    } catch (Exception | LinkageError e) {
      onUi(gen, () -> state.priorsFailed("Prior comparison failed: " + reason(e)));
    }
  }

  // ---------------------------------------------------------------- gestures (UI thread)

  /**
   * Asks for a draft of the current dictation. Call on the UI thread. When no drafting service is
   * there, or it refuses or fails, the review says so and the dictation stays as it is.
   */
  public void requestDraft() {
    cancelDraft();
    long gen = generation.get();
    long draftGen = draftGeneration.incrementAndGet();
    if (dictationRouted) {
      requestDraftThroughHook(gen, draftGen);
      return;
    }
    Optional<DraftingService> service = drafting.get();
    if (service.isEmpty()) {
      state.review().unavailable("");
      state.changed();
      return;
    }
    DraftRequest request = buildRequest();
    state.review().start(request.template().sections());
    state.changed();
    background.execute(
        () -> {
          try {
            DraftCall call =
                service
                    .get()
                    .draft(
                        request,
                        UUID.randomUUID().toString(),
                        e ->
                            onUiDraft(
                                gen,
                                draftGen,
                                () -> {
                                  state.review().apply(e);
                                  state.changed();
                                  if (e instanceof DraftEvent.Completed) {
                                    governReview(gen);
                                  }
                                }));
            inFlight = call;
            if (draftGeneration.get() != draftGen) {
              call.cancel(); // the radiologist moved on while the call was being made
            }
            call.result()
                .whenComplete(
                    (report, error) -> {
                      if (error != null && !(unwrap(error) instanceof CancellationException)) {
                        onUiDraft(
                            gen,
                            draftGen,
                            () -> {
                              state.review().failed(reason(unwrap(error)));
                              state.changed();
                            });
                      }
                    });
          } catch (RuntimeException | LinkageError e) {
            onUiDraft(
                gen,
                draftGen,
                () -> {
                  if (state.review().phase() == MutableDraftReview.Phase.STREAMING) {
                    state.review().reset();
                  }
                  state.review().unavailable(reason(e));
                  state.changed();
                });
          }
        });
  }

  /**
   * With the speech hook, the Draft button sends the box's text as the panel's final segment; the
   * hook makes it durable, asks for the draft and streams its events back (the review starts at the
   * hook's {@code draft.started}; until then the session status says "drafting"). The review on
   * screen stays until then: the hook may decide there is nothing new to draft.
   */
  private void requestDraftThroughHook(long gen, long draftGen) {
    String text = state.dictation();
    aiFindings = state.findings();
    dictationWork.execute(
        () -> {
          StudyDictation session = dictationSession;
          String problem = null;
          if (session == null) {
            problem = "the speech hook has not opened this study's dictation";
          } else {
            try {
              session.typed(true, text);
            } catch (RuntimeException | LinkageError e) {
              problem = reason(e);
            }
          }
          if (problem != null) {
            String why = problem;
            onUiDraft(
                gen,
                draftGen,
                () -> {
                  draftNotPossible(why);
                  state.setNotice("The speech hook did not take the dictation: " + why);
                });
          }
        });
  }

  /** Asks the host to open a finding's image, with its region; the outcome shows as a notice. */
  public void openImage(ImageReference reference) {
    long gen = generation.get();
    background.execute(
        () -> {
          try {
            host.openImage(reference)
                .whenComplete(
                    (result, error) ->
                        onUi(
                            gen,
                            () ->
                                state.setNotice(
                                    error != null
                                        ? "The viewer could not open the image: "
                                            + reason(unwrap(error))
                                        : describe(result))));
          } catch (RuntimeException e) {
            onUi(gen, () -> state.setNotice("The viewer could not open the image: " + reason(e)));
          }
        });
  }

  private static String describe(OpenResult result) {
    if (result == null) {
      return "";
    }
    return switch (result) {
      case OPENED_WITH_REGION -> "Image opened, region drawn";
      case OPENED -> "Image opened (this viewer cannot draw the region)";
      case NOT_LOADED -> "That image is not loaded in the viewer";
      case UNSUPPORTED -> "The viewer cannot show that kind of object";
    };
  }

  /** Stops background work and drops anything still to come. */
  public void dispose() {
    generation.incrementAndGet();
    cancelDraft();
    StudyDictation session;
    synchronized (dictationLock) {
      dictationGeneration.incrementAndGet();
      session = dictationSession;
      dictationSession = null;
    }
    if (session != null) {
      closeQuietly(session); // now: the worker threads stop right after
    }
  }

  private void cancelDraft() {
    draftGeneration.incrementAndGet();
    DraftCall call = inFlight;
    inFlight = null;
    if (call != null) {
      try {
        call.cancel();
      } catch (RuntimeException ignored) {
        // a broken service must not keep the radiologist from moving on
      }
    }
  }

  /**
   * The request of a draft without the speech hook, built like every other by the one request
   * factory: keyed tokens, age band and sex, the dictation and the findings scrubbed.
   */
  DraftRequest buildRequest() {
    StudyContext study = state.study().orElse(StudyContext.ofStudy("none"));
    return requests.request(
        study, RequestContent.dictation(state.dictation()).withFindings(state.findings()));
  }

  private void onUi(long gen, Runnable r) {
    ui.execute(
        () -> {
          if (generation.get() == gen) {
            r.run();
          }
        });
  }

  private void onUiDraft(long gen, long draftGen, Runnable r) {
    onUi(
        gen,
        () -> {
          if (draftGeneration.get() == draftGen) {
            r.run();
          }
        });
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  private static String reason(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
