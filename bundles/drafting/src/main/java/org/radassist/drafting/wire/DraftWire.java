package org.radassist.drafting.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.radassist.drafting.DraftEvent;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.internal.wire.JsonDraftWire;
import org.radassist.model.DraftReport;
import org.radassist.model.ModelJson;

/**
 * The JSON codec of the drafting contract (docs/api/drafts.openapi.yaml, OpenAPI 3.1; its schemas
 * are checked against this codec's output and the running service by DraftsContractTest).
 *
 * <p>The request body is mapped field by field, so that its shape is exactly the contract's
 * (snake_case keys, {@code dictation[].final}, {@code study.procedure{system, code, display}},
 * template sections as upper-case names) whatever the Java records are called. Model records inside
 * events (suggestions, structured fields, codes, flags) use {@link ModelJson#newMapper()}, so a
 * {@link DraftReport} and a stream of events describe items the same way. Unknown keys are ignored
 * (newer peers may add fields); missing required fields and wrong types are refused with a {@link
 * WireFormatException} naming the field. Thread-safe.
 */
public interface DraftWire {
  /** The content type of a request body and of a non-streaming response. */
  String JSON_MEDIA_TYPE = "application/json";

  /** The content type of a streamed draft. */
  String SSE_MEDIA_TYPE = "text/event-stream";

  /** A codec whose model items use {@link ModelJson#newMapper()}. */
  static DraftWire create() {
    return new JsonDraftWire();
  }

  /** A codec whose model items use {@code mapper}. */
  static DraftWire create(ObjectMapper mapper) {
    return new JsonDraftWire(mapper);
  }

  /** The mapper this codec uses for model records. */
  ObjectMapper mapper();

  /** The request as the contract's JSON object. */
  ObjectNode requestTree(DraftRequest r);

  /** The request body as the contract's JSON text (UTF-8 when written as bytes). */
  String writeRequest(DraftRequest r);

  /** Reads a request body; bytes must be UTF-8 JSON. */
  DraftRequest readRequest(byte[] body);

  /** Reads a request body from text. */
  DraftRequest readRequest(String body);

  /** Reads a request from its JSON tree. */
  DraftRequest readRequest(JsonNode o);

  /** The event as its SSE name and JSON data. */
  WireEvent encode(DraftEvent event);

  /** The data object of an event. */
  ObjectNode eventTree(DraftEvent event);

  /** Reads an event. */
  DraftEvent decode(WireEvent event);

  /**
   * Reads an event from its SSE name and JSON data.
   *
   * @throws WireFormatException for an unknown event name or data that does not fit it
   */
  DraftEvent decode(String name, String data);

  /**
   * The non-streaming response / {@code GET /v1/drafts/{id}} body: the draft as ModelJson maps it.
   */
  String writeReport(DraftReport report);

  /** Reads a draft written by {@link #writeReport}. */
  DraftReport readReport(String json);
}
