package org.radassist.audit.internal.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.internal.ActionCodes;
import org.radassist.model.AuditEvent;

/**
 * Audit records as FHIR R4 AuditEvent resources in the IHE Basic Audit Log Patterns (BALP) shape:
 * type DICOM 110100 "Application Activity" with the RadAssist action as subtype, the user and the
 * AI model as agents, the study token, the trace id (BALP transaction entity) and the chain
 * position (seq, hash, prev_hash, request/response SHA-256, details) as entities. Written as
 * NDJSON, one resource per line, with plain Jackson (no HAPI FHIR).
 */
public final class FhirAuditEventWriter {
  static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
  static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
  static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
  static final String BALP_ENTITY_TYPE =
      "https://profiles.ihe.net/ITI/BALP/CodeSystem/BasicAuditEntityType";
  static final String STUDY_TOKEN_SYSTEM = "urn:radassist:study-token";
  static final String USER_SYSTEM = "urn:radassist:user";

  private final ObjectMapper mapper = JsonMapper.builder().build();
  private final String sourceId;

  /**
   * @param sourceId the audit source (observer) name, e.g. the workstation's host name
   */
  public FhirAuditEventWriter(String sourceId) {
    this.sourceId = sourceId;
  }

  /** The AuditEvent resource for one record. */
  public ObjectNode toResource(AuditRecord record) {
    AuditEvent event = record.event();
    ObjectNode resource = mapper.createObjectNode();
    resource.put("resourceType", "AuditEvent");
    resource.put("id", record.hash());
    resource.set("type", coding(DCM, "110100", "Application Activity"));
    resource
        .putArray("subtype")
        .add(
            coding(
                ActionCodes.ACTION_SYSTEM,
                event.action().jsonName(),
                ActionCodes.display(event.action())));
    resource.put("action", ActionCodes.crude(event.action()));
    resource.put("recorded", event.timestamp().toString());
    resource.put("outcome", ActionCodes.failed(event.action()) ? "4" : "0");
    if (ActionCodes.failed(event.action())) {
      resource.put("outcomeDesc", event.details().getOrDefault("reason", "refused"));
    }

    ArrayNode agents = resource.putArray("agent");
    ObjectNode user = agents.addObject();
    user.set(
        "type",
        concept("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "AUT", "author"));
    user.putObject("who")
        .putObject("identifier")
        .put("system", USER_SYSTEM)
        .put("value", event.user());
    user.put("requestor", true);
    if (event.modelName() != null) {
      ObjectNode model = agents.addObject();
      model.set("type", concept(DCM, "110150", "Application"));
      String name =
          event.modelName() + (event.modelVersion() == null ? "" : " " + event.modelVersion());
      model.putObject("who").put("display", name);
      model.put("requestor", false);
    }

    ObjectNode source = resource.putObject("source");
    source.putObject("observer").put("display", sourceId);
    source
        .putArray("type")
        .add(
            coding(
                "http://terminology.hl7.org/CodeSystem/security-source-type", "1", "User Device"));

    ArrayNode entities = resource.putArray("entity");
    if (event.studyToken() != null) {
      ObjectNode study = entities.addObject();
      study
          .putObject("what")
          .putObject("identifier")
          .put("system", STUDY_TOKEN_SYSTEM)
          .put("value", event.studyToken());
      study.set("type", coding(ENTITY_TYPE, "2", "System Object"));
      study.set("role", coding(OBJECT_ROLE, "3", "Report"));
    }
    ObjectNode transaction = entities.addObject();
    transaction.putObject("what").putObject("identifier").put("value", event.traceId());
    transaction.set("type", coding(BALP_ENTITY_TYPE, "XrequestId", "X-Request-Id"));

    ObjectNode chain = entities.addObject();
    chain.put("name", "radassist-audit-record");
    chain.set("type", coding(ENTITY_TYPE, "2", "System Object"));
    ArrayNode detail = chain.putArray("detail");
    Map<String, String> values = new TreeMap<>();
    values.put("seq", Long.toString(record.seq()));
    values.put("hash", record.hash());
    values.put("prev_hash", record.prevHash());
    if (event.requestSha256() != null) {
      values.put("request_sha256", event.requestSha256());
    }
    if (event.responseSha256() != null) {
      values.put("response_sha256", event.responseSha256());
    }
    event.details().forEach((k, v) -> values.put("details." + k, v));
    values.forEach((k, v) -> detail.addObject().put("type", k).put("valueString", v));
    return resource;
  }

  /** Writes one resource per line. */
  public void writeNdjson(Iterable<AuditRecord> records, OutputStream out) throws IOException {
    for (AuditRecord record : records) {
      out.write(mapper.writeValueAsBytes(toResource(record)));
      out.write('\n');
    }
    out.flush();
  }

  /** One resource as JSON text. */
  public String toJson(AuditRecord record) {
    try {
      return new String(mapper.writeValueAsBytes(toResource(record)), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private ObjectNode coding(String system, String code, String display) {
    return mapper
        .createObjectNode()
        .put("system", system)
        .put("code", code)
        .put("display", display);
  }

  private ObjectNode concept(String system, String code, String display) {
    ObjectNode concept = mapper.createObjectNode();
    concept.putArray("coding").add(coding(system, code, display));
    return concept;
  }
}
