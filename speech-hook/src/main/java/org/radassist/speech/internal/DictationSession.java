package org.radassist.speech.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.radassist.drafting.DictationChunk;
import org.radassist.drafting.DraftCall;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftListener;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftingException;
import org.radassist.drafting.DraftingService;
import org.radassist.drafting.request.DraftRequestFactory;
import org.radassist.drafting.request.PriorStudy;
import org.radassist.drafting.request.RequestContent;
import org.radassist.model.Finding;
import org.radassist.model.StudyContext;
import org.radassist.speech.DictationSegment;
import org.radassist.speech.DictationSink;
import org.radassist.speech.Outbox;
import org.radassist.speech.OutboxItem;
import org.radassist.speech.PriorReport;
import org.radassist.speech.SessionStatus;

/**
 * The dictation of one study on its way to a draft. Final segments are written to the outbox before
 * anything is sent and removed only when a draft that includes them completes; partial segments ask
 * for a draft once the speaker pauses (debounce); a new request cancels the one in flight, and
 * closing the session (the radiologist moved on) cancels it too. A retryable failure keeps the
 * dictation and asks again with exponential backoff. After a restart, {@link #resume} replays what
 * the outbox still holds for the study under the same session key, so the replayed request is
 * byte-identical to the one sent before the restart and carries the same idempotency key: no
 * dictation is lost, none is drafted twice in effect.
 *
 * <p>Segments are keyed by (source, seq): the panel's seq 0 and a speech engine's seq 0 are two
 * pieces of dictation. The request carries them in arrival order, renumbered 0..n; each stored
 * final keeps its arrival position, so a replay builds the same request.
 *
 * <p>Known limit: after a restart only the dictation not yet acknowledged is replayed; dictation
 * acknowledged earlier is already in the draft the panel holds.
 */
public final class DictationSession implements DictationSink, AutoCloseable {
  static final String KIND = "dictation";

  /**
   * How long to wait for the speaker to pause before drafting partial dictation, and the backoff
   * (doubling from {@code firstRetry} up to {@code maxRetry}) after a retryable failure.
   */
  public record Timing(Duration debounce, Duration firstRetry, Duration maxRetry) {
    public Timing {
      if (debounce.isNegative() || firstRetry.isNegative() || maxRetry.compareTo(firstRetry) < 0) {
        throw new IllegalArgumentException("timings must be >= 0 and maxRetry >= firstRetry");
      }
    }

    public static Timing withDebounce(Duration debounce) {
      return new Timing(debounce, Duration.ofSeconds(1), Duration.ofSeconds(60));
    }
  }

  private final StudyContext study;
  private final DraftingService drafting;
  private final Outbox outbox;
  private final ScheduledExecutorService scheduler;
  private final Timing timing;
  private final Consumer<SessionStatus> status;
  private final DraftListener events;
  private final Supplier<String> indication;
  private final Supplier<List<Finding>> findings;
  private final ObjectMapper json = new ObjectMapper();

  private final Object lock = new Object();
  private DraftRequestFactory phi;

  /** One source's piece of dictation: the same seq from two sources are two pieces. */
  private record ChunkKey(String source, long seq) {}

  /** A piece as last received, with its arrival position (kept when a segment replaces it). */
  private record Chunk(long order, boolean isFinal, String text) {}

  private final Map<ChunkKey, Chunk> chunks = new LinkedHashMap<>();
  private final Map<ChunkKey, String> outboxIds = new LinkedHashMap<>();
  private final Set<ChunkKey> notDurable = new HashSet<>();
  private long nextOrder;
  private ScheduledFuture<?> pendingDraft;
  private DraftCall inFlight;
  private long requestVersion;
  private boolean closed;
  private Duration retryDelay;
  private List<PriorReport> hostPriors = List.of();

  public DictationSession(
      StudyContext study,
      DraftingService drafting,
      DraftRequestFactory phi,
      Outbox outbox,
      ScheduledExecutorService scheduler,
      Duration debounce,
      Consumer<SessionStatus> status,
      DraftListener events,
      Supplier<String> indication,
      Supplier<List<Finding>> findings) {
    this(
        study,
        drafting,
        phi,
        outbox,
        scheduler,
        Timing.withDebounce(debounce),
        status,
        events,
        indication,
        findings);
  }

  public DictationSession(
      StudyContext study,
      DraftingService drafting,
      DraftRequestFactory phi,
      Outbox outbox,
      ScheduledExecutorService scheduler,
      Timing timing,
      Consumer<SessionStatus> status,
      DraftListener events,
      Supplier<String> indication,
      Supplier<List<Finding>> findings) {
    this.study = study;
    this.drafting = drafting;
    this.phi = phi;
    this.outbox = outbox;
    this.scheduler = scheduler;
    this.timing = timing;
    this.retryDelay = timing.firstRetry();
    this.status = status;
    this.events = events;
    this.indication = indication;
    this.findings = findings;
    status.accept(new SessionStatus(SessionStatus.State.IDLE, "", 0));
  }

  public String studyInstanceUid() {
    return study.studyInstanceUid();
  }

  /**
   * The prior studies the host gave for this study, replacing those given before; the next request
   * carries them minimised by the request factory with this session's key (token, relative days,
   * modality, impression scrubbed and cut to {@link PriorReport#IMPRESSION_CHARS}).
   *
   * @since 1.2
   */
  public void priors(List<PriorReport> priors) {
    synchronized (lock) {
      hostPriors = priors == null ? List.of() : List.copyOf(priors);
    }
  }

  /** The host's priors for the request factory (the open study itself is skipped there). */
  private List<PriorStudy> hostPriorStudies() {
    List<PriorStudy> out = new ArrayList<>();
    for (PriorReport p : hostPriors) {
      out.add(new PriorStudy(p.study(), "", shorten(p.impression())));
    }
    return out;
  }

  /** At most {@link PriorReport#IMPRESSION_CHARS} characters, cut at a word, with "…". */
  static String shorten(String text) {
    if (text.length() <= PriorReport.IMPRESSION_CHARS) {
      return text;
    }
    int cut = text.lastIndexOf(' ', PriorReport.IMPRESSION_CHARS - 1);
    return text.substring(0, cut > 0 ? cut : PriorReport.IMPRESSION_CHARS - 1).stripTrailing()
        + "…";
  }

  @Override
  public void onSegment(DictationSegment segment) {
    if (!segment.studyInstanceUid().equals(study.studyInstanceUid())) {
      throw new IllegalArgumentException(
          "segment for study "
              + segment.studyInstanceUid()
              + " sent to the session of another study");
    }
    synchronized (lock) {
      if (closed) {
        return;
      }
      ChunkKey k = new ChunkKey(segment.source(), segment.seq());
      Chunk previous = chunks.get(k);
      long order = previous != null ? previous.order() : nextOrder++;
      chunks.put(k, new Chunk(order, segment.isFinal(), segment.text()));
      if (segment.isFinal()) {
        store(segment, k, order);
        // drafted on this thread: draft() returns at once, and a hop to the scheduler would add a
        // thread wake-up to every final segment's round trip
        if (pendingDraft != null) {
          pendingDraft.cancel(false);
          pendingDraft = null;
        }
        try {
          requestDraft();
        } catch (RuntimeException e) {
          failed(
              new DraftEvent.Failed("unavailable", true, String.valueOf(e.getMessage())),
              requestVersion);
        }
      } else {
        schedule(timing.debounce());
        status.accept(new SessionStatus(SessionStatus.State.WAITING, "", unsent()));
      }
    }
  }

  /**
   * Replays the outbox's dictation for this study (after a restart) and returns how many segments.
   * Call it before feeding new segments: it also takes over the session key the dictation was
   * minimised under, so the tokens (and so the requests) are the same as before the restart.
   */
  public int resume() throws IOException {
    int replayed = 0;
    synchronized (lock) {
      List<Map.Entry<JsonNode, String>> stored = new ArrayList<>();
      int position = 0;
      for (OutboxItem item : outbox.pending()) {
        if (!item.kind().equals(KIND)) {
          continue;
        }
        JsonNode node = json.readTree(item.payload());
        if (!study.studyInstanceUid().equals(node.path("study_instance_uid").asText())) {
          continue;
        }
        if (replayed == 0 && node.hasNonNull("session_key")) {
          phi =
              DraftRequestFactory.resumed(
                  Base64.getDecoder().decode(node.get("session_key").asText()));
        }
        if (!node.has("order")) {
          ((ObjectNode) node).put("order", position); // stored before arrival order was kept
        }
        position++;
        stored.add(Map.entry(node, item.id()));
        replayed++;
      }
      // the arrival order of before the restart (a corrected final was stored later)
      stored.sort(java.util.Comparator.comparingLong(e -> e.getKey().path("order").asLong()));
      for (Map.Entry<JsonNode, String> e : stored) {
        JsonNode node = e.getKey();
        ChunkKey k = new ChunkKey(node.path("source").asText("unknown"), node.path("seq").asLong());
        long order = node.path("order").asLong();
        chunks.put(k, new Chunk(order, true, node.path("text").asText()));
        outboxIds.put(k, e.getValue());
        nextOrder = Math.max(nextOrder, order + 1);
      }
      if (replayed > 0) {
        schedule(Duration.ZERO);
      }
    }
    return replayed;
  }

  private void store(DictationSegment segment, ChunkKey k, long order) {
    ObjectNode payload = json.createObjectNode();
    payload.put("study_instance_uid", segment.studyInstanceUid());
    payload.put("source", segment.source());
    payload.put("seq", segment.seq());
    payload.put("order", order);
    payload.put("text", segment.text());
    payload.put("session_key", Base64.getEncoder().encodeToString(phi.sessionKey()));
    try {
      String key =
          phi.token(
              "dict",
              segment.studyInstanceUid()
                  + "#"
                  + segment.source()
                  + "#"
                  + segment.seq()
                  + "#"
                  + segment.text());
      OutboxItem item = outbox.put(KIND, key, json.writeValueAsBytes(payload));
      String previous = outboxIds.put(k, item.id());
      if (previous != null) {
        outbox.acknowledge(previous); // a corrected final replaces the earlier one
      }
      notDurable.remove(k);
    } catch (IOException | RuntimeException e) {
      notDurable.add(k);
      status.accept(
          new SessionStatus(
              SessionStatus.State.NOT_DURABLE,
              "Dictation could not be saved to disk ("
                  + e.getMessage()
                  + "); it is kept in memory only: do not close RadAssist",
              unsent()));
    }
  }

  private void schedule(Duration delay) {
    if (pendingDraft != null) {
      pendingDraft.cancel(false);
    }
    pendingDraft = scheduler.schedule(this::requestDraft, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void requestDraft() {
    DraftRequest request;
    String key;
    List<String> covered;
    List<ChunkKey> coveredInMemory;
    long version;
    synchronized (lock) {
      if (closed || chunks.isEmpty()) {
        return;
      }
      if (inFlight != null) {
        inFlight.cancel();
        inFlight = null;
      }
      List<Chunk> ordered = new ArrayList<>(chunks.values());
      ordered.sort(java.util.Comparator.comparingLong(Chunk::order));
      List<DictationChunk> dictation = new ArrayList<>();
      for (Chunk c : ordered) {
        // renumbered 0..n: seqs of different sources may collide
        dictation.add(new DictationChunk(dictation.size(), c.isFinal(), c.text()));
      }
      // the one request factory scrubs the dictation, the indication and the priors
      request =
          phi.request(
              study,
              new RequestContent(
                  indication.get(),
                  dictation,
                  hostPriorStudies(),
                  findings.get(),
                  null,
                  null,
                  null));
      List<org.radassist.drafting.PriorSummary> hostSummaries = request.priors();
      // the host's priors are part of the body: a request with other priors needs another key
      // (same key + other body is refused); without them the key stays what it always was
      key =
          phi.token(
              "req",
              study.studyInstanceUid()
                  + "#"
                  + request.dictationText()
                  + (hostSummaries.isEmpty() ? "" : "#priors=" + hostSummaries));
      covered = List.copyOf(outboxIds.values());
      coveredInMemory = List.copyOf(notDurable);
      version = ++requestVersion;
      status.accept(new SessionStatus(SessionStatus.State.DRAFTING, "", unsent()));
    }
    AtomicBoolean terminal = new AtomicBoolean();
    // draft() returns at once (events come on the service's threads); calling it under the lock
    // means close() always finds the call in flight and cancels it
    synchronized (lock) {
      if (closed || version != requestVersion) {
        return;
      }
      DraftCall call;
      try {
        call =
            drafting.draft(
                request,
                key,
                event -> {
                  synchronized (lock) {
                    if (closed || version != requestVersion) {
                      return; // a newer request or a closed session: this stream no longer matters
                    }
                  }
                  if (event.isTerminal()) {
                    terminal.set(true);
                  }
                  events.onEvent(event);
                  onEvent(event, covered, coveredInMemory, version);
                });
      } catch (RuntimeException e) {
        failed(new DraftEvent.Failed("unavailable", true, String.valueOf(e.getMessage())), version);
        return;
      }
      inFlight = call;
      // a service may fail without an error event (e.g. it is shutting down): treat it as one
      call.result()
          .whenComplete(
              (report, error) -> {
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                if (cause == null
                    || cause instanceof CancellationException
                    || !terminal.compareAndSet(false, true)) {
                  return;
                }
                boolean retryable = !(cause instanceof DraftingException d) || d.retryable();
                failed(
                    new DraftEvent.Failed(
                        "unavailable", retryable, String.valueOf(cause.getMessage())),
                    version);
              });
    }
  }

  private void onEvent(
      DraftEvent event, List<String> covered, List<ChunkKey> coveredInMemory, long version) {
    if (event instanceof DraftEvent.Completed) {
      synchronized (lock) {
        for (String id : covered) {
          try {
            outbox.acknowledge(id);
            outboxIds.values().remove(id);
          } catch (IOException e) {
            // stays pending: replayed once more after a restart, idempotent by key
          }
        }
        notDurable.removeAll(coveredInMemory);
        if (version == requestVersion) {
          inFlight = null;
        }
        retryDelay = timing.firstRetry();
        status.accept(new SessionStatus(SessionStatus.State.READY, "", unsent()));
      }
    } else if (event instanceof DraftEvent.Failed f) {
      failed(f, version);
    } else if (event instanceof DraftEvent.Started) {
      synchronized (lock) {
        status.accept(new SessionStatus(SessionStatus.State.STREAMING, "", unsent()));
      }
    }
  }

  private void failed(DraftEvent.Failed f, long version) {
    synchronized (lock) {
      if (closed || version != requestVersion) {
        return;
      }
      inFlight = null;
      status.accept(
          new SessionStatus(
              SessionStatus.State.UNAVAILABLE,
              "Drafting service unavailable ("
                  + f.message()
                  + (f.retryable() ? "); your dictation is kept and sent again" : ")"),
              unsent()));
      if (f.retryable()) {
        // the same dictation gives the same idempotency key: the retry has the effect of one
        // request
        schedule(retryDelay);
        Duration doubled = retryDelay.multipliedBy(2);
        retryDelay = doubled.compareTo(timing.maxRetry()) > 0 ? timing.maxRetry() : doubled;
      }
    }
  }

  /**
   * Asks for a draft of the dictation so far now, without waiting for a retry's backoff (e.g. a
   * drafting service has just become available). Does nothing when there is no dictation yet.
   */
  public void redraft() {
    synchronized (lock) {
      if (closed || chunks.isEmpty()) {
        return;
      }
      retryDelay = timing.firstRetry();
      schedule(Duration.ZERO);
    }
  }

  /** Whether segments are still taken (not closed). */
  public boolean isOpen() {
    synchronized (lock) {
      return !closed;
    }
  }

  private int unsent() {
    return outboxIds.size() + notDurable.size();
  }

  /** The study was closed: cancel what is in flight; stored dictation stays in the outbox. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      if (pendingDraft != null) {
        pendingDraft.cancel(false);
      }
      if (inFlight != null) {
        inFlight.cancel();
        inFlight = null;
      }
    }
  }
}
