package org.radassist.drafting.service.internal.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;
import org.radassist.drafting.AiResult;
import org.radassist.drafting.DraftAssembler;
import org.radassist.drafting.DraftCall;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftListener;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.DraftingException;
import org.radassist.drafting.DraftingService;
import org.radassist.drafting.PriorSummary;
import org.radassist.drafting.internal.engine.frames.FrameExtractor;
import org.radassist.model.CodeSuggestion;
import org.radassist.model.DraftReport;
import org.radassist.model.Flag;
import org.radassist.model.ModelInfo;
import org.radassist.model.ModelJson;
import org.radassist.model.ReviewState;
import org.radassist.model.SectionKind;
import org.radassist.model.Sex;
import org.radassist.model.StructuredField;
import org.radassist.model.Suggestion;
import org.radassist.model.SuggestionKind;

/**
 * A {@link DraftingService} on a model server: OpenAI-compatible chat completions or Anthropic's
 * Messages API ({@link ChatApi}, the differences in a {@link ChatWire}). The model is asked for
 * JSON in {@link ModelOutputSchema}'s shape (streamed; {@code response_format} json_schema strict,
 * or a forced tool with that input schema; low temperature, fixed seed where the API has one); the
 * answer is validated, then re-checked by the rules engine ({@link RulesRecheck}) before any of it
 * is sent. Sections therefore arrive as {@code section.done} once the whole answer is known to be
 * valid: unvalidated model text never reaches the radiologist's panel.
 *
 * <p>Failures become the contract's {@code error} event: {@code upstream_rate_limited} (429; the
 * Retry-After is honoured when short), {@code upstream_unavailable} (connect errors, 5xx after
 * retries), {@code upstream_rejected} (other 4xx), {@code upstream_error} (an error object inside
 * the stream), {@code upstream_stalled} (no chunk within the idle timeout), {@code
 * upstream_incomplete} (stream ended without {@code [DONE]} / {@code message_stop}), {@code
 * upstream_malformed} (a chunk that is not JSON), {@code model_output_invalid} (answer not in the
 * schema). Retries happen only before the first content chunk.
 */
public final class ChatDraftingService implements DraftingService, AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final String SYSTEM_PROMPT =
      """
      You draft radiology reports from a radiologist's dictation. Answer only with one JSON \
      object in the given schema. Write the four sections in full sentences; expand shorthand; \
      keep every measurement exactly as dictated; never invent findings that were not \
      dictated; list impressions most important first; name structured fields only when the \
      dictation supports them (Lung-RADS v2022, Fleischner 2017, BI-RADS, LI-RADS v2018, \
      PI-RADS v2.1, ACR TI-RADS); give each a confidence between 0 and 1. Everything you write \
      is a suggestion a radiologist will review.""";

  private final ChatBackendConfig config;
  private final DraftingService rules;
  private final OkHttpClient http;
  private final ObjectMapper mapper = ModelJson.newMapper();
  private final ModelOutputSchema schema = new ModelOutputSchema(mapper);
  private final ExecutorService executor;
  private final ModelInfo model;
  private final FrameExtractor frames = new FrameExtractor();
  private final PromptTokens promptTokens;

  /**
   * @param rules the embedded rules engine, which re-checks every answer
   */
  public ChatDraftingService(ChatBackendConfig config, DraftingService rules) {
    this.config = config;
    this.rules = rules;
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(config.connectTimeout())
            .readTimeout(config.firstTokenTimeout())
            .retryOnConnectionFailure(false)
            .build();
    this.promptTokens =
        new PromptTokens(http.newBuilder().readTimeout(Duration.ofSeconds(5)).build(), mapper);
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "chat-backend");
              t.setDaemon(true);
              return t;
            });
    this.model =
        new ModelInfo(config.model(), "", config.api().provider() + " " + config.baseUri());
  }

  @Override
  public ModelInfo model() {
    return model;
  }

  @Override
  public DraftCall draft(DraftRequest request, String idempotencyKey, DraftListener listener) {
    Attempt attempt = new Attempt(request, idempotencyKey, listener);
    executor.execute(attempt::run);
    return attempt;
  }

  @Override
  public void close() {
    executor.shutdownNow();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** One draft: its upstream call, its cancellation and its result. */
  private final class Attempt implements DraftCall {
    private final DraftRequest request;
    private final String key;
    private final DraftListener listener;
    private final String draftId = "llm-" + UUID.randomUUID();
    private final CompletableFuture<DraftReport> result = new CompletableFuture<>();
    private final DraftAssembler assembler;
    private final AtomicReference<Call> call = new AtomicReference<>();
    private final CountDownLatch cancelled = new CountDownLatch(1);

    Attempt(DraftRequest request, String key, DraftListener listener) {
      this.request = request;
      this.key = key;
      this.listener = listener;
      this.assembler = DraftAssembler.create(request.study().token(), java.time.Clock.systemUTC());
    }

    @Override
    public String idempotencyKey() {
      return key;
    }

    @Override
    public CompletionStage<DraftReport> result() {
      return result;
    }

    @Override
    public void cancel() {
      cancelled.countDown();
      Call c = call.get();
      if (c != null) {
        c.cancel();
      }
      result.cancel(false);
    }

    private boolean isCancelled() {
      return cancelled.getCount() == 0;
    }

    private void emit(DraftEvent e) {
      if (isCancelled()) {
        return;
      }
      assembler.accept(e);
      listener.onEvent(e);
      if (e instanceof DraftEvent.Completed) {
        result.complete(assembler.snapshot());
      } else if (e instanceof DraftEvent.Failed f) {
        result.completeExceptionally(new DraftingException(f.code(), f.retryable(), f.message()));
      }
    }

    void run() {
      long start = System.nanoTime();
      try {
        emit(new DraftEvent.Started(draftId, model));
        String user = userPrompt();
        int promptFloor = promptTokens.floor(config, SYSTEM_PROMPT, user);
        if (config.contextTokens() > 0
            && promptFloor + config.maxTokens() > config.contextTokens()) {
          emit(
              UpstreamErrors.promptTooLong(
                  "the prompt has at least "
                      + promptFloor
                      + " tokens and the answer may take "
                      + config.maxTokens()
                      + " (--llm-max-tokens), more than the "
                      + config.contextTokens()
                      + " of --llm-context-tokens"));
          return;
        }
        RuleView rv = rulesView();
        // The dictation as the rules engine read it: written numbers, expanded abbreviations.
        FaithfulnessGuard guard =
            new FaithfulnessGuard(
                new EngineFrames(frames, request.study().modality(), request.study().bodyPart()),
                rv.sections);
        Released released = new Released();
        Streamed s = stream(start, user, released, guard);
        if (s == null) {
          return; // failed or cancelled; the event has been sent
        }
        ModelOutput out;
        try {
          out = schema.read(s.content());
        } catch (ModelOutputException e) {
          String why =
              "length".equals(s.finishReason())
                  ? " (the answer was cut at max_tokens "
                      + config.maxTokens()
                      + ": raise"
                      + " --llm-max-tokens)"
                  : "";
          // Same prompt, fixed seed, low temperature: asking again gives the same answer.
          emit(new DraftEvent.Failed("model_output_invalid", false, e.getMessage() + why));
          return;
        }
        if (s.promptTokens() > 0 && s.promptTokens() < promptFloor) {
          emit(
              new DraftEvent.Failed(
                  "prompt_truncated",
                  false,
                  "the model server read "
                      + s.promptTokens()
                      + " prompt tokens, but the prompt has at least "
                      + promptFloor
                      + ": the server cut it to fit its context (llama.cpp's"
                      + " context shift), so the draft may miss what was dictated. "
                      + UpstreamErrors.CONTEXT_ADVICE
                      + "; llama.cpp's --no-context-shift makes such a request fail at once"));
          return;
        }
        for (SectionKind kind : request.template().sections()) {
          String text = out.sections().get(kind);
          if (text == null) {
            continue;
          }
          String shown = released.text.get(kind);
          if (shown == null) {
            release(kind, text, released, guard);
          } else if (!shown.equals(text)) {
            emit(
                new DraftEvent.Failed(
                    "model_output_invalid",
                    false,
                    "$.sections." + kind.jsonName() + ": given twice with different text"));
            return;
          }
        }
        RulesRecheck.Outcome checked =
            RulesRecheck.combine(out, config.model(), rv.fields, rv.codes, rv.flags);
        List<Flag> flags = new ArrayList<>(released.flags);
        flags.addAll(guard.omissions(released.text));
        flags.addAll(checked.flags());
        emit(
            new DraftEvent.Suggestions(
                suggestions(out.impressions(), SuggestionKind.IMPRESSION, "imp"),
                suggestions(out.differentials(), SuggestionKind.DIFFERENTIAL, "ddx")));
        emit(
            new DraftEvent.StructuredFields(ShownEvidence.fields(checked.fields(), released.text)));
        emit(new DraftEvent.Codes(ShownEvidence.codes(checked.codes(), released.text)));
        emit(new DraftEvent.Flags(ShownEvidence.flags(flags, released.text)));
        emit(
            new DraftEvent.Completed(
                draftId,
                s.promptTokens(),
                s.completionTokens(),
                s.ttftMillis(),
                (System.nanoTime() - start) / 1_000_000,
                sha256(s.content())));
      } catch (RuntimeException e) {
        emit(new DraftEvent.Failed("internal_error", true, "chat backend failed: " + e));
      }
    }

    /**
     * Sends one section the moment its text is complete, after the faithfulness guard read it; a
     * section the guard finds fault with is followed at once by the flags saying so.
     */
    private void release(SectionKind kind, String text, Released released, FaithfulnessGuard g) {
      if (released.text.containsKey(kind) || !request.template().sections().contains(kind)) {
        return;
      }
      released.text.put(kind, text);
      emit(new DraftEvent.SectionDone(kind, text, sha256(text)));
      List<Flag> found = g.checkSection(kind, text);
      if (!found.isEmpty()) {
        released.flags.addAll(found);
        emit(new DraftEvent.Flags(List.copyOf(released.flags)));
      }
    }

    private List<Suggestion> suggestions(
        List<ModelOutput.Item> items, SuggestionKind kind, String prefix) {
      List<Suggestion> out = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        ModelOutput.Item it = items.get(i);
        out.add(
            new Suggestion(
                prefix + "-" + (i + 1),
                kind,
                it.text(),
                it.confidence(),
                "proposed by " + config.model() + " (model output, not rule-derived)",
                List.of(),
                ReviewState.PENDING));
      }
      return out;
    }

    /** Streams the model's answer with retries before first content; null after a failure. */
    private Streamed stream(long start, String user, Released released, FaithfulnessGuard guard) {
      String body = requestBody(user);
      int attempt = 0;
      while (true) {
        if (isCancelled()) {
          return null;
        }
        ChatWire wire = config.api().wire();
        Request.Builder rb =
            new Request.Builder()
                .url(ChatWire.endpoint(config.baseUri(), wire.path()).toString())
                .header("Accept", "text/event-stream")
                .post(RequestBody.create(body, JSON));
        wire.authenticate(rb, config.apiKey());
        Request req = rb.build();
        Call c = http.newCall(req);
        call.set(c);
        Retry retry;
        try (Response resp = c.execute()) {
          if (resp.isSuccessful()) {
            return readStream(resp, wire, start, released, guard);
          }
          retry = retryFor(resp, attempt);
          if (retry.failure != null) {
            emit(retry.failure);
            return null;
          }
        } catch (SocketTimeoutException e) {
          if (isCancelled()) {
            return null;
          }
          // Connected, but no answer within the first-token timeout: asking again would wait as
          // long again, so the draft fails and the setting is named.
          emit(
              new DraftEvent.Failed(
                  "upstream_stalled",
                  true,
                  "model server sent no answer within "
                      + config.firstTokenTimeout().toMillis()
                      + " ms (--llm-first-token-timeout-ms; a large prompt on a CPU server"
                      + " needs longer)"));
          return null;
        } catch (IOException e) {
          if (isCancelled()) {
            return null;
          }
          retry = backoff(attempt, "upstream_unavailable", "cannot reach the model server: " + e);
        } catch (StreamFailure f) {
          emit(f.event);
          return null;
        }
        if (retry.failure != null) {
          emit(retry.failure);
          return null;
        }
        attempt++;
        try {
          if (cancelled.await(retry.waitMillis, TimeUnit.MILLISECONDS)) {
            return null;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return null;
        }
      }
    }

    private Retry retryFor(Response resp, int attempt) {
      int code = resp.code();
      String detail = "model server answered HTTP " + code + bodyHint(resp);
      if (code == 429) {
        long wait = retryAfterMillis(resp.header("Retry-After"));
        if (attempt >= config.maxRetries() || wait > config.maxRetryAfter().toMillis()) {
          return Retry.fail(
              new DraftEvent.Failed(
                  "upstream_rate_limited",
                  true,
                  detail + "; Retry-After " + Math.max(1, wait / 1000) + " s"));
        }
        return Retry.after(wait);
      }
      if (code == 408 || code >= 500) {
        return backoff(attempt, "upstream_unavailable", detail);
      }
      return Retry.fail(UpstreamErrors.rejected(code, detail));
    }

    /** Exponential backoff with full jitter: base 500 ms, cap 8 s. */
    private Retry backoff(int attempt, String code, String detail) {
      if (attempt >= config.maxRetries()) {
        return Retry.fail(new DraftEvent.Failed(code, true, detail));
      }
      long cap = Math.min(8_000, 500L << attempt);
      return Retry.after(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
    }

    private Streamed readStream(
        Response resp, ChatWire wire, long start, Released released, FaithfulnessGuard guard)
        throws StreamFailure {
      SectionStreamer sections = new SectionStreamer(mapper.getFactory());
      StreamProgress progress =
          new StreamProgress(
              start,
              piece -> {
                for (SectionStreamer.Section done : sections.feed(piece)) {
                  release(done.kind(), done.text(), released, guard);
                }
              });
      StringBuilder data = new StringBuilder();
      StringBuilder error = new StringBuilder();
      boolean idle = false;
      try {
        BufferedSource src = resp.body().source();
        while (!progress.done) {
          if (!idle && progress.started()) {
            // The first token came within firstTokenTimeout; from now on silence means a stall.
            src.timeout().timeout(config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
            idle = true;
          }
          String line = src.readUtf8Line();
          if (line == null) {
            break;
          }
          if (line.isEmpty()) {
            if (error.length() > 0) {
              // llama.cpp's non-standard "error: {...}" line, followed by "data: [DONE]"
              throw new StreamFailure(UpstreamErrors.inBand(errorObject(error.toString())));
            }
            if (data.length() == 0) {
              continue;
            }
            String payload = data.toString();
            data.setLength(0);
            if (payload.equals("[DONE]")) { // chat completions' end of stream
              progress.done = true;
              continue;
            }
            DraftEvent.Failed failed = wire.read(parseChunk(payload), progress);
            if (failed != null) {
              throw new StreamFailure(failed);
            }
            continue;
          }
          if (line.startsWith(":")) {
            continue; // comment / keep-alive
          }
          if (line.startsWith("data:")) {
            append(data, line.substring(5));
          } else if (line.startsWith("error:")) {
            append(error, line.substring(6));
          }
          // event:, id:, retry: are not needed: the JSON says what it is
        }
        if (error.length() > 0) {
          throw new StreamFailure(UpstreamErrors.inBand(errorObject(error.toString())));
        }
        if (!progress.done && data.length() > 0 && data.toString().equals("[DONE]")) {
          progress.done = true;
        }
      } catch (SocketTimeoutException e) {
        throw new StreamFailure(
            new DraftEvent.Failed(
                "upstream_stalled",
                true,
                idle
                    ? "model server sent nothing for "
                        + config.idleTimeout().toMillis()
                        + " ms (--llm-idle-timeout-ms)"
                    : "model server sent no answer within "
                        + config.firstTokenTimeout().toMillis()
                        + " ms (--llm-first-token-timeout-ms; a large prompt on a CPU server"
                        + " needs longer)"));
      } catch (InterruptedIOException e) {
        throw new StreamFailure(new DraftEvent.Failed("cancelled", true, "draft cancelled"));
      } catch (IOException e) {
        if (isCancelled()) {
          throw new StreamFailure(new DraftEvent.Failed("cancelled", true, "draft cancelled"));
        }
        throw new StreamFailure(
            new DraftEvent.Failed("upstream_incomplete", true, "model stream broke off: " + e));
      }
      if (!progress.done) {
        throw new StreamFailure(
            new DraftEvent.Failed(
                "upstream_incomplete", true, "model stream ended without its end marker"));
      }
      return new Streamed(
          progress.content(),
          progress.finishReason,
          progress.ttftMillis(),
          progress.promptTokens,
          progress.completionTokens);
    }

    private JsonNode errorObject(String payload) {
      try {
        JsonNode n = mapper.readTree(payload);
        JsonNode e = n != null && n.has("error") ? n.get("error") : n;
        return e == null ? mapper.getNodeFactory().textNode(payload) : e;
      } catch (JsonProcessingException e) {
        return mapper.getNodeFactory().textNode(payload);
      }
    }

    private JsonNode parseChunk(String payload) throws StreamFailure {
      try {
        JsonNode n = mapper.readTree(payload);
        if (n == null || !n.isObject()) {
          throw new StreamFailure(
              new DraftEvent.Failed(
                  "upstream_malformed", true, "stream chunk is not a JSON object"));
        }
        return n;
      } catch (JsonProcessingException e) {
        throw new StreamFailure(
            new DraftEvent.Failed(
                "upstream_malformed", true, "stream chunk is not JSON: " + e.getOriginalMessage()));
      }
    }

    private String requestBody(String user) {
      try {
        return mapper.writeValueAsString(
            config.api().wire().requestBody(mapper, config, SYSTEM_PROMPT, user, schema.schema()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    /** The request as the model sees it: PHI-free by the contract (tokens, ages, relative days). */
    private String userPrompt() {
      StringBuilder b = new StringBuilder();
      var s = request.study();
      // Only what is known: "Study:  " or "age , sex UNKNOWN" would only confuse the model.
      String study =
          String.join(
                  " ",
                  java.util.stream.Stream.of(
                          nz(s.modality()),
                          nz(s.bodyPart()),
                          s.procedure() == null || s.procedure().meaning() == null
                              ? ""
                              : "(" + s.procedure().meaning() + ")")
                      .filter(v -> !v.isBlank())
                      .toList())
              .strip();
      if (!study.isEmpty()) {
        b.append("Study: ").append(study).append('\n');
      }
      List<String> patient = new ArrayList<>();
      if (request.patient().ageYears() != null) {
        patient.add("age " + request.patient().ageBand());
      }
      if (request.patient().sex() != null && request.patient().sex() != Sex.UNKNOWN) {
        patient.add("sex " + request.patient().sex());
      }
      if (!patient.isEmpty()) {
        b.append("Patient: ").append(String.join(", ", patient)).append('\n');
      }
      if (!request.indication().isBlank()) {
        b.append("Indication: ").append(request.indication()).append('\n');
      }
      for (PriorSummary p : request.priors()) {
        b.append("Prior ")
            .append(nz(p.modality()))
            .append(' ')
            .append(-p.relativeDays())
            .append(" days earlier: findings: ")
            .append(p.findings())
            .append(" impression: ")
            .append(p.impression())
            .append('\n');
      }
      for (AiResult a : request.aiResults()) {
        b.append("AI result: ").append(a.finding());
        if (a.sizeMm() != null) {
          b.append(", ").append(a.sizeMm()).append(" mm");
        }
        if (a.location() != null) {
          b.append(", ").append(a.location());
        }
        if (a.composition() != null) {
          b.append(", ").append(a.composition());
        }
        b.append('\n');
      }
      b.append("Dictation:\n").append(request.dictationText());
      return b.toString();
    }

    /** Runs the rules engine on the same request: what the model's answer is checked against. */
    private RuleView rulesView() {
      RuleView v = new RuleView();
      DraftCall rc =
          rules.draft(
              request,
              key + "#rules",
              e -> {
                synchronized (v) {
                  if (e instanceof DraftEvent.SectionDone d
                      && (d.section() == SectionKind.FINDINGS
                          || d.section() == SectionKind.IMPRESSION)) {
                    v.sections.put(d.section(), d.text());
                  } else if (e instanceof DraftEvent.StructuredFields f) {
                    v.fields = f.items();
                  } else if (e instanceof DraftEvent.Codes c) {
                    v.codes = c.items();
                  } else if (e instanceof DraftEvent.Flags f) {
                    v.flags = f.items();
                  }
                }
              });
      try {
        rc.result().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        rc.cancel();
        throw new IllegalStateException("rules re-check failed: " + e, e);
      }
      synchronized (v) {
        return v;
      }
    }
  }

  private static final class RuleView {
    final Map<SectionKind, String> sections = new EnumMap<>(SectionKind.class);
    List<StructuredField> fields = List.of();
    List<CodeSuggestion> codes = List.of();
    List<Flag> flags = List.of();
  }

  private record Streamed(
      String content,
      String finishReason,
      long ttftMillis,
      long promptTokens,
      long completionTokens) {}

  private record Retry(long waitMillis, DraftEvent.Failed failure) {
    static Retry after(long millis) {
      return new Retry(millis, null);
    }

    static Retry fail(DraftEvent.Failed f) {
      return new Retry(0, f);
    }
  }

  /** A stream that failed after it started: no retry, the event says why. */
  private static final class StreamFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final transient DraftEvent.Failed event;

    StreamFailure(DraftEvent.Failed event) {
      super(event.message(), null, false, false);
      this.event = event;
    }
  }

  /** Retry-After as seconds or an HTTP date; 1 s when absent or unreadable. */
  static long retryAfterMillis(String header) {
    if (header == null || header.isBlank()) {
      return 1_000;
    }
    try {
      return Math.max(0, Long.parseLong(header.trim())) * 1_000;
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        return Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis());
      } catch (RuntimeException e2) {
        return 1_000;
      }
    }
  }

  private static String bodyHint(Response resp) {
    try {
      String b = resp.peekBody(300).string().strip();
      return b.isEmpty() ? "" : ": " + b.replaceAll("\\s+", " ");
    } catch (IOException e) {
      return "";
    }
  }

  /** One SSE field value, without the single space after the colon, lines joined by \\n. */
  private static void append(StringBuilder field, String value) {
    if (field.length() > 0) {
      field.append('\n');
    }
    field.append(value.startsWith(" ") ? value.substring(1) : value);
  }

  /** What has gone to the panel so far: section texts as shown, and the guard's flags. */
  private static final class Released {
    final Map<SectionKind, String> text = new EnumMap<>(SectionKind.class);
    final List<Flag> flags = new ArrayList<>();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
