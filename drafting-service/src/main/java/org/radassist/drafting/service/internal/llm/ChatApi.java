package org.radassist.drafting.service.internal.llm;

/** The wire format a model server speaks. */
public enum ChatApi {
  /** {@code POST /v1/chat/completions}: vLLM, llama.cpp server, Ollama's /v1, LM Studio, TGI. */
  OPENAI_CHAT_COMPLETIONS("openai-compatible"),
  /**
   * {@code POST /v1/messages}: Anthropic's Messages API, structured output through a forced tool.
   */
  ANTHROPIC_MESSAGES("anthropic-messages");

  private final String provider;

  ChatApi(String provider) {
    this.provider = provider;
  }

  /** How the draft's model information names the provider. */
  public String provider() {
    return provider;
  }

  ChatWire wire() {
    return this == ANTHROPIC_MESSAGES ? new AnthropicMessagesWire() : new OpenAiChatWire();
  }
}
