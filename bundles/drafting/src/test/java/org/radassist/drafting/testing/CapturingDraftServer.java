package org.radassist.drafting.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.internal.engine.EmbeddedDraftingService;
import org.radassist.drafting.internal.engine.RulesEngine;
import org.radassist.drafting.wire.DraftWire;

/**
 * A real HTTP drafting endpoint on loopback that keeps every request it receives (line, headers,
 * body, byte for byte) and answers {@code POST /v1/drafts} as the drafting service does: the
 * contract's SSE stream of the embedded rules engine's draft for the request it was sent.
 */
public final class CapturingDraftServer implements AutoCloseable {
  /** One request as it arrived. */
  public record Captured(
      String method, String path, Map<String, List<String>> headers, String body) {
    /** Everything that crossed the wire but the protocol's random request id. */
    public String everything() {
      StringBuilder b = new StringBuilder(method).append(' ').append(path).append('\n');
      headers.forEach(
          (k, v) -> {
            if (!k.equalsIgnoreCase("Idempotency-Key")) {
              b.append(k).append(": ").append(String.join(",", v)).append('\n');
            }
          });
      return b.append('\n').append(body).toString();
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Captured> captured = new CopyOnWriteArrayList<>();
  private final DraftWire wire = DraftWire.create();
  private final EmbeddedDraftingService engine =
      new EmbeddedDraftingService(RulesEngine.withDefaults(), Runnable::run, Clock.systemUTC());

  public CapturingDraftServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext(
        "/",
        ex -> {
          try {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            captured.add(
                new Captured(
                    ex.getRequestMethod(),
                    ex.getRequestURI().toString(),
                    Map.copyOf(ex.getRequestHeaders()),
                    body));
            if (!ex.getRequestURI().getPath().equals("/v1/drafts")) {
              ex.sendResponseHeaders(404, -1);
              return;
            }
            DraftRequest request = wire.readRequest(body);
            List<DraftEvent> events = new ArrayList<>();
            engine.draft(request, "capture", events::add);
            ex.getResponseHeaders().add("Content-Type", DraftWire.SSE_MEDIA_TYPE);
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            long id = 1;
            for (DraftEvent e : events) {
              out.write(wire.encode(e).toSse(id++).getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
          } catch (RuntimeException e) {
            byte[] b = "{\"status\":400}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(400, b.length);
            ex.getResponseBody().write(b);
          } finally {
            ex.close();
          }
        });
    server.start();
  }

  /** {@code http://127.0.0.1:PORT}. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public List<Captured> captured() {
    return List.copyOf(captured);
  }

  /** The bodies of the draft requests received. */
  public List<String> draftBodies() {
    return captured.stream()
        .filter(c -> c.path().startsWith("/v1/drafts"))
        .map(Captured::body)
        .toList();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
