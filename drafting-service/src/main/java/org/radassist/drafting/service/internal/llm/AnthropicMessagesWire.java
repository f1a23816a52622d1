package org.radassist.drafting.service.internal.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.Request;
import org.radassist.drafting.DraftEvent;

/**
 * Anthropic's Messages API: the schema becomes the input schema of one tool the model is made to
 * call, whose input streams as {@code input_json_delta} pieces; {@code message_stop} ends the
 * stream, {@code error} events (such as {@code overloaded_error}) may come at any point, {@code
 * ping} is a keep-alive. Chunk types are read from the JSON's {@code type}, which repeats the SSE
 * event name.
 */
final class AnthropicMessagesWire implements ChatWire {
  static final String VERSION = "2023-06-01";

  /** Index of the content block that carries the forced tool's input; -1 before it starts. */
  private int answerBlock = -1;

  @Override
  public String path() {
    return "messages";
  }

  @Override
  public void authenticate(Request.Builder request, String apiKey) {
    if (apiKey != null && !apiKey.isBlank()) {
      request.header("x-api-key", apiKey);
    }
    request.header("anthropic-version", VERSION);
  }

  @Override
  public ObjectNode requestBody(
      ObjectMapper mapper, ChatBackendConfig config, String system, String user, JsonNode schema) {
    ObjectNode o = mapper.createObjectNode();
    o.put("model", config.model());
    o.put("max_tokens", config.maxTokens());
    o.put("system", system);
    o.putArray("messages").addObject().put("role", "user").put("content", user);
    o.put("stream", true);
    o.put("temperature", config.temperature());
    ObjectNode tool = o.putArray("tools").addObject();
    tool.put("name", ANSWER);
    tool.put("description", "The drafted report, in RadAssist's schema");
    tool.set("input_schema", schema);
    o.putObject("tool_choice").put("type", "tool").put("name", ANSWER);
    return o;
  }

  @Override
  public DraftEvent.Failed read(JsonNode chunk, StreamProgress progress) {
    switch (chunk.path("type").asText("")) {
      case "message_start" -> {
        JsonNode usage = chunk.path("message").path("usage");
        progress.promptTokens = usage.path("input_tokens").asLong(progress.promptTokens);
        progress.completionTokens = usage.path("output_tokens").asLong(progress.completionTokens);
      }
      case "content_block_start" -> {
        JsonNode block = chunk.path("content_block");
        if (block.path("type").asText("").equals("tool_use")
            && block.path("name").asText("").equals(ANSWER)) {
          answerBlock = chunk.path("index").asInt(-1);
        }
      }
      case "content_block_delta" -> {
        JsonNode delta = chunk.path("delta");
        String kind = delta.path("type").asText("");
        if (kind.equals("input_json_delta") && chunk.path("index").asInt(-2) == answerBlock) {
          progress.answer(delta.path("partial_json").asText(""));
        } else if (kind.equals("text_delta")) {
          progress.text(delta.path("text").asText(""));
        }
      }
      case "message_delta" -> {
        String stop = chunk.path("delta").path("stop_reason").asText("");
        if (!stop.isEmpty()) {
          progress.finishReason = stop.equals("max_tokens") ? "length" : stop;
        }
        progress.completionTokens =
            chunk.path("usage").path("output_tokens").asLong(progress.completionTokens);
      }
      case "message_stop" -> progress.done = true;
      case "error" -> {
        return UpstreamErrors.inBand(chunk.path("error"));
      }
      default -> {
        // ping, content_block_stop, and event types added later: nothing to take
      }
    }
    return null;
  }
}
