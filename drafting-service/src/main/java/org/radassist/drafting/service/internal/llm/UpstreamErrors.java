package org.radassist.drafting.service.internal.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Pattern;
import org.radassist.drafting.DraftEvent;

/**
 * What a model server's error means for the draft: whether asking again could help, and which
 * setting to change when it cannot. Servers say "the prompt does not fit" in their own words
 * (llama.cpp: "the request exceeds the available context size", vLLM: "This model's maximum context
 * length is 4096 tokens", OpenAI: "context_length_exceeded"); that becomes {@code prompt_too_long},
 * never retryable: the same prompt will not fit next time either.
 */
final class UpstreamErrors {
  /** What to change when the prompt and the answer budget do not fit the server's context. */
  static final String CONTEXT_ADVICE =
      "give the model server a larger context per request (llama.cpp: --ctx-size, divided among"
          + " --parallel slots; vLLM: --max-model-len; Ollama: num_ctx) or lower"
          + " --llm-max-tokens";

  private static final Pattern CONTEXT =
      Pattern.compile(
          "context[ _](size|length|window)|maximum context|exceeds the available context"
              + "|larger than the max context|too many tokens|prompt is too long"
              + "|context_length_exceeded",
          Pattern.CASE_INSENSITIVE);

  private UpstreamErrors() {}

  /**
   * An error object inside the stream: a chunk's {@code error}, llama.cpp's non-standard {@code
   * error:} SSE line, Anthropic's {@code error} event.
   */
  static DraftEvent.Failed inBand(JsonNode error) {
    String msg = error.isObject() ? error.path("message").asText(error.toString()) : error.asText();
    String type =
        (error.path("type").asText("") + " " + error.path("code").asText(""))
            .toLowerCase(Locale.ROOT)
            .trim();
    int status = error.path("code").isInt() ? error.path("code").asInt() : 0;
    if (CONTEXT.matcher(msg + " " + type).find()) {
      return promptTooLong("model server error mid-stream: " + msg);
    }
    boolean rejected =
        type.contains("invalid_request")
            || type.contains("authentication")
            || type.contains("permission")
            || type.contains("not_found")
            || (status >= 400 && status < 500 && status != 408 && status != 429);
    return new DraftEvent.Failed(
        "upstream_error", !rejected, "model server error mid-stream: " + msg);
  }

  /** An HTTP answer that is not 2xx, 408, 429 or 5xx (those are retried first). */
  static DraftEvent.Failed rejected(int status, String detail) {
    if (status == 400 && CONTEXT.matcher(detail).find()) {
      return promptTooLong(detail);
    }
    if (status == 401 || status == 403) {
      return new DraftEvent.Failed(
          "upstream_rejected",
          false,
          detail
              + " (check --llm-api-key / $RADASSIST_LLM_API_KEY against the model server's key)");
    }
    if (status == 404) {
      return new DraftEvent.Failed(
          "upstream_rejected",
          false,
          detail + " (check --llm-url, including any gateway path, and --llm-model)");
    }
    return new DraftEvent.Failed("upstream_rejected", false, detail);
  }

  static DraftEvent.Failed promptTooLong(String detail) {
    return new DraftEvent.Failed(
        "prompt_too_long",
        false,
        detail + "; the prompt and the answer do not fit the model's context: " + CONTEXT_ADVICE);
  }
}
