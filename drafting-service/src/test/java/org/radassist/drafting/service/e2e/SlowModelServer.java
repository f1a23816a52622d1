package org.radassist.drafting.service.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * An OpenAI-compatible model server for the service's {@code --backend openai}, on 127.0.0.1: it
 * plays the recorded chat-completions stream {@code llm/lung-nodule.sse} and, while {@link #hold()}
 * is in effect, stops half way through the answer until {@link #release()}: the drafting service
 * has then sent {@code draft.started} and is waiting on the model, which is the moment a fault test
 * kills it "mid-stream".
 */
final class SlowModelServer implements AutoCloseable {
  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);
  private final List<String> frames = frames();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger unavailable = new AtomicInteger();
  private volatile CountDownLatch gate = new CountDownLatch(0);

  SlowModelServer() throws Exception {
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback)
              throws Exception {
            Content.Source.consumeAll(request);
            if (request.getHttpURI().getPath().endsWith("/tokenize")) {
              // no tokenizer here (as Ollama): the service falls back to its own count
              Response.writeError(request, response, callback, 404);
              return true;
            }
            synchronized (requests) {
              requests.incrementAndGet();
              requests.notifyAll();
            }
            if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
              response.setStatus(503);
              response.getHeaders().put("Content-Type", "application/json");
              Content.Sink.write(
                  response,
                  true,
                  "{\"error\":{\"message\":\"model is loading\",\"type\":\"unavailable\"}}",
                  callback);
              return true;
            }
            response.setStatus(200);
            response.getHeaders().put("Content-Type", "text/event-stream");
            OutputStream out = Content.Sink.asOutputStream(response);
            CountDownLatch held = gate;
            try {
              for (int i = 0; i < frames.size(); i++) {
                if (i == frames.size() / 2 && !held.await(60, TimeUnit.SECONDS)) {
                  throw new IOException("held too long");
                }
                out.write(frames.get(i).getBytes(StandardCharsets.UTF_8));
                out.flush();
              }
              out.close();
              callback.succeeded();
            } catch (IOException | InterruptedException clientGone) {
              callback.failed(clientGone);
            }
            return true;
          }
        });
    server.start();
  }

  /** The next {@code n} requests are answered 503 (the model server is not there yet). */
  void unavailableFor(int n) {
    unavailable.set(n);
  }

  /** The answers started from now on stop half way until {@link #release()}. */
  void hold() {
    gate = new CountDownLatch(1);
  }

  void release() {
    gate.countDown();
  }

  /** Chat-completions requests received. */
  int requests() {
    return requests.get();
  }

  /** Waits until the drafting service has asked the model {@code n} times. */
  void awaitRequests(int n, java.time.Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (requests) {
      while (requests.get() < n) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(n + " model requests not seen within " + timeout);
        }
        requests.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  private static List<String> frames() {
    try (InputStream in = SlowModelServer.class.getResourceAsStream("/llm/lung-nodule.sse")) {
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> out = new ArrayList<>();
      for (String f : all.split("\n\n")) {
        if (!f.isBlank()) {
          out.add(f + "\n\n");
        }
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("the recorded model stream is missing", e);
    }
  }

  @Override
  public void close() throws Exception {
    release();
    server.stop();
  }
}
