package org.radassist.drafting.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.service.internal.store.JdbcDraftStore;
import org.radassist.drafting.wire.DraftWire;
import org.radassist.drafting.wire.WireEvent;

/**
 * The {@code /v1/drafts} contract is the document in the repository (docs/api/drafts.openapi.yaml):
 * what the wire codec writes for real drafts and what the running service answers must fit its
 * schemas, which are closed, so that a member added or renamed on either side shows up here.
 */
class DraftsContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> EVENT_SCHEMAS =
      Map.of(
          "draft.started", "DraftStartedEvent",
          "section.delta", "SectionDeltaEvent",
          "section.done", "SectionDoneEvent",
          "suggestions", "SuggestionsEvent",
          "structured_fields", "StructuredFieldsEvent",
          "codes", "CodesEvent",
          "flags", "FlagsEvent",
          "draft.completed", "DraftCompletedEvent",
          "error", "ErrorEvent");

  /** Dictations across the systems the engine fills, a critical result and a mismatch. */
  private static final List<String> DICTATIONS =
      List.of(
          "Findings: New 8.2 mm solid nodule in the right upper lobe, previously 6.0 mm. Moderate"
              + " right pneumothorax. Impression: Left pneumothorax. Growing nodule.",
          "Findings: Irregular spiculated mass in the left breast at 2 o'clock measuring 14 mm with"
              + " pleomorphic calcifications. Impression: BI-RADS 5. Ultrasound-guided biopsy is"
              + " recommended.",
          "Findings: 2.3 cm arterial phase hyperenhancing observation in segment 7 with washout and"
              + " an enhancing capsule. Impression: LR-5.",
          "Findings: Solid hypoechoic thyroid nodule, taller than wide, 1.8 cm, smooth margins, no"
              + " echogenic foci. Impression: TR5 nodule.",
          "Findings: Acute pulmonary embolism in the right lower lobe segmental arteries."
              + " Impression: Acute pulmonary embolism.");

  private static JsonNode components;

  @TempDir Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();

  @BeforeAll
  static void readTheDocument() throws Exception {
    Path doc = Path.of(System.getProperty("radassist.root"), "docs", "api", "drafts.openapi.yaml");
    JsonNode root = new YAMLMapper().readTree(Files.readString(doc));
    assertThat(root.path("openapi").asText()).isEqualTo("3.1.0");
    components = root;
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  /** A schema for one component, its references resolved within the document. */
  private static JsonSchema schema(String component) throws Exception {
    String defs =
        JSON.writeValueAsString(components.path("components").path("schemas"))
            .replace("#/components/schemas/", "#/$defs/");
    ObjectNode s = JSON.createObjectNode();
    s.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    s.set("$defs", JSON.readTree(defs));
    s.put("$ref", "#/$defs/" + component);
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(s);
  }

  private static void assertFits(String component, String json) throws Exception {
    Set<ValidationMessage> errors = schema(component).validate(JSON.readTree(json));
    assertThat(errors).as(component + " for " + json).isEmpty();
  }

  private static String request(String dictation) throws Exception {
    ObjectNode r = (ObjectNode) JSON.readTree(ServiceClient.LUNG_NODULE);
    r.withArray("dictation")
        .removeAll()
        .addObject()
        .put("seq", 1)
        .put("final", true)
        .put("text", dictation);
    return JSON.writeValueAsString(r);
  }

  @Test
  void theDocumentNamesEveryRouteTheServiceAnswers() {
    assertThat(components.path("paths").fieldNames())
        .toIterable()
        .contains("/v1/drafts", "/v1/drafts/{id}", "/health");
    assertThat(components.path("components").path("schemas").fieldNames())
        .toIterable()
        .containsAll(EVENT_SCHEMAS.values());
  }

  @Test
  void theSchemasAreClosedSoDriftCannotPassUnnoticed() throws Exception {
    ObjectNode r = (ObjectNode) JSON.readTree(ServiceClient.LUNG_NODULE);
    r.put("patient_name", "PHANTOM^ALEX");
    assertThat(schema("DraftRequest").validate(r)).isNotEmpty();
    assertThat(schema("DraftStartedEvent").validate(JSON.readTree("{\"draft_id\":\"d\"}")))
        .as("a started event without its model")
        .isNotEmpty();
  }

  @Test
  void whatTheCodecWritesForRequestsFitsTheRequestSchema() throws Exception {
    DraftWire wire = DraftWire.create();
    for (String dictation : DICTATIONS) {
      DraftRequest read = wire.readRequest(request(dictation));
      assertFits("DraftRequest", wire.writeRequest(read));
    }
  }

  @Test
  void everyEventTheEngineStreamsFitsItsSchema() throws Exception {
    DraftWire wire = DraftWire.create();
    RulesBackend engine = RulesBackend.create();
    Set<String> seen = new java.util.TreeSet<>();
    for (String dictation : DICTATIONS) {
      List<DraftEvent> events = new CopyOnWriteArrayList<>();
      engine
          .draft(wire.readRequest(request(dictation)), UUID.randomUUID().toString(), events::add)
          .result()
          .toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
      for (DraftEvent e : events) {
        WireEvent w = wire.encode(e);
        assertThat(EVENT_SCHEMAS).as("a schema for event " + w.name()).containsKey(w.name());
        assertFits(EVENT_SCHEMAS.get(w.name()), w.data());
        seen.add(w.name());
      }
    }
    assertThat(seen)
        .contains(
            "draft.started",
            "section.done",
            "suggestions",
            "structured_fields",
            "codes",
            "flags",
            "draft.completed");
  }

  @Test
  void theRunningServiceAnswersAsTheDocumentSays() throws Exception {
    JdbcDraftStore store = new JdbcDraftStore("jdbc:h2:file:" + dir.resolve("drafts"), 4);
    open.add(store);
    DraftingServer server =
        new DraftingServer(
                ServiceConfig.defaults()
                    .withPort(0)
                    .withTokens(List.of(DraftingServerTest.TOKEN))
                    .withReplicaId("contract")
                    .withRateLimit(0, 1),
                RulesBackend.create(),
                store)
            .start();
    open.add(server);
    ServiceClient client = new ServiceClient(server.baseUri(), DraftingServerTest.TOKEN);

    String body = request(DICTATIONS.get(0));
    assertFits("DraftRequest", body);
    HttpResponse<String> streamed =
        client.send(client.post(body, "Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(streamed.statusCode()).isEqualTo(200);
    SseEvents sse = SseEvents.parse(streamed.body());
    assertThat(sse.events()).isNotEmpty();
    for (SseEvents.Event e : sse.events()) {
      assertThat(EVENT_SCHEMAS).as("a schema for event " + e.name()).containsKey(e.name());
      assertFits(EVENT_SCHEMAS.get(e.name()), e.data());
    }

    String id = streamed.headers().firstValue("X-Draft-Id").orElseThrow();
    HttpResponse<String> stored = client.get("/v1/drafts/" + id, "Accept", "application/json");
    assertThat(stored.statusCode()).isEqualTo(200);
    assertFits("DraftReport", stored.body());

    HttpResponse<String> health = client.get("/health");
    assertThat(health.statusCode()).isEqualTo(200);

    HttpResponse<String> unauthorized =
        client
            .withToken("wrong")
            .send(
                client.withToken("wrong").post(body, "Idempotency-Key", "k-" + UUID.randomUUID()));
    assertThat(unauthorized.statusCode()).isEqualTo(401);
    assertThat(unauthorized.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertFits("Problem", unauthorized.body());

    HttpResponse<String> malformed =
        client.send(client.post("{", "Idempotency-Key", "k-" + UUID.randomUUID()));
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertFits("Problem", malformed.body());
  }
}
