package org.radassist.drafting.service.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.service.internal.run.Admission;
import org.radassist.drafting.service.internal.run.DraftCoordinator;
import org.radassist.drafting.service.internal.run.DraftSource;
import org.radassist.drafting.service.internal.store.StoreException;
import org.radassist.drafting.service.internal.store.StoredEvent;
import org.radassist.model.DraftStatus;

/**
 * The HTTP face of the drafting service (Jetty 12 core handler, no servlets):
 *
 * <ul>
 *   <li>{@code POST /v1/drafts}: SSE stream of the draft (default, {@code Accept:
 *       text/event-stream}) or the final object ({@code Accept: application/json});
 *   <li>{@code GET /v1/drafts/{id}}: the stored draft, or with {@code Accept: text/event-stream}
 *       its events after {@code Last-Event-ID} (resume);
 *   <li>{@code GET /health} (alive) and {@code GET /ready} (store answers), without auth; {@code
 *       /ready} names the backend and counts running drafts only for a known client.
 * </ul>
 *
 * Every error is an RFC 9457 problem. Streams block a pool thread each (Java 17 has no virtual
 * threads); the pool is sized for it.
 */
public final class ApiHandler extends Handler.Abstract {
  private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());
  private static final String DRAFTS = "/v1/drafts";
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
  private static final Pattern DRAFT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.US_ASCII);

  private final DraftCoordinator drafts;
  private final DraftRequestReader reader;
  private final BearerAuth auth;
  private final RateLimiter limiter;
  private final BooleanSupplier ready;
  private final Duration heartbeat;
  private final Duration defaultDeadline;
  private final Duration maxDeadline;
  private final Semaphore admissions;
  private final ObjectMapper json = new ObjectMapper();

  public ApiHandler(
      DraftCoordinator drafts,
      DraftRequestReader reader,
      BearerAuth auth,
      RateLimiter limiter,
      BooleanSupplier ready,
      Duration heartbeat,
      Duration defaultDeadline,
      Duration maxDeadline,
      int concurrentAdmissions) {
    this.drafts = drafts;
    this.reader = reader;
    this.auth = auth;
    this.limiter = limiter;
    this.ready = ready;
    this.heartbeat = heartbeat;
    this.defaultDeadline = defaultDeadline;
    this.maxDeadline = maxDeadline;
    // fair: waiting requests are admitted in arrival order
    this.admissions = new Semaphore(concurrentAdmissions, true);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    guarded(path, request, response, callback, () -> route(path, request, response, callback));
    return true;
  }

  /** A step of answering a request; it may block (store, admission, streaming). */
  private interface Step {
    void run() throws InterruptedException;
  }

  /** Runs {@code step}, answering any failure as a problem. */
  private void guarded(
      String path, Request request, Response response, Callback callback, Step step) {
    try {
      step.run();
    } catch (ProblemException e) {
      writeProblem(request, response, callback, e.problem());
    } catch (StoreException e) {
      LOG.log(System.Logger.Level.ERROR, "store failure on " + path, e);
      writeProblem(
          request,
          response,
          callback,
          Problem.of(
                  "store-unavailable",
                  503,
                  "Store unavailable",
                  "the draft store did not answer; retry shortly")
              .withHeader("Retry-After", "2"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      callback.failed(e);
    } catch (RuntimeException | LinkageError e) {
      // a bug or a broken installation: the client still gets a problem, the log the trace
      LOG.log(System.Logger.Level.ERROR, "unexpected failure on " + path, e);
      writeProblem(
          request,
          response,
          callback,
          Problem.of("internal-error", 500, "Internal error", "the service failed; see its log"));
    }
  }

  private void route(String path, Request request, Response response, Callback callback)
      throws InterruptedException {
    String method = request.getMethod();
    if (path.equals("/health")) {
      requireMethod(method, "GET");
      writeJson(response, callback, 200, Map.of("status", "up"));
      return;
    }
    if (path.equals("/ready")) {
      requireMethod(method, "GET");
      if (!ready.getAsBoolean()) {
        throw Problem.of("not-ready", 503, "Not ready", "the draft store does not answer")
            .withHeader("Retry-After", "5")
            .exception();
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", "ready");
      // what runs here is for the service's clients, not for whoever can reach the port
      if (knownClient(request)) {
        body.put("backend", drafts.backend().model().name());
        body.put("running_drafts", drafts.runningCount());
      }
      writeJson(response, callback, 200, body);
      return;
    }
    if (path.equals(DRAFTS) || path.equals(DRAFTS + "/")) {
      String client = admitClient(request);
      requireMethod(method, "POST");
      postDraft(client, request, response, callback);
      return;
    }
    if (path.startsWith(DRAFTS + "/")) {
      String client = admitClient(request);
      requireMethod(method, "GET");
      String id = path.substring(DRAFTS.length() + 1);
      getDraft(client, id, request, response, callback);
      return;
    }
    throw Problem.of("not-found", 404, "Not found", "no resource at " + path).exception();
  }

  private boolean knownClient(Request request) {
    try {
      auth.authenticate(
          request.getHeaders().get(HttpHeader.AUTHORIZATION), Request.getRemoteAddr(request));
      return true;
    } catch (ProblemException e) {
      return false;
    }
  }

  private String admitClient(Request request) {
    String client =
        auth.authenticate(
            request.getHeaders().get(HttpHeader.AUTHORIZATION), Request.getRemoteAddr(request));
    long wait = limiter.acquire(client);
    if (wait > 0) {
      throw Problem.of(
              "rate-limited",
              429,
              "Too many requests",
              "this client sent more requests than its rate limit allows; retry after "
                  + wait
                  + " s")
          .withHeader("Retry-After", Long.toString(wait))
          .exception();
    }
    return client;
  }

  private static void requireMethod(String method, String allowed) {
    if (!method.equals(allowed)) {
      throw Problem.of(
              "method-not-allowed",
              405,
              "Method not allowed",
              method + " is not allowed here; use " + allowed)
          .withHeader("Allow", allowed)
          .exception();
    }
  }

  // ------------------------------------------------------------------ POST /v1/drafts

  private void postDraft(String client, Request request, Response response, Callback callback)
      throws InterruptedException {
    reader.checkContentType(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
    boolean stream = wantsStream(request.getHeaders().get(HttpHeader.ACCEPT));
    String key = idempotencyKey(request.getHeaders().get("Idempotency-Key"));
    long lastEventId = lastEventId(request);
    Duration deadline = deadline(request.getHeaders().get("X-Request-Deadline-Ms"));
    reader.checkDeclaredLength(request.getLength());
    // The body is read without holding a thread: a slow client waits in Jetty's selector, not in
    // the pool (500 slow bodies used to take every thread); the connection guard cuts it at the
    // body deadline.
    AsyncBody body =
        new AsyncBody(
            request,
            reader.maxBodyBytes(),
            (bytes, failure) ->
                request
                    .getComponents()
                    .getExecutor()
                    .execute(
                        () ->
                            guarded(
                                DRAFTS,
                                request,
                                response,
                                callback,
                                () -> {
                                  if (failure != null) {
                                    throw failure;
                                  }
                                  draft(
                                      client,
                                      key,
                                      lastEventId,
                                      deadline,
                                      stream,
                                      bytes,
                                      request,
                                      response,
                                      callback);
                                })));
    byte[] now = body.pump();
    if (now != null) {
      draft(client, key, lastEventId, deadline, stream, now, request, response, callback);
    }
  }

  private void draft(
      String client,
      String key,
      long lastEventId,
      Duration deadline,
      boolean stream,
      byte[] body,
      Request request,
      Response response,
      Callback callback)
      throws InterruptedException {
    request.setAttribute(BODY_READ, Boolean.TRUE);
    Admission admission;
    // Parsing and admission are CPU work (the rules engine drafts during admission): a few at a
    // time, in arrival order, instead of one thread per connection fighting over the cores, which
    // made a late request's wait as long as the slowest of fifty. Reading the body (a slow client)
    // and streaming the answer stay outside.
    admissions.acquire();
    try {
      DraftRequest draftRequest = reader.read(body);
      admission = drafts.admit(client, key, draftRequest, deadline);
    } finally {
      admissions.release();
    }
    DraftSource source = admission.source();
    response.getHeaders().put(HttpHeader.LOCATION, DRAFTS + "/" + source.draftId());
    response.getHeaders().put("X-Draft-Id", source.draftId());
    if (admission.replayed()) {
      response.getHeaders().put("Idempotent-Replayed", "true");
    }
    if (stream) {
      // Last-Event-ID counts the events of the draft the key had; a new draft (the key was free,
      // e.g. its replica died mid-draft) is sent whole, from draft.started
      writeStream(source, admission.replayed() ? lastEventId : 0, response, callback);
    } else {
      writeFinal(source, deadline, request, response, callback);
    }
  }

  /**
   * A request body read as it arrives: {@link #pump()} takes what is there and, when more is to
   * come, asks Jetty to call back (on any thread) once it is; {@code done} gets the whole body or
   * the problem.
   */
  private final class AsyncBody implements Runnable {
    private final Request request;
    private final long limit;
    private final java.util.function.BiConsumer<byte[], ProblemException> done;
    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

    AsyncBody(
        Request request, long limit, java.util.function.BiConsumer<byte[], ProblemException> done) {
      this.request = request;
      this.limit = limit;
      this.done = done;
    }

    /** The whole body, or null when Jetty will call {@link #run()} as more arrives. */
    byte[] pump() {
      while (true) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return null;
        }
        if (Content.Chunk.isFailure(chunk)) {
          throw Problem.of("unreadable-body", 400, "Unreadable body", "the request body broke off")
              .exception();
        }
        ByteBuffer b = chunk.getByteBuffer();
        if (bytes.size() + (long) b.remaining() > limit) {
          chunk.release();
          throw reader.tooLarge(bytes.size() + (long) b.remaining());
        }
        byte[] part = new byte[b.remaining()];
        b.get(part);
        bytes.write(part, 0, part.length);
        boolean last = chunk.isLast();
        chunk.release();
        if (last) {
          return bytes.toByteArray();
        }
      }
    }

    @Override
    public void run() {
      byte[] body;
      try {
        body = pump();
      } catch (ProblemException e) {
        done.accept(null, e);
        return;
      }
      if (body != null) {
        done.accept(body, null);
      }
    }
  }

  private static boolean wantsStream(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    String a = accept.toLowerCase(Locale.ROOT);
    if (a.contains("text/event-stream")) {
      return true;
    }
    if (a.contains("application/json")) {
      return false;
    }
    if (a.contains("*/*") || a.contains("text/*")) {
      return true;
    }
    if (a.contains("application/*")) {
      return false;
    }
    throw Problem.of(
            "not-acceptable",
            406,
            "Not acceptable",
            "this endpoint answers text/event-stream or application/json, not " + accept)
        .exception();
  }

  private static String idempotencyKey(String header) {
    if (header == null) {
      return null;
    }
    String k = header.trim();
    // the IETF draft sends the key as a structured-field string: "..."
    if (k.length() >= 2 && k.startsWith("\"") && k.endsWith("\"")) {
      k = k.substring(1, k.length() - 1);
    }
    if (!KEY.matcher(k).matches()) {
      throw Problem.of(
              "invalid-idempotency-key",
              400,
              "Invalid Idempotency-Key",
              "Idempotency-Key must be 1 to 255 visible ASCII characters (a UUID is usual)")
          .exception();
    }
    return k;
  }

  private static long lastEventId(Request request) {
    String v = request.getHeaders().get("Last-Event-ID");
    if (v == null || v.isBlank()) {
      return 0;
    }
    try {
      long id = Long.parseLong(v.trim());
      if (id < 0) {
        throw new NumberFormatException();
      }
      return id;
    } catch (NumberFormatException e) {
      throw Problem.of(
              "invalid-last-event-id",
              400,
              "Invalid Last-Event-ID",
              "Last-Event-ID must be the id: of an event this service sent (a whole number)")
          .exception();
    }
  }

  private Duration deadline(String header) {
    if (header == null || header.isBlank()) {
      return defaultDeadline;
    }
    try {
      long ms = Long.parseLong(header.trim());
      if (ms <= 0) {
        throw new NumberFormatException();
      }
      return Duration.ofMillis(Math.min(ms, maxDeadline.toMillis()));
    } catch (NumberFormatException e) {
      throw Problem.of(
              "invalid-deadline",
              400,
              "Invalid X-Request-Deadline-Ms",
              "X-Request-Deadline-Ms must be a positive number of milliseconds")
          .exception();
    }
  }

  // ------------------------------------------------------------------ GET /v1/drafts/{id}

  private void getDraft(
      String client, String id, Request request, Response response, Callback callback)
      throws InterruptedException {
    if (!DRAFT_ID.matcher(id).matches()) {
      throw Problem.of("not-found", 404, "Not found", "no draft " + id).exception();
    }
    Optional<DraftSource> found = drafts.find(client, id);
    if (found.isEmpty()) {
      throw Problem.of(
              "draft-not-found",
              404,
              "Draft not found",
              "no finished or running draft " + id + " for this client")
          .exception();
    }
    String accept = request.getHeaders().get(HttpHeader.ACCEPT);
    boolean stream =
        accept != null && accept.toLowerCase(Locale.ROOT).contains("text/event-stream");
    if (stream) {
      writeStream(found.get(), lastEventId(request), response, callback);
    } else {
      DraftSource s = found.get();
      writeBody(response, callback, 200, "application/json", s.reportJson());
    }
  }

  // ------------------------------------------------------------------ responses

  /**
   * Streams the events after {@code lastEventId} as SSE, a {@code : ping} comment after each quiet
   * heartbeat interval, until the terminal event has been sent or the client goes away.
   */
  private void writeStream(
      DraftSource source, long lastEventId, Response response, Callback callback)
      throws InterruptedException {
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Accel-Buffering", "no");
    if (source.finished()) {
      // a stored draft, or one the engine finished during admission: every event is known, so
      // the response goes out in one write with a Content-Length (no chunks, no blocking)
      List<StoredEvent> events = source.eventsAfter(lastEventId, 0);
      StringBuilder b = new StringBuilder(events.size() * 512 + 64);
      for (StoredEvent e : events) {
        appendSse(b, e);
      }
      response.write(
          true, ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8)), callback);
      return;
    }
    source.attach();
    try (OutputStream out = Content.Sink.asOutputStream(response)) {
      long last = lastEventId;
      while (true) {
        List<StoredEvent> events = source.eventsAfter(last, heartbeat.toMillis());
        if (events.isEmpty()) {
          if (source.finished()) {
            break;
          }
          out.write(PING);
          out.flush();
          continue;
        }
        StringBuilder b = new StringBuilder(1024);
        for (StoredEvent e : events) {
          appendSse(b, e);
          last = e.seq();
        }
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (IOException e) {
      // the client went away: the draft goes on (or is cancelled after the grace period)
      callback.failed(e);
      return;
    } finally {
      source.detach();
    }
    callback.succeeded();
  }

  static void appendSse(StringBuilder b, StoredEvent e) {
    b.append("id: ").append(e.seq()).append('\n');
    b.append("event: ").append(e.name()).append('\n');
    // one data: line per line of the data (CRLF, CR or LF), as the SSE format wants
    String data = e.data();
    int start = 0;
    for (int i = 0; i < data.length(); i++) {
      char ch = data.charAt(i);
      if (ch == '\r' || ch == '\n') {
        b.append("data: ").append(data, start, i).append('\n');
        if (ch == '\r' && i + 1 < data.length() && data.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    b.append("data: ").append(data, start, data.length()).append('\n');
    b.append('\n');
  }

  /** Waits for the draft and answers its final object, or a problem when it failed. */
  private void writeFinal(
      DraftSource source, Duration deadline, Request request, Response response, Callback callback)
      throws InterruptedException {
    source.attach();
    try {
      source.awaitFinished(deadline.toMillis() + 5_000);
    } finally {
      source.detach();
    }
    if (source.status() == DraftStatus.COMPLETE) {
      writeBody(response, callback, 200, "application/json", source.reportJson());
      return;
    }
    DraftSource.FailureInfo f = source.failure();
    Problem p;
    if (f == null) {
      p = Problem.of("draft-timeout", 504, "Draft timed out", "the draft did not finish in time");
    } else if (f.code().equals("deadline_exceeded")) {
      p = Problem.of("draft-timeout", 504, "Draft timed out", f.message());
    } else if (f.retryable()) {
      p =
          Problem.of("draft-failed", 503, "Draft failed", f.message())
              .withHeader("Retry-After", "1");
    } else {
      p = Problem.of("draft-failed", 502, "Draft failed", f.message());
    }
    p =
        p.with("code", f == null ? "deadline_exceeded" : f.code())
            .with("retryable", f == null || f.retryable())
            .with("draft_id", source.draftId());
    writeProblem(request, response, callback, p);
  }

  private void writeJson(Response response, Callback callback, int status, Object body) {
    try {
      writeBody(response, callback, status, "application/json", json.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      callback.failed(e);
    }
  }

  private static void writeBody(
      Response response, Callback callback, int status, String type, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    Content.Sink.write(response, true, body, callback);
  }

  private void writeProblem(
      Request request, Response response, Callback callback, Problem problem) {
    if (response.isCommitted()) {
      callback.failed(new IOException(problem.detail()));
      return;
    }
    problem.headers().forEach((k, v) -> response.getHeaders().put(k, v));
    Callback then = callback;
    if (request.getLength() != 0 && request.getAttribute(BODY_READ) == null) {
      // Refused before its body was read: answer at once and end the connection, never wait for
      // the body (300 unauthenticated clients announcing 100 kB and sending one byte held every
      // thread). A half close (FIN), not a close: with unread bytes the kernel would reset the
      // socket and the client might never see the problem; the guard's body deadline ends it.
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      EndPoint socket = request.getConnectionMetaData().getConnection().getEndPoint();
      then =
          Callback.from(
              () -> {
                callback.succeeded();
                socket.shutdownOutput();
              },
              callback::failed);
    }
    String body;
    try {
      body = json.writeValueAsString(problem.body(request.getHttpURI().getPath()));
    } catch (JsonProcessingException e) {
      callback.failed(e);
      return;
    }
    writeBody(response, then, problem.status(), Problem.MEDIA_TYPE, body);
  }

  private static final String BODY_READ = ApiHandler.class.getName() + ".bodyRead";
}
