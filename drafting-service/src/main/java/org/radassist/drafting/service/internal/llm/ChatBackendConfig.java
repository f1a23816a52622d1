package org.radassist.drafting.service.internal.llm;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how to reach a model server: an OpenAI-compatible chat-completions server (vLLM,
 * llama.cpp server, Ollama's /v1 compatibility, LM Studio) or Anthropic's Messages API.
 *
 * @param baseUri the server root; the API's path ({@code /v1/chat/completions}, {@code
 *     /v1/messages}) is appended
 * @param apiKey sent as a bearer token; null or empty for servers without keys
 * @param idleTimeout longest silence between stream chunks before the draft counts as stalled
 * @param maxRetries retries on connect errors, 429 and 5xx, only before any content arrived
 * @param maxRetryAfter the longest Retry-After the backend waits for; a longer one fails the draft
 *     as retryable and leaves the waiting to the client
 */
public record ChatBackendConfig(
    URI baseUri,
    String model,
    String apiKey,
    Duration connectTimeout,
    Duration idleTimeout,
    int maxRetries,
    Duration maxRetryAfter,
    double temperature,
    long seed,
    int maxTokens,
    ChatApi api) {

  public static ChatBackendConfig of(URI baseUri, String model, String apiKey) {
    return new ChatBackendConfig(
        baseUri,
        model,
        apiKey,
        Duration.ofSeconds(3),
        Duration.ofSeconds(20),
        2,
        Duration.ofSeconds(8),
        0.1,
        42,
        2048,
        ChatApi.OPENAI_CHAT_COMPLETIONS);
  }

  /** The same server reached through another wire format. */
  public ChatBackendConfig withApi(ChatApi other) {
    return new ChatBackendConfig(
        baseUri,
        model,
        apiKey,
        connectTimeout,
        idleTimeout,
        maxRetries,
        maxRetryAfter,
        temperature,
        seed,
        maxTokens,
        other);
  }

  public ChatBackendConfig withTimeouts(Duration idle, Duration maxRetryWait) {
    return new ChatBackendConfig(
        baseUri,
        model,
        apiKey,
        connectTimeout,
        idle,
        maxRetries,
        maxRetryWait,
        temperature,
        seed,
        maxTokens,
        api);
  }
}
