package org.radassist.drafting.service.internal.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
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

  /** The request path below the API's {@code /v1}: {@code chat/completions}, {@code messages}. */
  String path();

  /**
   * The URL of {@code apiPath} below {@code base}, keeping any path prefix and query of a gateway:
   * {@code http://h:8000} and {@code http://h:8000/v1} both give {@code
   * http://h:8000/v1/chat/completions}, {@code http://gw/llama/v1} gives {@code
   * http://gw/llama/v1/chat/completions}. (OpenAI clients take the base URL with {@code /v1};
   * llama.cpp and vLLM docs often give the bare root: both work.)
   */
  static URI endpoint(URI base, String apiPath) {
    return below(base, "/v1/" + apiPath);
  }

  /**
   * A server endpoint outside the OpenAI API, beside its {@code /v1}: {@code http://gw/llama/v1}
   * and {@code http://gw/llama} both give {@code http://gw/llama/tokenize} for {@code tokenize}.
   */
  static URI serverEndpoint(URI base, String path) {
    return below(base, "/" + path);
  }

  private static URI below(URI base, String suffix) {
    String path = base.getRawPath() == null ? "" : base.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.endsWith("/v1")) {
      path = path.substring(0, path.length() - 3);
    }
    try {
      return new URI(
          base.getScheme()
              + "://"
              + base.getRawAuthority()
              + path
              + suffix
              + (base.getRawQuery() == null ? "" : "?" + base.getRawQuery()));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a usable model server URL: " + base, e);
    }
  }

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
}
