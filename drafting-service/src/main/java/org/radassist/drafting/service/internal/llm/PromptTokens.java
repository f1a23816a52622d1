package org.radassist.drafting.service.internal.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Counts a prompt's tokens with the model server's own tokenizer where it has one ({@code POST
 * /tokenize} beside {@code /v1}: llama.cpp answers {@code {"tokens":[…]}} for {@code {"content"}},
 * vLLM {@code {"count":n}} for {@code {"prompt"}}); the request carries both fields. The count of
 * the messages' text is a floor under the prompt's tokens (the chat template only adds). A server
 * without the endpoint is asked once; after that the word floor of {@link PromptBudget} serves.
 */
final class PromptTokens {
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http;
  private final ObjectMapper mapper;
  private final AtomicBoolean unsupported = new AtomicBoolean();

  PromptTokens(OkHttpClient http, ObjectMapper mapper) {
    this.http = http;
    this.mapper = mapper;
  }

  /** The floor under the prompt's tokens: the server's count, else the word count. */
  int floor(ChatBackendConfig config, String system, String user) {
    int words = PromptBudget.wordFloor(system, user);
    if (config.api() != ChatApi.OPENAI_CHAT_COMPLETIONS || unsupported.get()) {
      return words;
    }
    ObjectNode body = mapper.createObjectNode();
    String text = system + "\n" + user;
    body.put("content", text);
    body.put("prompt", text);
    body.put("model", config.model());
    body.put("add_special", false);
    Request.Builder rb =
        new Request.Builder()
            .url(ChatWire.serverEndpoint(config.baseUri(), "tokenize").toString())
            .post(RequestBody.create(body.toString(), JSON));
    config.api().wire().authenticate(rb, config.apiKey());
    try (Response r = http.newCall(rb.build()).execute()) {
      if (r.code() == 404 || r.code() == 405 || r.code() == 501) {
        unsupported.set(true);
        return words;
      }
      if (!r.isSuccessful()) {
        return words;
      }
      JsonNode n = mapper.readTree(r.body().string());
      int counted = n.path("count").isInt() ? n.get("count").asInt() : n.path("tokens").size();
      return Math.max(words, counted);
    } catch (IOException | RuntimeException e) {
      return words; // counting is a check, not a reason to fail the draft
    }
  }
}
