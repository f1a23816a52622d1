package org.radassist.drafting.service.internal.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.Request;
import org.radassist.drafting.DraftEvent;

/**
 * OpenAI-compatible chat completions: {@code response_format} json_schema (strict), content in
 * {@code choices[0].delta.content}, usage in the last chunk, the stream closed by {@code [DONE]}.
 */
final class OpenAiChatWire implements ChatWire {
  @Override
  public String path() {
    return "chat/completions";
  }

  @Override
  public void authenticate(Request.Builder request, String apiKey) {
    if (apiKey != null && !apiKey.isBlank()) {
      request.header("Authorization", "Bearer " + apiKey);
    }
  }

  @Override
  public ObjectNode requestBody(
      ObjectMapper mapper, ChatBackendConfig config, String system, String user, JsonNode schema) {
    ObjectNode o = mapper.createObjectNode();
    o.put("model", config.model());
    ArrayNode messages = o.putArray("messages");
    messages.addObject().put("role", "system").put("content", system);
    messages.addObject().put("role", "user").put("content", user);
    o.put("stream", true);
    o.putObject("stream_options").put("include_usage", true);
    o.put("temperature", config.temperature());
    o.put("seed", config.seed());
    o.put("max_tokens", config.maxTokens());
    ObjectNode rf = o.putObject("response_format");
    if (config.responseFormat() == ChatBackendConfig.ResponseFormat.JSON_OBJECT) {
      rf.put("type", "json_object");
      rf.set("schema", schema);
    } else {
      rf.put("type", "json_schema");
      ObjectNode js = rf.putObject("json_schema");
      js.put("name", ANSWER);
      js.put("strict", true);
      js.set("schema", schema);
    }
    return o;
  }

  @Override
  public DraftEvent.Failed read(JsonNode chunk, StreamProgress progress) {
    JsonNode error = chunk.get("error");
    if (error != null && !error.isNull()) {
      return UpstreamErrors.inBand(error);
    }
    JsonNode usage = chunk.get("usage");
    if (usage != null && usage.isObject()) {
      progress.promptTokens = usage.path("prompt_tokens").asLong(progress.promptTokens);
      progress.completionTokens = usage.path("completion_tokens").asLong(progress.completionTokens);
    }
    JsonNode choice = chunk.path("choices").path(0);
    String piece = choice.path("delta").path("content").asText("");
    if (!piece.isEmpty()) {
      progress.answer(piece);
    }
    if (choice.hasNonNull("finish_reason")) {
      progress.finishReason = choice.get("finish_reason").asText();
    }
    return null;
  }
}
