package org.radassist.speech.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * A FHIRcast hub (STU3, WebSocket channel) for tests, on Jetty HTTP + WebSocket at 127.0.0.1: form
 * POST subscribe/unsubscribe answering 202 with a random channel endpoint, confirmation on connect,
 * event distribution with context.versionId / priorVersionId for DiagnosticReport content, acks
 * recorded per event id, GET current context, and events POSTed by a publisher re-broadcast.
 */
public final class FhircastTestHub implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  public static final String TOKEN = "hub-token";

  private final Server server;
  private final ServerConnector connector;
  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
  private final List<Map<String, String>> subscribeRequests = new CopyOnWriteArrayList<>();
  private final Map<String, List<String>> acks = new ConcurrentHashMap<>();
  private final List<JsonNode> published = new CopyOnWriteArrayList<>();
  private final List<String> requestBodies = new CopyOnWriteArrayList<>();
  private volatile int leaseGranted = 7200;
  private final java.util.concurrent.atomic.AtomicInteger forgetBeforeBind =
      new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger silentBinds =
      new java.util.concurrent.atomic.AtomicInteger();
  // current context of the topic (one topic is enough for tests)
  private String versionId;
  private ObjectNode reportContext;
  private final Map<String, JsonNode> content = new LinkedHashMap<>();

  /** One subscriber's channel. */
  static final class Subscription {
    final String topic;
    final String events;
    volatile HubSocket socket;

    Subscription(String topic, String events) {
      this.topic = topic;
      this.events = events;
    }
  }

  public FhircastTestHub() throws Exception {
    this(0);
  }

  /** A hub on the given port (0: any free one), e.g. to come back where a stopped one was. */
  public FhircastTestHub(int port) throws Exception {
    server = new Server();
    connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    WebSocketUpgradeHandler ws =
        WebSocketUpgradeHandler.from(
            server,
            c ->
                c.addMapping(
                    "/ws/*",
                    (rq, rs, cb) -> {
                      String id = Request.getPathInContext(rq).substring("/ws/".length());
                      Subscription s = subscriptions.get(id);
                      if (s == null) {
                        Response.writeError(rq, rs, cb, 404);
                        return null;
                      }
                      if (forgetBeforeBind.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        // as a third-party hub did: the subscription is gone, the socket is
                        // accepted all the same and stays open, silent
                        subscriptions.remove(id);
                        silentBinds.incrementAndGet();
                        return new SilentSocket();
                      }
                      return new HubSocket(this, s);
                    }));
    ws.setHandler(new Http());
    server.setHandler(ws);
    server.start();
  }

  /**
   * The next {@code n} subscriptions are dropped between the 202 and the WebSocket bind: the
   * channel is accepted but never confirmed and never carries an event.
   */
  public void forgetSubscriptionsBeforeBind(int n) {
    forgetBeforeBind.set(n);
  }

  /** Channels accepted for a subscription already dropped. */
  public int silentBinds() {
    return silentBinds.get();
  }

  public URI hubUrl() {
    return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/hub");
  }

  /** The lease the hub grants (seconds), whatever is asked. */
  public void grantLease(int seconds) {
    leaseGranted = seconds;
  }

  public List<Map<String, String>> subscribeRequests() {
    return List.copyOf(subscribeRequests);
  }

  /** Every request body the hub received (subscriptions and published events). */
  public List<String> requestBodies() {
    return List.copyOf(requestBodies);
  }

  /** Events POSTed to the hub by a publisher (e.g. our DiagnosticReport-update). */
  public List<JsonNode> published() {
    return List.copyOf(published);
  }

  public int subscribers() {
    return subscriptions.size();
  }

  public List<String> acks(String eventId) {
    return acks.getOrDefault(eventId, List.of());
  }

  /** Waits until the event was acknowledged by every subscriber that received it. */
  public List<String> awaitAck(String eventId, long timeoutMillis) throws InterruptedException {
    long end = System.currentTimeMillis() + timeoutMillis;
    while (acks(eventId).isEmpty()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("event " + eventId + " was not acknowledged; acks: " + acks);
      }
      Thread.sleep(10);
    }
    return acks(eventId);
  }

  public boolean awaitSubscriber(long timeoutMillis) throws InterruptedException {
    long end = System.currentTimeMillis() + timeoutMillis;
    while (subscriptions.values().stream().noneMatch(s -> s.socket != null && s.socket.confirmed)) {
      if (System.currentTimeMillis() > end) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  // ------------------------------------------------------------------ events

  public static ObjectNode imagingStudy(String id, String studyUid, String accession) {
    ObjectNode r = JSON.createObjectNode().put("resourceType", "ImagingStudy").put("id", id);
    ArrayNode ids = r.putArray("identifier");
    ids.addObject().put("system", "urn:dicom:uid").put("value", "urn:oid:" + studyUid);
    ObjectNode acsn = ids.addObject().put("value", accession);
    acsn.putObject("type")
        .putArray("coding")
        .addObject()
        .put("system", "http://terminology.hl7.org/CodeSystem/v2-0203")
        .put("code", "ACSN");
    return r;
  }

  public static ObjectNode resource(String type, String id) {
    return JSON.createObjectNode().put("resourceType", type).put("id", id);
  }

  public static ArrayNode context(Object... keyAndResource) {
    ArrayNode a = JSON.createArrayNode();
    for (int i = 0; i < keyAndResource.length; i += 2) {
      a.addObject()
          .put("key", (String) keyAndResource[i])
          .set("resource", (JsonNode) keyAndResource[i + 1]);
    }
    return a;
  }

  /** A DiagnosticReport-update context adding (PUT) Observations with dictated text. */
  public static ArrayNode update(String reportId, Map<String, String> observationText) {
    ArrayNode ctx = JSON.createArrayNode();
    ctx.addObject()
        .put("key", "report")
        .putObject("reference")
        .put("reference", "DiagnosticReport/" + reportId);
    ObjectNode bundle =
        JSON.createObjectNode().put("resourceType", "Bundle").put("type", "transaction");
    ArrayNode entries = bundle.putArray("entry");
    observationText.forEach(
        (id, text) -> {
          ObjectNode e = entries.addObject();
          e.putObject("request").put("method", "PUT");
          e.putObject("resource")
              .put("resourceType", "Observation")
              .put("id", id)
              .put("status", "preliminary")
              .put("valueString", text);
        });
    ctx.addObject().put("key", "updates").set("resource", bundle);
    return ctx;
  }

  /** Sends an event to every subscriber of it; returns the event id. */
  public String publish(String event, ArrayNode context) throws IOException {
    return publish(event, context, Instant.now().toString(), true);
  }

  /**
   * Like {@link #publish(String, ArrayNode)}; with {@code deliver} false the hub advances its
   * context as if the subscriber had missed the message (a lost update).
   */
  public synchronized String publish(
      String event, ArrayNode context, String timestamp, boolean deliver) throws IOException {
    String id = UUID.randomUUID().toString();
    ObjectNode n = JSON.createObjectNode().put("timestamp", timestamp).put("id", id);
    ObjectNode e = n.putObject("event");
    e.put("hub.topic", "topic-1").put("hub.event", event);
    if (event.equalsIgnoreCase("DiagnosticReport-open")) {
      versionId = UUID.randomUUID().toString();
      content.clear();
      reportContext = JSON.createObjectNode();
      reportContext.set("context", context);
      e.put("context.versionId", versionId);
    } else if (event.equalsIgnoreCase("DiagnosticReport-update")) {
      String prior = versionId;
      versionId = UUID.randomUUID().toString();
      e.put("context.versionId", versionId).put("context.priorVersionId", prior);
      for (JsonNode c : context) {
        if ("updates".equals(c.path("key").asText())) {
          for (JsonNode entry : c.path("resource").path("entry")) {
            JsonNode r = entry.path("resource");
            content.put(r.path("resourceType").asText() + "/" + r.path("id").asText(), r);
          }
        }
      }
    }
    e.set("context", context);
    if (deliver) {
      broadcast(event, n.toString());
    }
    return id;
  }

  private void broadcast(String event, String message) {
    for (Subscription s : subscriptions.values()) {
      if (s.socket != null
          && (s.events.toLowerCase().contains(event.toLowerCase()) || "SyncError".equals(event))) {
        s.socket.send(message);
      }
    }
  }

  private synchronized String currentContext() {
    ObjectNode out = JSON.createObjectNode();
    out.put("context.type", "DiagnosticReport");
    out.put("context.versionId", versionId);
    ArrayNode ctx = out.putArray("context");
    if (reportContext != null) {
      reportContext.path("context").forEach(ctx::add);
    }
    ObjectNode bundle =
        JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
    ArrayNode entries = bundle.putArray("entry");
    content.values().forEach(r -> entries.addObject().set("resource", r));
    ctx.addObject().put("key", "content").set("resource", bundle);
    return out.toString();
  }

  /**
   * Drops every subscriber's WebSocket without a close handshake (as a hub restart or a network
   * fault would); the subscriptions stay known. Returns how many were dropped.
   */
  public int dropConnections() {
    int dropped = 0;
    for (Subscription s : subscriptions.values()) {
      HubSocket socket = s.socket;
      if (socket != null && socket.session != null) {
        s.socket = null;
        socket.session.disconnect();
        dropped++;
      }
    }
    return dropped;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  // ------------------------------------------------------------------ HTTP

  private final class Http extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      if (!("Bearer " + TOKEN).equals(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
        Response.writeError(request, response, callback, 401);
        return true;
      }
      String path = Request.getPathInContext(request);
      if ("GET".equals(request.getMethod()) && path.startsWith("/hub/")) {
        reply(response, callback, 200, currentContext());
        return true;
      }
      if (!"POST".equals(request.getMethod()) || !"/hub".equals(path)) {
        Response.writeError(request, response, callback, 404);
        return true;
      }
      String body;
      try (InputStream in = Content.Source.asInputStream(request)) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      requestBodies.add(body);
      String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
      if (type != null && type.startsWith("application/fhir+json")) {
        JsonNode event = JSON.readTree(body);
        published.add(event);
        broadcast(event.path("event").path("hub.event").asText(), body);
        reply(response, callback, 202, "");
        return true;
      }
      Map<String, String> form = new LinkedHashMap<>();
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
      if ("unsubscribe".equals(form.get("hub.mode"))) {
        String endpoint = form.get("hub.channel.endpoint");
        Subscription s = subscriptions.remove(endpoint.substring(endpoint.lastIndexOf('/') + 1));
        if (s != null && s.socket != null) {
          s.socket.session.close();
        }
        reply(response, callback, 202, "");
        return true;
      }
      subscribeRequests.add(form);
      String existing = form.get("hub.channel.endpoint");
      String id;
      if (existing != null
          && subscriptions.containsKey(existing.substring(existing.lastIndexOf('/') + 1))) {
        id = existing.substring(existing.lastIndexOf('/') + 1);
        Subscription s = subscriptions.get(id);
        if (s.socket != null) {
          s.socket.confirm();
        }
      } else {
        id = UUID.randomUUID().toString();
        subscriptions.put(id, new Subscription(form.get("hub.topic"), form.get("hub.events")));
      }
      String endpoint = "ws://127.0.0.1:" + connector.getLocalPort() + "/ws/" + id;
      reply(
          response,
          callback,
          202,
          JSON.createObjectNode().put("hub.channel.endpoint", endpoint).toString());
      return true;
    }

    private void reply(Response response, Callback callback, int status, String body) {
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
  }

  /** A channel whose subscription the hub dropped: open, answering pings, silent. */
  public static final class SilentSocket implements Session.Listener.AutoDemanding {}

  /**
   * The hub's end of one subscriber's channel. Public: Jetty instantiates public listeners only.
   */
  public static final class HubSocket implements Session.Listener.AutoDemanding {
    private final FhircastTestHub hub;
    private final Subscription subscription;
    volatile Session session;
    volatile boolean confirmed;

    HubSocket(FhircastTestHub hub, Subscription subscription) {
      this.hub = hub;
      this.subscription = subscription;
    }

    @Override
    public void onWebSocketOpen(Session session) {
      this.session = session;
      subscription.socket = this;
      confirm();
    }

    void confirm() {
      send(
          JSON.createObjectNode()
              .put("hub.mode", "subscribe")
              .put("hub.topic", subscription.topic)
              .put("hub.events", subscription.events)
              .put("hub.lease_seconds", hub.leaseGranted)
              .toString());
      confirmed = true;
    }

    synchronized void send(String text) {
      session.sendText(text, org.eclipse.jetty.websocket.api.Callback.NOOP);
    }

    @Override
    public void onWebSocketText(String message) {
      try {
        JsonNode ack = JSON.readTree(message);
        hub.acks
            .computeIfAbsent(ack.path("id").asText(), k -> new CopyOnWriteArrayList<>())
            .add(ack.path("status").asText());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
      if (subscription.socket == this) {
        subscription.socket = null;
      }
    }
  }
}
