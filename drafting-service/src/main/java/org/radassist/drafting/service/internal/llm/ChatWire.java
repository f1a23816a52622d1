package org.radassist.drafting.service.internal.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.Request;
import org.radassist.drafting.DraftEvent;

/**
 * What differs between model servers' wire formats: where the request goes, how it authenticates,
 * its body, and what each streamed JSON chunk means. Retries, timeouts, SSE framing, validation and
 * the rules re-check are the same for all and stay in {@link ChatDraftingService}.
 */
interface ChatWire {
  /** Name of the structured answer, as a schema name or a forced tool. */
  String ANSWER = "radassist_draft";

  /** The request path below the server root. */
  String path();

  /** Adds the credentials (when there is a key) and any protocol headers. */
  void authenticate(Request.Builder request, String apiKey);

  /** The streaming request asking for one JSON answer in {@code schema}. */
  ObjectNode requestBody(
      ObjectMapper mapper, ChatBackendConfig config, String system, String user, JsonNode schema);

  /**
   * Reads one streamed JSON chunk into {@code progress}.
   *
   * @return a failure when the chunk reports an error, else null
   */
  DraftEvent.Failed read(JsonNode chunk, StreamProgress progress);

  /** A model server's error object: retryable unless it says the request itself is wrong. */
  static DraftEvent.Failed error(JsonNode error) {
    String msg = error.isObject() ? error.path("message").asText(error.toString()) : error.asText();
    String type = error.path("type").asText("") + error.path("code").asText("");
    boolean retryable =
        type.contains("overload")
            || type.contains("server")
            || type.contains("api_error")
            || type.contains("rate")
            || type.contains("timeout")
            || type.isEmpty();
    return new DraftEvent.Failed(
        "upstream_error", retryable, "model server error mid-stream: " + msg);
  }
}
