package org.radassist.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.radassist.audit.AuditRecord;
import org.radassist.audit.CanonicalJson;
import org.radassist.model.AuditAction;
import org.radassist.model.AuditEvent;

/**
 * The on-disk form of a record: its RFC 8785 canonical JSON followed by one {@code '\n'}. Because
 * each line is canonical, verification can demand byte equality as well as hash equality, so any
 * change to a stored byte is detected, including changes JSON itself would not notice.
 */
public final class RecordCodec {
  static final String SEQ = "seq";
  static final String TIMESTAMP = "timestamp";
  static final String ACTION = "action";
  static final String TRACE_ID = "trace_id";
  static final String USER = "user";
  static final String STUDY_TOKEN = "study_token";
  static final String MODEL_NAME = "model_name";
  static final String MODEL_VERSION = "model_version";
  static final String REQUEST_SHA256 = "request_sha256";
  static final String RESPONSE_SHA256 = "response_sha256";
  static final String DETAILS = "details";
  static final String PREV_HASH = "prev_hash";
  static final String HASH = "hash";

  private static final Set<String> MEMBERS =
      Set.of(
          SEQ,
          TIMESTAMP,
          ACTION,
          TRACE_ID,
          USER,
          STUDY_TOKEN,
          MODEL_NAME,
          MODEL_VERSION,
          REQUEST_SHA256,
          RESPONSE_SHA256,
          DETAILS,
          PREV_HASH,
          HASH);

  private final JsonNodeFactory nodes = JsonNodeFactory.instance;

  /** Chains an event after {@code prevHash} as record {@code seq}, computing its hash. */
  public AuditRecord seal(long seq, AuditEvent event, String prevHash) {
    ObjectNode body = body(seq, event, prevHash);
    return new AuditRecord(seq, event, prevHash, CanonicalJson.sha256Hex(body));
  }

  /** The bytes to append for a record: canonical JSON and a line feed. */
  public byte[] line(AuditRecord record) {
    ObjectNode node = body(record.seq(), record.event(), record.prevHash());
    node.put(HASH, record.hash());
    return (CanonicalJson.canonicalize(node) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The hash a stored record must carry: SHA-256 of its canonical form without {@code hash}. */
  public String expectedHash(JsonNode stored) {
    ObjectNode copy = ((ObjectNode) stored).deepCopy();
    copy.remove(HASH);
    return CanonicalJson.sha256Hex(copy);
  }

  /**
   * Reads a stored record.
   *
   * @throws IllegalArgumentException naming the member that is missing, unexpected or invalid
   */
  public AuditRecord decode(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("a record must be a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!MEMBERS.contains(name)) {
        throw new IllegalArgumentException("unexpected member '" + name + "'");
      }
    }
    JsonNode seqNode = node.get(SEQ);
    if (seqNode == null || !seqNode.isIntegralNumber() || !seqNode.canConvertToLong()) {
      throw new IllegalArgumentException("seq must be an integer");
    }
    Instant timestamp;
    try {
      timestamp = Instant.parse(text(node, TIMESTAMP, true));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("timestamp is not an ISO-8601 instant");
    }
    AuditAction action;
    try {
      action = AuditAction.fromJson(text(node, ACTION, true));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown action '" + node.get(ACTION).asText() + "'");
    }
    Map<String, String> details = new LinkedHashMap<>();
    JsonNode detailsNode = node.get(DETAILS);
    if (detailsNode != null) {
      if (!detailsNode.isObject()) {
        throw new IllegalArgumentException("details must be an object");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = detailsNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isTextual()) {
          throw new IllegalArgumentException("details." + e.getKey() + " must be a string");
        }
        details.put(e.getKey(), e.getValue().textValue());
      }
    }
    AuditEvent event =
        new AuditEvent(
            timestamp,
            action,
            text(node, TRACE_ID, true),
            text(node, USER, true),
            text(node, STUDY_TOKEN, false),
            text(node, MODEL_NAME, false),
            text(node, MODEL_VERSION, false),
            text(node, REQUEST_SHA256, false),
            text(node, RESPONSE_SHA256, false),
            details);
    return new AuditRecord(
        seqNode.longValue(), event, text(node, PREV_HASH, true), text(node, HASH, true));
  }

  private ObjectNode body(long seq, AuditEvent event, String prevHash) {
    ObjectNode node = nodes.objectNode();
    node.put(SEQ, seq);
    node.put(TIMESTAMP, event.timestamp().toString());
    node.put(ACTION, event.action().jsonName());
    node.put(TRACE_ID, event.traceId());
    node.put(USER, event.user());
    putIfPresent(node, STUDY_TOKEN, event.studyToken());
    putIfPresent(node, MODEL_NAME, event.modelName());
    putIfPresent(node, MODEL_VERSION, event.modelVersion());
    putIfPresent(node, REQUEST_SHA256, event.requestSha256());
    putIfPresent(node, RESPONSE_SHA256, event.responseSha256());
    ObjectNode details = node.putObject(DETAILS);
    event.details().forEach(details::put);
    node.put(PREV_HASH, prevHash);
    return node;
  }

  private static void putIfPresent(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }

  private static String text(JsonNode node, String name, boolean required) {
    JsonNode value = node.get(name);
    if (value == null) {
      if (required) {
        throw new IllegalArgumentException(name + " is missing");
      }
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(name + " must be a string");
    }
    return value.textValue();
  }
}
