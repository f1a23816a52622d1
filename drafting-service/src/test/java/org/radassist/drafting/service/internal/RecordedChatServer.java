package org.radassist.drafting.service.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A real HTTP server on 127.0.0.1 that plays recorded model-server exchanges in order (the last one
 * repeats): status, headers, and an SSE body sent in its recorded frames with optional pauses (to
 * make stalls) or a cut connection (to make a broken stream). It keeps the request bodies it
 * received, with their paths and headers.
 */
final class RecordedChatServer implements AutoCloseable {

  /** One recorded answer. {@code pauseBeforeFrame} pauses before the frame with that index. */
  record Exchange(
      int status,
      Map<String, String> headers,
      List<String> frames,
      int pauseBeforeFrame,
      long pauseMillis,
      boolean cut) {

    static Exchange stream(String resource) {
      return new Exchange(
          200,
          Map.of("Content-Type", "text/event-stream"),
          RecordedChatServer.frames(resource),
          -1,
          0,
          false);
    }

    static Exchange status(int status, Map<String, String> headers, String body) {
      return new Exchange(status, headers, List.of(body), -1, 0, false);
    }

    Exchange pausingBefore(int frame, long millis) {
      return new Exchange(status, headers, frames, frame, millis, cut);
    }

    /** The connection is dropped after the last frame (no orderly end of the chunked body). */
    Exchange cutAfterLastFrame() {
      return new Exchange(status, headers, frames, pauseBeforeFrame, pauseMillis, true);
    }
  }

  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);
  private final ConcurrentLinkedQueue<Exchange> script = new ConcurrentLinkedQueue<>();
  private volatile Exchange last;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile String tokenizerAnswer;
  private volatile long resumedNanos = Long.MAX_VALUE;
  private final List<String> tokenizeRequests = new CopyOnWriteArrayList<>();

  /** Where a request went and the headers it carried (names lower case). */
  record Received(String path, Map<String, String> headers) {}

  /**
   * When the last pause ended and the frames after it began to go out ({@link System#nanoTime}).
   */
  long resumedNanos() {
    return resumedNanos;
  }

  RecordedChatServer(Exchange... exchanges) throws Exception {
    script.addAll(List.of(exchanges));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback)
              throws Exception {
            Map<String, String> headers = new java.util.HashMap<>();
            request
                .getHeaders()
                .forEach(
                    f -> headers.put(f.getName().toLowerCase(java.util.Locale.ROOT), f.getValue()));
            String path = request.getHttpURI().getPath();
            if (path.endsWith("/tokenize")) { // a server's tokenizer, beside the chat API
              String body = Content.Source.asString(request, StandardCharsets.UTF_8);
              tokenizeRequests.add(path + " " + body);
              String answer = tokenizerAnswer;
              play(
                  answer == null
                      ? Exchange.status(404, Map.of(), "File Not Found")
                      : Exchange.status(200, Map.of("Content-Type", "application/json"), answer),
                  response,
                  callback);
              return true;
            }
            received.add(new Received(path, Map.copyOf(headers)));
            requests.add(Content.Source.asString(request, StandardCharsets.UTF_8));
            Exchange e = script.poll();
            if (e == null) {
              e = last;
            }
            last = e;
            play(e, response, callback);
            return true;
          }
        });
    server.start();
  }

  private void play(Exchange e, Response response, Callback callback) throws IOException {
    response.setStatus(e.status());
    e.headers().forEach((k, v) -> response.getHeaders().put(k, v));
    OutputStream out = Content.Sink.asOutputStream(response);
    for (int i = 0; i < e.frames().size(); i++) {
      if (i == e.pauseBeforeFrame()) {
        try {
          Thread.sleep(e.pauseMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
        resumedNanos = System.nanoTime();
      }
      try {
        out.write(e.frames().get(i).getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException clientGone) {
        callback.failed(clientGone);
        return;
      }
    }
    if (e.pauseBeforeFrame() == e.frames().size()) { // a stall after the last recorded frame
      try {
        Thread.sleep(e.pauseMillis());
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (e.cut()) {
      callback.failed(new IOException("recorded connection cut"));
      return;
    }
    out.close();
    callback.succeeded();
  }

  /** The SSE frames of a recorded stream, each with its blank-line terminator. */
  static List<String> frames(String resource) {
    try (InputStream in = RecordedChatServer.class.getResourceAsStream("/llm/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no recorded stream " + resource);
      }
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> out = new ArrayList<>();
      for (String f : all.split("\n\n")) {
        if (!f.isBlank()) {
          out.add(f + "\n\n");
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Answers {@code POST …/tokenize} with this recorded JSON (404 until set, as vLLM-less servers).
   */
  RecordedChatServer withTokenizer(String resource) {
    try (InputStream in = RecordedChatServer.class.getResourceAsStream("/llm/" + resource)) {
      tokenizerAnswer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tokenizer requests: path, a space, the body. */
  List<String> tokenizeRequests() {
    return List.copyOf(tokenizeRequests);
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  List<String> requests() {
    return List.copyOf(requests);
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
