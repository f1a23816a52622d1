package org.radassist.speech.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.radassist.drafting.DraftCall;
import org.radassist.drafting.DraftListener;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftingException;
import org.radassist.drafting.DraftingService;
import org.radassist.drafting.request.DraftRequestFactory;
import org.radassist.model.Finding;
import org.radassist.model.ModelInfo;
import org.radassist.model.SectionKind;
import org.radassist.model.StudyContext;
import org.radassist.speech.AcceptedReport;
import org.radassist.speech.DictationSource;
import org.radassist.speech.Outbox;
import org.radassist.speech.ResultSender;
import org.radassist.speech.SessionStatus;
import org.radassist.speech.SpeechHook;
import org.radassist.speech.StudyDictation;
import org.radassist.speech.StudyDictationListener;

/**
 * The speech hook in plain Java: one {@link DictationRouter} fed by every running {@link
 * DictationSource} and by the panel's box ({@link PanelDictationSource}, source "panel"), one
 * {@link DictationSession} per open study, durable in the {@link Outbox} before anything is sent.
 *
 * <p>The drafting service may come and go (OSGi): while there is none, a session reports {@code
 * UNAVAILABLE}, keeps its dictation (in the outbox) and retries with backoff; when one is set,
 * every open session drafts at once.
 *
 * <p>The indication (clinical history) sent with a study's draft requests is the one remembered for
 * its Study Instance UID ({@link #rememberIndication}, e.g. from a RIS order), else empty.
 */
public final class DefaultSpeechHook implements SpeechHook, ScheduledIndications, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DefaultSpeechHook.class.getName());

  private final Outbox outbox;
  private final ScheduledExecutorService scheduler;
  private final DictationSession.Timing timing;
  private final Supplier<DraftRequestFactory> minimisers;
  private final DictationRouter router = new DictationRouter();
  private final PanelDictationSource panel = new PanelDictationSource();
  private final SwitchableDrafting drafting = new SwitchableDrafting();
  private final Map<DictationSource, String> sources = new LinkedHashMap<>();
  private final Map<String, DictationSession> open = new ConcurrentHashMap<>();
  private final Map<String, String> indications = new ConcurrentHashMap<>();
  private final Map<String, String> orders = new ConcurrentHashMap<>();
  private final List<ResultSender> resultSenders = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  /**
   * @param outbox where dictation is made durable before it is sent
   * @param scheduler the sessions' debounce and retry timer (owned by the caller)
   * @param timing debounce and retry backoff
   */
  public DefaultSpeechHook(
      Outbox outbox, ScheduledExecutorService scheduler, DictationSession.Timing timing) {
    this(outbox, scheduler, timing, () -> DraftRequestFactory.newSession(new SecureRandom()));
  }

  /** As above, with the minimiser made for each session (a fresh per-session key by default). */
  public DefaultSpeechHook(
      Outbox outbox,
      ScheduledExecutorService scheduler,
      DictationSession.Timing timing,
      Supplier<DraftRequestFactory> minimisers) {
    this.outbox = Objects.requireNonNull(outbox);
    this.scheduler = Objects.requireNonNull(scheduler);
    this.timing = Objects.requireNonNull(timing);
    this.minimisers = Objects.requireNonNull(minimisers);
    panel.start(router);
  }

  /** The drafting service to use from now on; {@code null}: none (sessions keep the dictation). */
  public void setDraftingService(DraftingService service) {
    drafting.current = service;
    if (service != null) {
      open.values().forEach(DictationSession::redraft);
    }
  }

  /** Unsets the service only if it is still the current one (OSGi unbind order). */
  public void unsetDraftingService(DraftingService service) {
    if (drafting.current == service) {
      drafting.current = null;
    }
  }

  /**
   * Starts a dictation source with the hook's router. A source that cannot start (e.g. its port is
   * taken) is logged and left out; the others keep working.
   */
  public void addSource(DictationSource source) {
    synchronized (sources) {
      if (closed || sources.containsKey(source)) {
        return;
      }
      try {
        source.start(router);
        sources.put(source, source.name());
      } catch (IOException | RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "RadAssist dictation source {0} could not start: {1}",
            new Object[] {source.name(), e.getMessage()});
      }
    }
  }

  /**
   * Starts a dictation source with the hook's router, failing when it cannot start (a plain host
   * wants to know; {@link #addSource} logs and leaves it out instead, as OSGi services come and
   * go).
   */
  public void startSource(DictationSource source) throws IOException {
    synchronized (sources) {
      if (closed) {
        throw new IllegalStateException("the speech hook is closed");
      }
      if (sources.containsKey(source)) {
        return;
      }
      try {
        source.start(router);
      } catch (IOException | RuntimeException e) {
        throw new IOException(
            "dictation source " + source.name() + " could not start: " + e.getMessage(), e);
      }
      sources.put(source, source.name());
    }
  }

  /** Stops a dictation source (its service went away). */
  public void removeSource(DictationSource source) {
    boolean known;
    synchronized (sources) {
      known = sources.remove(source) != null;
    }
    if (known) {
      source.close();
    }
  }

  /**
   * Remembers the reason for the study (e.g. from the RIS order) as the indication sent with its
   * draft requests, so a session opened later drafts with its clinical history without it being
   * dictated. Blank text forgets it.
   */
  @Override
  public void rememberIndication(String studyInstanceUid, String indication) {
    if (indication == null || indication.isBlank()) {
      indications.remove(studyInstanceUid);
    } else {
      indications.put(studyInstanceUid, indication.strip());
    }
  }

  @Override
  public void rememberOrder(String studyInstanceUid, String placerOrderNumber) {
    if (placerOrderNumber == null || placerOrderNumber.isBlank()) {
      orders.remove(studyInstanceUid);
    } else {
      orders.put(studyInstanceUid, placerOrderNumber.strip());
    }
  }

  /** A reporting system accepted content is sent to (its service came). */
  public void addResultSender(ResultSender sender) {
    resultSenders.add(sender);
  }

  public void removeResultSender(ResultSender sender) {
    resultSenders.remove(sender);
  }

  /** The indication remembered for a study, or "". */
  public String indication(String studyInstanceUid) {
    return indications.getOrDefault(studyInstanceUid, "");
  }

  @Override
  public StudyDictation open(
      StudyContext study, Supplier<List<Finding>> findings, StudyDictationListener listener) {
    if (closed) {
      throw new IllegalStateException("the speech hook is closed");
    }
    String uid = study.studyInstanceUid();
    DictationSession session =
        new DictationSession(
            study,
            drafting,
            minimisers.get(),
            outbox,
            scheduler,
            timing,
            listener::onStatus,
            listener::onDraftEvent,
            () -> indication(uid),
            findings);
    try {
      int replayed = session.resume();
      if (replayed > 0) {
        LOG.log(Level.INFO, "RadAssist replays {0} stored dictation segments", replayed);
      }
    } catch (IOException | RuntimeException e) {
      listener.onStatus(
          new SessionStatus(
              SessionStatus.State.NOT_DURABLE,
              "Stored dictation could not be read (" + e.getMessage() + ")",
              0));
    }
    DictationSession previous = open.put(uid, session);
    if (previous != null) {
      router.close(previous);
    }
    router.open(session, listener::onSegment);
    return new OpenStudy(session, study);
  }

  @Override
  public List<String> sources() {
    List<String> names = new ArrayList<>();
    synchronized (sources) {
      names.addAll(sources.values());
    }
    names.add(panel.name());
    return List.copyOf(names);
  }

  /** Closes every open study and stops every source (the scheduler is the caller's). */
  @Override
  public void close() {
    closed = true;
    for (DictationSession s : List.copyOf(open.values())) {
      router.close(s);
    }
    open.clear();
    List<DictationSource> started;
    synchronized (sources) {
      started = new ArrayList<>(sources.keySet());
      sources.clear();
    }
    started.forEach(DictationSource::close);
    panel.close();
  }

  private final class OpenStudy implements StudyDictation {
    private final DictationSession session;
    private final StudyContext study;

    OpenStudy(DictationSession session, StudyContext study) {
      this.session = session;
      this.study = study;
    }

    @Override
    public List<String> sendAccepted(Map<SectionKind, String> sections) {
      List<ResultSender> senders = List.copyOf(resultSenders);
      if (senders.isEmpty()) {
        return List.of();
      }
      Map<SectionKind, String> accepted = new EnumMap<>(SectionKind.class);
      sections.forEach(
          (kind, text) -> {
            if (text != null && !text.isBlank()) {
              accepted.put(kind, text);
            }
          });
      String order = orders.get(study.studyInstanceUid());
      if (order == null || order.isBlank()) {
        order = study.accessionNumber();
      }
      if (order == null || order.isBlank()) {
        return List.of(
            "Not sent: no RIS order or accession number for this study, nothing to answer");
      }
      if (accepted.isEmpty()) {
        return List.of("Not sent: no accepted section has text");
      }
      AcceptedReport report = new AcceptedReport(order, accepted);
      List<String> outcomes = new ArrayList<>();
      for (ResultSender s : senders) {
        try {
          java.util.Optional<String> notApplicable = s.notApplicable(study);
          if (notApplicable.isPresent()) {
            outcomes.add(s.name() + ": not applicable (" + notApplicable.get() + ")");
            continue;
          }
          outcomes.add(
              s.name()
                  + (s.send(report, study)
                      ? ": acknowledged"
                      : ": kept in its outbox, sent again later"));
        } catch (IOException | RuntimeException e) {
          outcomes.add(s.name() + ": not sent (" + e.getMessage() + ")");
        }
      }
      return List.copyOf(outcomes);
    }

    @Override
    public String studyInstanceUid() {
      return session.studyInstanceUid();
    }

    @Override
    public void priors(List<org.radassist.speech.PriorReport> priors) {
      session.priors(priors);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when this study's dictation was closed (or the study opened
     *     again with a new handle)
     */
    @Override
    public void typed(boolean isFinal, String text) {
      if (!session.isOpen()) {
        throw new IllegalStateException(
            "the dictation of study " + studyInstanceUid() + " is closed");
      }
      // the box's whole text is the panel's one piece of dictation: always seq 0, replaced
      panel.typed(studyInstanceUid(), 0, isFinal, text);
    }

    @Override
    public void close() {
      open.remove(studyInstanceUid(), session);
      router.close(session);
    }
  }

  /**
   * The drafting service of the moment; with none, a request fails as retryable "unavailable" (the
   * session keeps the dictation and retries).
   */
  private static final class SwitchableDrafting implements DraftingService {
    private static final ModelInfo NONE = new ModelInfo("none", "0", "unavailable");
    volatile DraftingService current;

    @Override
    public ModelInfo model() {
      DraftingService s = current;
      return s == null ? NONE : s.model();
    }

    @Override
    public DraftCall draft(DraftRequest request, String idempotencyKey, DraftListener listener) {
      DraftingService s = current;
      if (s == null) {
        throw new DraftingException(
            "unavailable", true, "no drafting service is running on this workstation");
      }
      return s.draft(request, idempotencyKey, listener);
    }
  }
}
