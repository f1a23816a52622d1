package org.radassist.speech.internal.fhircast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.radassist.speech.DictationSegment;
import org.radassist.speech.DictationSink;
import org.radassist.speech.DictationSource;

/**
 * An IHE IRA Content Creator's FHIRcast subscription over WebSocket: subscribes (form POST, 202
 * with the channel endpoint), connects, acknowledges every event ({@code {"id":..,"status":"200"}}
 * or 500 when it could not be handled), follows ImagingStudy-open/close and
 * DiagnosticReport-open/update/close, reports SyncError, follows the {@code context.versionId}
 * chain (a gap is repaired from the hub's current context), and renews the subscription before the
 * lease ends. The dictation shared in the open report (Observations with {@code valueString}) is
 * delivered as final segments: one sequence number per Observation id, a DELETE empties it.
 *
 * <p>When the channel drops (hub restarted, network fault), the subscription is reported
 * "disconnected" and renewed: a subscribe naming the old channel (the hub assigns a new one if it
 * forgot it), then a new WebSocket, after a full-jitter backoff {@code random(0, min(cap,
 * base·2^(n-1)))}, reported as "reconnecting" and logged, until the hub confirms again
 * ("resubscribed"). A channel the hub does not confirm within {@code config.timeout()} of its
 * opening is given up the same way ("unconfirmed", then subscribe again): a hub that dropped the
 * subscription between its 202 and the bind would otherwise hold a live, pinged, silent socket.
 */
public final class FhircastSubscriber implements DictationSource, ReportContexts {
  public static final String NAME = "fhircast";
  private static final Logger LOG = Logger.getLogger(FhircastSubscriber.class.getName());

  private final FhircastConfig config;
  private final OkHttpClient http;
  private final OkHttpClient channelClient;
  private final FhircastListener listener;
  private final ScheduledExecutorService scheduler;
  private final ObjectMapper json = new ObjectMapper();
  private final java.time.Duration reconnectBase;
  private final java.time.Duration reconnectCap;
  private final java.util.random.RandomGenerator random;
  private int reconnectAttempts;
  private ScheduledFuture<?> reconnect;

  private DictationSink sink;
  private String endpoint;
  private WebSocket socket;
  private ScheduledFuture<?> renewal;
  private boolean confirmed;

  /** The hub confirmed the subscription on the current channel (reset for each new channel). */
  private boolean channelConfirmed;

  private boolean closed;
  // the report context being dictated
  private OffsetDateTime contextTimestamp;
  private String reportId;
  private String reportStudy;
  private String versionId;
  private final Map<String, Long> observationSeq = new HashMap<>();

  public FhircastSubscriber(
      FhircastConfig config,
      OkHttpClient http,
      FhircastListener listener,
      ScheduledExecutorService scheduler) {
    this(
        config,
        http,
        listener,
        scheduler,
        java.time.Duration.ofSeconds(1),
        java.time.Duration.ofSeconds(60),
        new java.security.SecureRandom());
  }

  /**
   * As above, with the reconnect backoff: full jitter {@code random(0, min(cap, base·2^(n-1)))}
   * before the n-th attempt.
   */
  public FhircastSubscriber(
      FhircastConfig config,
      OkHttpClient http,
      FhircastListener listener,
      ScheduledExecutorService scheduler,
      java.time.Duration reconnectBase,
      java.time.Duration reconnectCap,
      java.util.random.RandomGenerator random) {
    if (reconnectBase.isNegative() || reconnectCap.compareTo(reconnectBase) < 0) {
      throw new IllegalArgumentException("reconnect base must be >= 0 and cap >= base");
    }
    this.reconnectBase = reconnectBase;
    this.reconnectCap = reconnectCap;
    this.random = random;
    this.config = config;
    this.http = http.newBuilder().callTimeout(config.timeout()).build();
    // the channel lives as long as the subscription: no call timeout, pings find a dead hub
    this.channelClient =
        http.newBuilder()
            .callTimeout(java.time.Duration.ZERO)
            .readTimeout(java.time.Duration.ZERO)
            .pingInterval(java.time.Duration.ofSeconds(30))
            .build();
    this.listener = listener;
    this.scheduler = scheduler;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(DictationSink sink) throws IOException {
    synchronized (this) {
      this.sink = sink;
    }
    String channel = subscribe(null);
    synchronized (this) {
      endpoint = channel;
      bind(channel);
    }
  }

  /**
   * Opens the channel and gives the hub {@code config.timeout()} to confirm the subscription on it.
   * A hub that dropped the subscription between its 202 and the bind keeps the socket open (and
   * answers pings) but never confirms nor sends an event: without this deadline the subscriber
   * would wait on it forever.
   */
  private void bind(String channel) {
    channelConfirmed = false;
    WebSocket ws =
        channelClient.newWebSocket(new Request.Builder().url(channel).build(), new Channel());
    socket = ws;
    scheduler.schedule(() -> unconfirmed(ws), config.timeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The confirmation deadline of {@code ws} passed: unless confirmed, subscribe again. */
  private void unconfirmed(WebSocket ws) {
    synchronized (this) {
      if (closed || ws != socket || channelConfirmed) {
        return;
      }
      socket = null; // its close below is then no news to lost()
    }
    ws.cancel();
    String detail =
        "the hub did not confirm the subscription within "
            + config.timeout().toMillis()
            + " ms of the channel opening";
    LOG.log(
        Level.WARNING,
        "FHIRcast hub {0}: {1}; subscribing again",
        new Object[] {config.hubUrl(), detail});
    listener.subscription("unconfirmed", detail);
    scheduleReconnect();
  }

  /**
   * Starts without blocking the caller: subscribes and connects on the scheduler, and keeps trying
   * with the reconnect backoff while the hub cannot be reached.
   */
  public void startInBackground(DictationSink sink) {
    synchronized (this) {
      this.sink = sink;
      if (closed) {
        return;
      }
      reconnect = scheduler.schedule(this::reconnectNow, 0, TimeUnit.MILLISECONDS);
    }
  }

  /** The channel was lost: report it and subscribe again after the backoff. */
  private void lost(WebSocket ws, String detail) {
    synchronized (this) {
      if (closed || ws != socket) {
        return; // closed on purpose, or an old channel's late news
      }
      socket = null;
    }
    listener.subscription("disconnected", detail);
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    long delayMs;
    int attempt;
    synchronized (this) {
      if (closed || (reconnect != null && !reconnect.isDone())) {
        return;
      }
      attempt = ++reconnectAttempts;
      long base = Math.max(1, reconnectBase.toMillis());
      long ceiling =
          Math.min(reconnectCap.toMillis(), base << Math.min(attempt - 1, 30)); // no overflow
      delayMs = random.nextLong(ceiling + 1);
      reconnect = scheduler.schedule(this::reconnectNow, delayMs, TimeUnit.MILLISECONDS);
    }
    String detail = "attempt " + attempt + " in " + delayMs + " ms";
    LOG.log(
        Level.INFO,
        "FHIRcast channel to {0} lost: reconnecting, {1}",
        new Object[] {config.hubUrl(), detail});
    listener.subscription("reconnecting", detail);
  }

  private void reconnectNow() {
    String current;
    synchronized (this) {
      if (closed) {
        return;
      }
      current = endpoint;
    }
    try {
      String channel = subscribe(current);
      synchronized (this) {
        if (closed) {
          return;
        }
        endpoint = channel;
        bind(channel);
        reconnect = null; // this attempt is over: a drop of the new channel schedules the next
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "FHIRcast subscription to {0} failed: {1}",
          new Object[] {config.hubUrl(), e.getMessage()});
      listener.subscription("reconnect-failed", String.valueOf(e.getMessage()));
      synchronized (this) {
        reconnect = null;
      }
      scheduleReconnect();
    }
  }

  /** The endpoint the hub assigned (random, unguessable). */
  public synchronized String endpoint() {
    return endpoint;
  }

  /** POSTs a subscription (or its renewal, naming the existing channel) and returns the channel. */
  private String subscribe(String existing) throws IOException {
    FormBody.Builder form =
        new FormBody.Builder()
            .add("hub.channel.type", "websocket")
            .add("hub.mode", "subscribe")
            .add("hub.topic", config.topic())
            .add("hub.events", String.join(",", FhircastConfig.EVENTS))
            .add("hub.lease_seconds", Integer.toString(config.leaseSeconds()));
    if (config.subscriberName() != null) {
      form.add("subscriber.name", config.subscriberName());
    }
    if (existing != null) {
      form.add("hub.channel.endpoint", existing);
    }
    try (Response r = http.newCall(hubRequest().post(form.build()).build()).execute()) {
      String body = r.body().string();
      if (r.code() != 202 && r.code() != 200) {
        throw new IOException(
            "FHIRcast hub " + config.hubUrl() + " refused the subscription: HTTP " + r.code());
      }
      JsonNode n = body.isBlank() ? json.createObjectNode() : json.readTree(body);
      String channel = n.path("hub.channel.endpoint").asText(existing == null ? "" : existing);
      if (channel.isBlank()) {
        throw new IOException("FHIRcast hub answered without hub.channel.endpoint");
      }
      return channel;
    }
  }

  private Request.Builder hubRequest() {
    Request.Builder b = new Request.Builder().url(config.hubUrl().toString());
    if (config.bearerToken() != null) {
      b.header("Authorization", "Bearer " + config.bearerToken());
    }
    return b;
  }

  private synchronized void scheduleRenewal(int leaseSeconds) {
    if (renewal != null) {
      renewal.cancel(false);
    }
    long delayMs = (long) (leaseSeconds * 1000L * config.renewAt());
    renewal =
        scheduler.schedule(
            () -> {
              String current;
              synchronized (this) {
                if (closed) {
                  return;
                }
                current = endpoint;
              }
              try {
                subscribe(current);
              } catch (IOException e) {
                listener.subscription("renewal-failed", e.getMessage());
                scheduleRenewal(Math.max(2, leaseSeconds / 4)); // try again while the lease lasts
              }
            },
            delayMs,
            TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    String channel;
    WebSocket ws;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (renewal != null) {
        renewal.cancel(false);
      }
      if (reconnect != null) {
        reconnect.cancel(false);
      }
      channel = endpoint;
      ws = socket;
    }
    if (channel != null) {
      FormBody form =
          new FormBody.Builder()
              .add("hub.channel.type", "websocket")
              .add("hub.mode", "unsubscribe")
              .add("hub.topic", config.topic())
              .add("hub.events", String.join(",", FhircastConfig.EVENTS))
              .add("hub.channel.endpoint", channel)
              .build();
      try (Response r = http.newCall(hubRequest().post(form).build()).execute()) {
        r.body().close();
      } catch (IOException e) {
        LOG.log(Level.FINE, "unsubscribe failed; the lease ends it", e);
      }
    }
    if (ws != null) {
      ws.close(1000, "unsubscribed");
    }
  }

  // ------------------------------------------------------------------ events

  private final class Channel extends WebSocketListener {
    @Override
    public void onMessage(WebSocket ws, String text) {
      JsonNode n;
      try {
        n = json.readTree(text);
      } catch (IOException e) {
        LOG.log(Level.WARNING, "FHIRcast hub sent a message that is not JSON: {0}", text);
        return;
      }
      if (n.has("hub.mode")) {
        confirmation(ws, n);
        return;
      }
      String id = n.path("id").asText("");
      String status = "200";
      try {
        synchronized (FhircastSubscriber.this) {
          event(n);
        }
      } catch (RuntimeException | IOException e) {
        LOG.log(Level.WARNING, "FHIRcast event " + id + " could not be handled", e);
        status = "500";
      }
      if (!id.isEmpty()) {
        ws.send(json.createObjectNode().put("id", id).put("status", status).toString());
      }
    }

    @Override
    public void onFailure(WebSocket ws, Throwable t, Response response) {
      lost(ws, String.valueOf(t.getMessage()));
    }

    @Override
    public void onClosing(WebSocket ws, int code, String reason) {
      ws.close(1000, null);
      lost(ws, "hub closed the channel: " + code + " " + reason);
    }
  }

  private void confirmation(WebSocket ws, JsonNode n) {
    String mode = n.path("hub.mode").asText();
    if ("denied".equals(mode)) {
      listener.subscription("denied", n.path("hub.reason").asText(""));
      return;
    }
    if ("subscribe".equals(mode)) {
      boolean renewed;
      synchronized (this) {
        if (ws != socket) {
          return; // a channel given up on (unconfirmed in time) or replaced
        }
        renewed = confirmed;
        confirmed = true;
        channelConfirmed = true;
        reconnectAttempts = 0;
      }
      scheduleRenewal(n.path("hub.lease_seconds").asInt(config.leaseSeconds()));
      listener.subscription(renewed ? "resubscribed" : "subscribed", "");
    }
  }

  private void event(JsonNode n) throws IOException {
    JsonNode event = n.path("event");
    String name = event.path("hub.event").asText("").toLowerCase(Locale.ROOT);
    OffsetDateTime timestamp = timestamp(n.path("timestamp").asText(""));
    JsonNode context = event.path("context");
    switch (name) {
      case "imagingstudy-open" -> {
        if (stale(timestamp)) {
          return;
        }
        contextTimestamp = timestamp;
        String uid = studyUid(resource(context, "study"));
        if (uid != null) {
          listener.studyOpened(uid);
        }
      }
      case "imagingstudy-close" -> {
        String uid = studyUid(resource(context, "study"));
        if (uid != null) {
          listener.studyClosed(uid);
        }
      }
      case "diagnosticreport-open" -> {
        if (stale(timestamp)) {
          return;
        }
        contextTimestamp = timestamp;
        reportId = resource(context, "report").path("id").asText(null);
        reportStudy = studyUid(resource(context, "study"));
        versionId = event.path("context.versionId").asText(null);
        observationSeq.clear();
        listener.reportOpened(reportId, reportStudy);
      }
      case "diagnosticreport-close" -> {
        String closing = resource(context, "report").path("id").asText(null);
        if (closing != null && closing.equals(reportId)) {
          listener.reportClosed(reportId, reportStudy);
          reportId = null;
          reportStudy = null;
          versionId = null;
        }
      }
      case "diagnosticreport-update" -> update(event, context);
      case "syncerror" -> {
        JsonNode issue = resource(context, "operationoutcome").path("issue").path(0);
        String text =
            issue.path("diagnostics").asText(issue.path("details").path("text").asText(""));
        listener.syncError(text);
      }
      default -> {
        // heartbeat and events not subscribed to: acknowledged, nothing to do
      }
    }
  }

  private void update(JsonNode event, JsonNode context) throws IOException {
    String ref = entry(context, "report").path("reference").path("reference").asText("");
    if (reportId == null || !ref.endsWith("DiagnosticReport/" + reportId)) {
      return; // an update of a report this workstation has not opened
    }
    String prior = event.path("context.priorVersionId").asText(null);
    String next = event.path("context.versionId").asText(null);
    if (versionId != null && prior != null && !prior.equals(versionId)) {
      resync();
      return;
    }
    apply(resource(context, "updates"), false);
    if (next != null) {
      versionId = next;
    }
  }

  /** A gap in the version chain: read the hub's current context and take its content whole. */
  private void resync() throws IOException {
    HttpUrl url =
        HttpUrl.get(config.hubUrl().toString()).newBuilder().addPathSegment(config.topic()).build();
    try (Response r = http.newCall(hubRequest().url(url).get().build()).execute()) {
      if (r.code() != 200) {
        throw new IOException("get current context: HTTP " + r.code());
      }
      JsonNode current = json.readTree(r.body().string());
      apply(resource(current.path("context"), "content"), true);
      versionId = current.path("context.versionId").asText(versionId);
      listener.subscription("resynced", "context.versionId " + versionId);
    }
  }

  private void apply(JsonNode bundle, boolean whole) {
    if (reportStudy == null) {
      return;
    }
    for (JsonNode e : bundle.path("entry")) {
      String method = e.path("request").path("method").asText(whole ? "PUT" : "");
      JsonNode res = e.path("resource");
      if ("DELETE".equals(method)) {
        String url = e.path("request").path("url").asText("");
        if (url.startsWith("Observation/")) {
          Long seq = observationSeq.get(url.substring("Observation/".length()));
          if (seq != null) {
            sink.onSegment(new DictationSegment(NAME, reportStudy, seq, true, ""));
          }
        }
      } else if ("Observation".equals(res.path("resourceType").asText())
          && res.hasNonNull("valueString")
          && !ours(res)) {
        String id = res.path("id").asText("");
        long seq = observationSeq.computeIfAbsent(id, k -> (long) observationSeq.size() + 1);
        sink.onSegment(
            new DictationSegment(NAME, reportStudy, seq, true, res.get("valueString").asText()));
      }
    }
  }

  /** Content RadAssist published itself (re-broadcast by the hub) is not dictation. */
  private static boolean ours(JsonNode resource) {
    for (JsonNode tag : resource.path("meta").path("tag")) {
      if (FhircastPublisher.TAG_SYSTEM.equals(tag.path("system").asText())
          && FhircastPublisher.TAG_CODE.equals(tag.path("code").asText())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The id of the DiagnosticReport the reporting system has open for the study (from the last
   * DiagnosticReport-open not closed since), or empty when none is open for it.
   */
  @Override
  public synchronized java.util.Optional<String> openReport(String studyInstanceUid) {
    return reportId != null && studyInstanceUid != null && studyInstanceUid.equals(reportStudy)
        ? java.util.Optional.of(reportId)
        : java.util.Optional.empty();
  }

  /** The context.versionId of the open report as last seen (for content this side publishes). */
  @Override
  public synchronized String versionId() {
    return versionId;
  }

  private boolean stale(OffsetDateTime timestamp) {
    return timestamp != null && contextTimestamp != null && timestamp.isBefore(contextTimestamp);
  }

  private static OffsetDateTime timestamp(String s) {
    if (s.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return java.time.LocalDateTime.parse(s).atOffset(java.time.ZoneOffset.UTC);
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }

  private static JsonNode entry(JsonNode context, String key) {
    for (JsonNode c : context) {
      if (key.equalsIgnoreCase(c.path("key").asText())) {
        return c;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static JsonNode resource(JsonNode context, String key) {
    return entry(context, key).path("resource");
  }

  /** The Study Instance UID of an ImagingStudy: identifier system urn:dicom:uid, urn:oid:... */
  static String studyUid(JsonNode imagingStudy) {
    for (JsonNode id : imagingStudy.path("identifier")) {
      if ("urn:dicom:uid".equals(id.path("system").asText())) {
        String v = id.path("value").asText("");
        return v.startsWith("urn:oid:") ? v.substring("urn:oid:".length()) : v;
      }
    }
    return null;
  }
}
