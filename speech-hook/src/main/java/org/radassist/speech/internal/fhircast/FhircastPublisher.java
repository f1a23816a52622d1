package org.radassist.speech.internal.fhircast;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.radassist.drafting.request.DraftRequestFactory;
import org.radassist.model.SectionKind;
import org.radassist.model.StudyContext;
import org.radassist.speech.AcceptedReport;
import org.radassist.speech.Outbox;
import org.radassist.speech.OutboxItem;

/**
 * Shares accepted content with the open report (IHE IRA RAD-150 Update Report Content): a
 * DiagnosticReport-update whose transaction Bundle PUTs one preliminary Observation per section
 * (LOINC section code, text scrubbed by the {@link DraftRequestFactory}) and the preliminary
 * DiagnosticReport referencing them. No patient reference, no identifiers. The event is written to
 * the outbox before it is POSTed and removed when the hub answers 2xx; {@link #replay} resends what
 * is left with the same event id (the hub's confirmation re-uses it). Observations carry the tag
 * {@link #TAG_CODE} so that the subscriber does not take our own content for dictation.
 */
public final class FhircastPublisher {
  public static final String KIND = "fhircast-update";
  public static final String TAG_SYSTEM = "urn:radassist";
  public static final String TAG_CODE = "ai-assisted-content";
  private static final MediaType FHIR_JSON = MediaType.get("application/fhir+json");

  private final FhircastConfig config;
  private final OkHttpClient http;
  private final Outbox outbox;
  private final DraftRequestFactory phi;
  private final Supplier<String> versionId;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public FhircastPublisher(
      FhircastConfig config,
      OkHttpClient http,
      Outbox outbox,
      DraftRequestFactory phi,
      Supplier<String> versionId,
      Clock clock) {
    this.config = config;
    this.http = http.newBuilder().callTimeout(config.timeout()).build();
    this.outbox = outbox;
    this.phi = phi;
    this.versionId = versionId;
    this.clock = clock;
  }

  /**
   * Stores the update durably, then POSTs it; true when the hub accepted it, false when it stays in
   * the outbox for {@link #replay}. Publishing and replaying never overlap: a replay running
   * meanwhile would find the new update in the outbox and send it a second time.
   */
  public synchronized boolean publish(AcceptedReport report, StudyContext study)
      throws IOException {
    String id = UUID.randomUUID().toString();
    byte[] event = event(id, report, study).toString().getBytes(StandardCharsets.UTF_8);
    return deliver(outbox.put(KIND, id, event));
  }

  /** Resends every update still in the outbox; returns how many the hub accepted. */
  public synchronized int replay() throws IOException {
    int accepted = 0;
    for (OutboxItem item : outbox.pending()) {
      if (KIND.equals(item.kind()) && deliver(item)) {
        accepted++;
      }
    }
    return accepted;
  }

  private boolean deliver(OutboxItem item) throws IOException {
    Request.Builder b =
        new Request.Builder()
            .url(config.hubUrl().toString())
            .post(RequestBody.create(item.payload(), FHIR_JSON));
    if (config.bearerToken() != null) {
      b.header("Authorization", "Bearer " + config.bearerToken());
    }
    try (Response r = http.newCall(b.build()).execute()) {
      if (r.isSuccessful()) { // any 2xx: the hub took it (202 Accepted as a rule)
        outbox.acknowledge(item.id());
        return true;
      }
      return false;
    } catch (IOException e) {
      return false; // hub unreachable: kept for replay
    }
  }

  ObjectNode event(String id, AcceptedReport report, StudyContext study) {
    ObjectNode n = json.createObjectNode();
    n.put("timestamp", clock.instant().toString());
    n.put("id", id);
    ObjectNode e = n.putObject("event");
    e.put("hub.topic", config.topic());
    e.put("hub.event", "DiagnosticReport-update");
    String version = versionId.get();
    if (version != null) {
      e.put("context.versionId", version);
    }
    ArrayNode context = e.putArray("context");
    context
        .addObject()
        .put("key", "report")
        .putObject("reference")
        .put("reference", "DiagnosticReport/" + report.orderOrReportId());
    ObjectNode bundle = json.createObjectNode();
    bundle.put("resourceType", "Bundle").put("type", "transaction");
    ArrayNode entries = bundle.putArray("entry");
    ObjectNode dr = json.createObjectNode();
    dr.put("resourceType", "DiagnosticReport").put("id", report.orderOrReportId());
    dr.put("status", "preliminary");
    ArrayNode results = dr.putArray("result");
    for (Map.Entry<SectionKind, String> s : report.sections().entrySet()) {
      String obsId = UUID.randomUUID().toString();
      ObjectNode obs = json.createObjectNode();
      obs.put("resourceType", "Observation").put("id", obsId).put("status", "preliminary");
      obs.putObject("meta")
          .putArray("tag")
          .addObject()
          .put("system", TAG_SYSTEM)
          .put("code", TAG_CODE);
      obs.putArray("category")
          .addObject()
          .putArray("coding")
          .addObject()
          .put("system", "http://terminology.hl7.org/CodeSystem/observation-category")
          .put("code", "imaging");
      obs.putObject("code")
          .putArray("coding")
          .addObject()
          .put("system", "http://loinc.org")
          .put("code", s.getKey().code().code())
          .put("display", s.getKey().code().meaning());
      obs.put("valueString", phi.scrub(s.getValue(), study));
      ObjectNode entry = entries.addObject();
      entry.putObject("request").put("method", "PUT");
      entry.set("resource", obs);
      results.addObject().put("reference", "Observation/" + obsId);
    }
    ObjectNode drEntry = entries.addObject();
    drEntry.putObject("request").put("method", "PUT");
    drEntry.set("resource", dr);
    context.addObject().put("key", "updates").set("resource", bundle);
    return n;
  }
}
