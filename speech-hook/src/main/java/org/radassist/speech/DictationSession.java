package org.radassist.speech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.radassist.drafting.AiResult;
import org.radassist.drafting.DictationChunk;
import org.radassist.drafting.DraftCall;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftListener;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftingService;
import org.radassist.drafting.PriorSummary;
import org.radassist.model.StudyContext;

/**
 * The dictation of one study on its way to a draft. Final segments are written to the outbox before
 * anything is sent and removed only when a draft that includes them completes; partial segments ask
 * for a draft once the speaker pauses (debounce); a new request cancels the one in flight, and
 * closing the session (the radiologist moved on) cancels it too. After a restart, {@link #resume}
 * replays what the outbox still holds for the study, so no dictation is lost or sent twice in
 * effect (the idempotency key is derived from what was dictated).
 */
public final class DictationSession implements DictationSink, AutoCloseable {
  static final String KIND = "dictation";
  private final StudyContext study;
  private final DraftingService drafting;
  private final PhiMinimiser phi;
  private final Outbox outbox;
  private final ScheduledExecutorService scheduler;
  private final Duration debounce;
  private final Consumer<SessionStatus> status;
  private final DraftListener events;
  private final Supplier<String> indication;
  private final Supplier<List<PriorSummary>> priors;
  private final Supplier<List<AiResult>> aiResults;
  private final ObjectMapper json = new ObjectMapper();

  private final Object lock = new Object();
  private final Map<Long, DictationChunk> chunks = new TreeMap<>();
  private final Map<Long, String> outboxIds = new TreeMap<>();
  private final List<String> notDurable = new ArrayList<>();
  private ScheduledFuture<?> pendingDraft;
  private DraftCall inFlight;
  private long requestVersion;
  private boolean closed;
  private Duration retryDelay = Duration.ofSeconds(1);
  private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(60);

  public DictationSession(
      StudyContext study,
      DraftingService drafting,
      PhiMinimiser phi,
      Outbox outbox,
      ScheduledExecutorService scheduler,
      Duration debounce,
      Consumer<SessionStatus> status,
      DraftListener events,
      Supplier<String> indication,
      Supplier<List<PriorSummary>> priors,
      Supplier<List<AiResult>> aiResults) {
    this.study = study;
    this.drafting = drafting;
    this.phi = phi;
    this.outbox = outbox;
    this.scheduler = scheduler;
    this.debounce = debounce;
    this.status = status;
    this.events = events;
    this.indication = indication;
    this.priors = priors;
    this.aiResults = aiResults;
    status.accept(new SessionStatus(SessionStatus.State.IDLE, "", 0));
  }

  public String studyInstanceUid() {
    return study.studyInstanceUid();
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
      chunks.put(
          segment.seq(), new DictationChunk(segment.seq(), segment.isFinal(), segment.text()));
      if (segment.isFinal()) {
        store(segment);
        schedule(Duration.ZERO);
      } else {
        schedule(debounce);
        status.accept(new SessionStatus(SessionStatus.State.WAITING, "", unsent()));
      }
    }
  }

  /** Replays the outbox's dictation for this study (after a restart); returns how many segments. */
  public int resume() throws IOException {
    int replayed = 0;
    synchronized (lock) {
      for (OutboxItem item : outbox.pending()) {
        if (!item.kind().equals(KIND)) {
          continue;
        }
        JsonNode node = json.readTree(item.payload());
        if (!study.studyInstanceUid().equals(node.path("study_instance_uid").asText())) {
          continue;
        }
        long seq = node.path("seq").asLong();
        chunks.put(seq, new DictationChunk(seq, true, node.path("text").asText()));
        outboxIds.put(seq, item.id());
        replayed++;
      }
      if (replayed > 0) {
        schedule(Duration.ZERO);
      }
    }
    return replayed;
  }

  private void store(DictationSegment segment) {
    ObjectNode payload = json.createObjectNode();
    payload.put("study_instance_uid", segment.studyInstanceUid());
    payload.put("source", segment.source());
    payload.put("seq", segment.seq());
    payload.put("text", segment.text());
    try {
      String key =
          phi.token(
              "dict", segment.studyInstanceUid() + "#" + segment.seq() + "#" + segment.text());
      OutboxItem item = outbox.put(KIND, key, json.writeValueAsBytes(payload));
      String previous = outboxIds.put(segment.seq(), item.id());
      if (previous != null) {
        outbox.acknowledge(previous); // a corrected final replaces the earlier one
      }
      notDurable.remove(Long.toString(segment.seq()));
    } catch (IOException e) {
      notDurable.add(Long.toString(segment.seq()));
      status.accept(
          new SessionStatus(
              SessionStatus.State.NOT_DURABLE,
              "Dictation could not be saved to disk ("
                  + e.getMessage()
                  + "); it is kept in memory — do not close RadAssist",
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
    long version;
    synchronized (lock) {
      if (closed || chunks.isEmpty()) {
        return;
      }
      if (inFlight != null) {
        inFlight.cancel();
      }
      List<DictationChunk> dictation = new ArrayList<>();
      for (DictationChunk c : chunks.values()) {
        dictation.add(new DictationChunk(c.seq(), c.isFinal(), phi.scrub(c.text(), study)));
      }
      request =
          new DraftRequest(
              null,
              phi.token("se", study.studyInstanceUid()),
              phi.study(study),
              phi.patient(study),
              phi.scrub(indication.get(), study),
              dictation,
              priors.get(),
              aiResults.get(),
              null,
              null,
              null);
      key = phi.token("req", study.studyInstanceUid() + "#" + request.dictationText());
      covered = List.copyOf(outboxIds.values());
      version = ++requestVersion;
      status.accept(new SessionStatus(SessionStatus.State.DRAFTING, "", unsent()));
    }
    DraftCall call =
        drafting.draft(
            request,
            key,
            event -> {
              synchronized (lock) {
                if (closed || version != requestVersion) {
                  return; // a newer request or a closed session: this stream no longer matters
                }
              }
              events.onEvent(event);
              onEvent(event, covered, version);
            });
    synchronized (lock) {
      if (version == requestVersion && !closed) {
        inFlight = call;
      } else {
        call.cancel();
      }
    }
  }

  private void onEvent(DraftEvent event, List<String> covered, long version) {
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
        if (version == requestVersion) {
          inFlight = null;
        }
        retryDelay = Duration.ofSeconds(1);
        status.accept(new SessionStatus(SessionStatus.State.READY, "", unsent()));
      }
    } else if (event instanceof DraftEvent.Failed f) {
      synchronized (lock) {
        status.accept(
            new SessionStatus(
                SessionStatus.State.UNAVAILABLE,
                "Drafting service unavailable (" + f.message() + ") — your dictation is kept",
                unsent()));
        if (f.retryable() && version == requestVersion && !closed) {
          // the same dictation gives the same idempotency key: the retry has the effect of one
          // request
          schedule(retryDelay);
          retryDelay =
              retryDelay.multipliedBy(2).compareTo(MAX_RETRY_DELAY) > 0
                  ? MAX_RETRY_DELAY
                  : retryDelay.multipliedBy(2);
        }
      }
    } else if (event instanceof DraftEvent.Started) {
      status.accept(new SessionStatus(SessionStatus.State.STREAMING, "", unsent()));
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
      }
    }
  }
}
