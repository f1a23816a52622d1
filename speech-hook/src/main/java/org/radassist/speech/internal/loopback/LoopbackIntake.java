package org.radassist.speech.internal.loopback;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.eclipse.jetty.websocket.core.server.WebSocketUpgradeHandler;
import org.radassist.speech.DictationSegment;
import org.radassist.speech.DictationSink;
import org.radassist.speech.DictationSource;

/**
 * The intake speech engines push transcripts to, on 127.0.0.1 only: {@code POST /v1/dictation} with
 * one segment as JSON, or a WebSocket at {@code /v1/dictation/ws} carrying one segment per text
 * message (each answered with an ack or a problem). Both need {@code Authorization: Bearer} with
 * the per-install token; bodies and messages are size-limited, segments rate-limited, a browser
 * {@code Origin} refused unless configured, slow requests cut at a deadline; every refusal is an
 * RFC 9457 problem.
 */
public final class LoopbackIntake implements DictationSource {
  public static final String NAME = "loopback";
  public static final String HTTP_PATH = "/v1/dictation";
  public static final String WS_PATH = "/v1/dictation/ws";

  private final LoopbackConfig config;
  private final InstallToken token;
  private final ObjectMapper json = new ObjectMapper();
  private final SegmentReader reader;
  private final SegmentRate rate;
  private Server server;
  private ScheduledExecutorService scheduler;
  private ConnectionGuard guard;
  private ServerConnector connector;
  private volatile DictationSink sink;

  public LoopbackIntake(LoopbackConfig config, SecureRandom random) throws IOException {
    this.config = config;
    this.token = InstallToken.loadOrCreate(config.tokenFile(), random);
    this.reader = new SegmentReader(json, config.maxTextChars());
    this.rate =
        new SegmentRate(
            config.limits().segmentsPerSecond(), config.limits().segmentBurst(), System::nanoTime);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public synchronized void start(DictationSink sink) throws IOException {
    if (server != null) {
      throw new IllegalStateException("the loopback intake is already started");
    }
    this.sink = sink;
    QueuedThreadPool threads = new QueuedThreadPool(16, 2);
    threads.setName("radassist-loopback");
    threads.setDaemon(true);
    Server s = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setRequestHeaderSize(8 * 1024);
    // authenticate on the head: never wait for the body of a request that is refused anyway
    http.setDelayDispatchUntilContent(false);
    ServerConnector c = new ServerConnector(s, new HttpConnectionFactory(http));
    c.setHost(LoopbackConfig.HOST);
    c.setPort(config.port());
    c.setAcceptQueueSize(256);
    // Slow local clients (even token holders): deadlines for a request's head and body and a cap
    // on sockets; bodies are read without holding one of the 16 threads (20 slow bodies froze it)
    ScheduledExecutorService sweeps =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "radassist-loopback-guard");
              t.setDaemon(true);
              return t;
            });
    IntakeLimits limits = config.limits();
    ConnectionGuard g =
        new ConnectionGuard(
            limits.headerTimeout(),
            limits.bodyTimeout(),
            limits.maxConnections(),
            sweeps,
            System::nanoTime);
    c.addBean(g);
    s.addConnector(c);
    // Jetty's core WebSocket (not its Jetty-API layer, whose bundle needs the OSGi ServiceLoader
    // registrar): the extension registry loads with its own bundle's class loader
    WebSocketComponents components = new WebSocketComponents(null, null, null, null, null, threads);
    WebSocketUpgradeHandler ws = new WebSocketUpgradeHandler(components);
    ws.getConfiguration().setMaxFrameSize(config.maxBodyBytes());
    ws.getConfiguration().setMaxTextMessageSize(config.maxBodyBytes());
    ws.getConfiguration().setMaxBinaryMessageSize(config.maxBodyBytes());
    ws.getConfiguration().setIdleTimeout(Duration.ofMinutes(30));
    ws.addMapping(WS_PATH, (WebSocketNegotiator) this::upgrade);
    ws.setHandler(new HttpIntake());
    s.setHandler(ws);
    try {
      s.start();
    } catch (Exception e) {
      try {
        s.stop();
      } catch (Exception ignored) {
        // already failing
      }
      g.close();
      sweeps.shutdownNow();
      throw new IOException(
          "loopback intake could not listen on " + LoopbackConfig.HOST + ":" + config.port(), e);
    }
    this.server = s;
    this.connector = c;
    this.scheduler = sweeps;
    this.guard = g;
  }

  /** The port listened on (the ephemeral one when configured with 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** The address actually listened on (always 127.0.0.1). */
  public java.net.InetSocketAddress boundAddress() throws IOException {
    return (java.net.InetSocketAddress)
        ((java.nio.channels.ServerSocketChannel) connector.getTransport()).getLocalAddress();
  }

  public URI httpUri() {
    return URI.create("http://" + LoopbackConfig.HOST + ":" + port() + HTTP_PATH);
  }

  public URI webSocketUri() {
    return URI.create("ws://" + LoopbackConfig.HOST + ":" + port() + WS_PATH);
  }

  /** The per-install token (shown to whoever sets up the speech engine). */
  public String token() {
    return token.value();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      try {
        server.stop();
      } catch (Exception e) {
        // stopping: nothing left to do with it
      }
      server = null;
      guard.close();
      scheduler.shutdownNow();
    }
  }

  /** The upgrade: a socket for a caller with the token; otherwise a 401 problem, no upgrade. */
  private FrameHandler upgrade(
      ServerUpgradeRequest request, ServerUpgradeResponse response, Callback cb) {
    Problem refused = originRefused(request.getHeaders().get(HttpHeader.ORIGIN));
    if (refused == null && !token.admits(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
      refused = unauthorized();
    }
    if (refused != null) {
      writeProblem(response, cb, refused);
      return null;
    }
    return new SegmentSocket(this::answer, config.maxBodyBytes());
  }

  /**
   * A web page the user visits may open a WebSocket to 127.0.0.1 (browsers apply no same-origin
   * rule to it) and send requests: its {@code Origin} must be one configured; speech engines are
   * native programs and send none.
   */
  private Problem originRefused(String origin) {
    if (origin == null || config.limits().allowedOrigins().contains(origin)) {
      return null;
    }
    return new Problem(
        "origin-not-allowed",
        403,
        "Origin not allowed",
        "requests from the web origin "
            + origin
            + " are refused; only speech engines on this workstation may push dictation");
  }

  private Problem rateLimited(long retryAfterSeconds) {
    return new Problem(
        "rate-limited",
        429,
        "Too many segments",
        "at most "
            + config.limits().segmentsPerSecond()
            + " segments a second are accepted; retry after "
            + retryAfterSeconds
            + " s");
  }

  private static Problem unauthorized() {
    return new Problem(
        "unauthorized",
        401,
        "Missing or wrong token",
        "send Authorization: Bearer <the token from the RadAssist loopback token file>");
  }

  private void writeProblem(Response response, Callback callback, Problem p) {
    response.setStatus(p.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
    if (p.status() == 401) {
      response
          .getHeaders()
          .put(new HttpField(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"radassist-loopback\""));
    }
    response.write(
        true, ByteBuffer.wrap(p.toJson(json).getBytes(StandardCharsets.UTF_8)), callback);
  }

  /** The answer to one WebSocket text message: an ack, or a problem. */
  private String answer(String message) {
    long wait = rate.acquire();
    if (wait > 0) {
      return rateLimited(wait).toJson(json);
    }
    try {
      return deliver(reader.read(NAME, message.getBytes(StandardCharsets.UTF_8)));
    } catch (Problem.ProblemException e) {
      return e.problem.toJson(json);
    }
  }

  private String deliver(DictationSegment segment) throws Problem.ProblemException {
    DictationSink target = sink;
    try {
      target.onSegment(segment);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new Problem("not-accepted", 409, "Segment not accepted", e.getMessage()).exception();
    }
    return "{\"accepted\":true,\"seq\":" + segment.seq() + "}";
  }

  /** POST /v1/dictation. */
  private final class HttpIntake extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      try {
        check(request);
      } catch (Problem.ProblemException e) {
        refuse(request, response, callback, e.problem);
        return true;
      }
      // read without holding a thread: a slow body waits in Jetty's selector until the guard's
      // body deadline
      new AsyncBody(request, response, callback).run();
      return true;
    }

    private void check(Request request) throws Problem.ProblemException {
      Problem origin = originRefused(request.getHeaders().get(HttpHeader.ORIGIN));
      if (origin != null) {
        throw origin.exception();
      }
      if (!token.admits(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
        throw unauthorized().exception();
      }
      String path = Request.getPathInContext(request);
      if (!HTTP_PATH.equals(path)) {
        throw new Problem("not-found", 404, "Not found", path + " is not a RadAssist endpoint")
            .exception();
      }
      if (!"POST".equals(request.getMethod())) {
        throw new Problem("method-not-allowed", 405, "Method not allowed", "use POST " + HTTP_PATH)
            .exception();
      }
      String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
      if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
        throw new Problem(
                "unsupported-media-type",
                415,
                "Unsupported media type",
                "send Content-Type: application/json, not " + type)
            .exception();
      }
      if (request.getLength() > config.maxBodyBytes()) {
        throw tooLarge(request.getLength());
      }
      long wait = rate.acquire();
      if (wait > 0) {
        throw rateLimited(wait).exception();
      }
    }

    /** The body as it arrives; the segment is delivered once it is whole. */
    private final class AsyncBody implements Runnable {
      private final Request request;
      private final Response response;
      private final Callback callback;
      private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

      AsyncBody(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
      }

      @Override
      public void run() {
        try {
          while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
              request.demand(this);
              return;
            }
            if (Content.Chunk.isFailure(chunk)) {
              throw new Problem(
                      "unreadable-body", 400, "Unreadable body", "the request body broke off")
                  .exception();
            }
            ByteBuffer b = chunk.getByteBuffer();
            if (bytes.size() + (long) b.remaining() > config.maxBodyBytes()) {
              chunk.release();
              throw tooLarge(-1);
            }
            byte[] part = new byte[b.remaining()];
            b.get(part);
            bytes.write(part, 0, part.length);
            boolean last = chunk.isLast();
            chunk.release();
            if (last) {
              break;
            }
          }
          request.setAttribute(BODY_READ, Boolean.TRUE);
          String answer = deliver(reader.read(NAME, bytes.toByteArray()));
          response.setStatus(202);
          response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
          response.write(true, ByteBuffer.wrap(answer.getBytes(StandardCharsets.UTF_8)), callback);
        } catch (Problem.ProblemException e) {
          refuse(request, response, callback, e.problem);
        }
      }
    }

    private void refuse(Request request, Response response, Callback callback, Problem p) {
      if (p.status() == 405) {
        response.getHeaders().put(HttpHeader.ALLOW, "POST");
      }
      if (p.status() == 429) {
        response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
      }
      Callback then = callback;
      if (request.getLength() != 0 && request.getAttribute(BODY_READ) == null) {
        // refused before its body was read: answer now and end the connection (a half close, so
        // the client still reads the problem), never wait for the body
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
      writeProblem(response, then, p);
    }

    private Problem.ProblemException tooLarge(long length) {
      return new Problem(
              "body-too-large",
              413,
              "Body too large",
              (length >= 0 ? "the body has " + length + " bytes; " : "")
                  + "at most "
                  + config.maxBodyBytes()
                  + " bytes are accepted")
          .exception();
    }
  }

  private static final String BODY_READ = LoopbackIntake.class.getName() + ".bodyRead";
}
