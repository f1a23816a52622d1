package org.radassist.drafting.service.internal.llm;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how to reach a model server: an OpenAI-compatible chat-completions server (vLLM,
 * llama.cpp server, Ollama's /v1 compatibility, LM Studio) or Anthropic's Messages API.
 *
 * @param baseUri the server's base URL, with or without a path prefix and with or without its
 *     trailing {@code /v1} ({@code http://host:8000}, {@code http://gw/llama/v1}); the API's path
 *     ({@code chat/completions}, {@code messages}) is resolved below it ({@link ChatWire#endpoint})
 * @param apiKey sent as a bearer token; null or empty for servers without keys
 * @param firstTokenTimeout longest wait for the answer's first piece (the server reads the whole
 *     prompt first: seconds on a GPU, a minute or more for a 7B model on CPU)
 * @param idleTimeout longest silence between stream chunks once the answer has started
 * @param maxRetries retries on connect errors, 429 and 5xx, only before any content arrived
 * @param maxRetryAfter the longest Retry-After the backend waits for; a longer one fails the draft
 *     as retryable and leaves the waiting to the client
 * @param maxTokens the answer's token budget ({@code max_tokens})
 * @param contextTokens the server's context per request (llama.cpp: {@code --ctx-size} / {@code
 *     --parallel}); 0 when unknown. With it a prompt that cannot fit is refused before it is sent.
 */
public record ChatBackendConfig(
    URI baseUri,
    String model,
    String apiKey,
    Duration connectTimeout,
    Duration firstTokenTimeout,
    Duration idleTimeout,
    int maxRetries,
    Duration maxRetryAfter,
    double temperature,
    long seed,
    int maxTokens,
    int contextTokens,
    ChatApi api,
    ResponseFormat responseFormat) {

  /** How the schema is sent to an OpenAI-compatible server. */
  public enum ResponseFormat {
    /** {@code {"type":"json_schema","json_schema":{"name","strict","schema"}}}: OpenAI, vLLM. */
    JSON_SCHEMA,
    /**
     * {@code {"type":"json_object","schema":{...}}}: llama.cpp's documented form; its builds around
     * b4748 ignore a json_schema response_format.
     */
    JSON_OBJECT
  }

  public static final int DEFAULT_MAX_TOKENS = 2048;

  public ChatBackendConfig {
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be at least 1, was " + maxTokens);
    }
    responseFormat = responseFormat == null ? ResponseFormat.JSON_SCHEMA : responseFormat;
    if (contextTokens < 0) {
      throw new IllegalArgumentException("contextTokens must not be negative");
    }
  }

  /** GPU-server defaults: connect 3 s, first token 60 s, idle 20 s, 2048 answer tokens. */
  public static ChatBackendConfig of(URI baseUri, String model, String apiKey) {
    return new ChatBackendConfig(
        baseUri,
        model,
        apiKey,
        Duration.ofSeconds(3),
        Duration.ofSeconds(60),
        Duration.ofSeconds(20),
        2,
        Duration.ofSeconds(8),
        0.1,
        42,
        DEFAULT_MAX_TOKENS,
        0,
        ChatApi.OPENAI_CHAT_COMPLETIONS,
        ResponseFormat.JSON_SCHEMA);
  }

  /** The same server reached through another wire format. */
  public ChatBackendConfig withApi(ChatApi other) {
    return new ChatBackendConfig(
        baseUri,
        model,
        apiKey,
        connectTimeout,
        firstTokenTimeout,
        idleTimeout,
        maxRetries,
        maxRetryAfter,
        temperature,
        seed,
        maxTokens,
        contextTokens,
        other,
        responseFormat);
  }

  /** Idle timeout between chunks and longest Retry-After waited for. */
  public ChatBackendConfig withTimeouts(Duration idle, Duration maxRetryWait) {
    return new ChatBackendConfig(
        baseUri,
        model,
        apiKey,
        connectTimeout,
        firstTokenTimeout,
        idle,
        maxRetries,
        maxRetryWait,
        temperature,
        seed,
        maxTokens,
        contextTokens,
        api,
        responseFormat);
  }

  /** Longest wait for the answer's first piece. */
  public ChatBackendConfig withFirstTokenTimeout(Duration v) {
    return new ChatBackendConfig(
        baseUri,
        model,
        apiKey,
        connectTimeout,
        v,
        idleTimeout,
        maxRetries,
        maxRetryAfter,
        temperature,
        seed,
        maxTokens,
        contextTokens,
        api,
        responseFormat);
  }

  /** Answer budget and (0 = unknown) the server's context per request, in tokens. */
  public ChatBackendConfig withTokens(int maxAnswerTokens, int serverContextTokens) {
    return new ChatBackendConfig(
        baseUri,
        model,
        apiKey,
        connectTimeout,
        firstTokenTimeout,
        idleTimeout,
        maxRetries,
        maxRetryAfter,
        temperature,
        seed,
        maxAnswerTokens,
        serverContextTokens,
        api,
        responseFormat);
  }

  /** How the schema is sent ({@link ResponseFormat}). */
  public ChatBackendConfig withResponseFormat(ResponseFormat v) {
    return new ChatBackendConfig(
        baseUri,
        model,
        apiKey,
        connectTimeout,
        firstTokenTimeout,
        idleTimeout,
        maxRetries,
        maxRetryAfter,
        temperature,
        seed,
        maxTokens,
        contextTokens,
        api,
        v);
  }
}
