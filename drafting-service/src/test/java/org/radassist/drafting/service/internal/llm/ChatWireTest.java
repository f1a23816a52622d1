package org.radassist.drafting.service.internal.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The API path is resolved below the configured base URL, keeping a gateway's prefix. */
class ChatWireTest {
  private static String at(String base) {
    return ChatWire.endpoint(URI.create(base), "chat/completions").toString();
  }

  @Test
  void aBareServerRootGetsV1() {
    assertThat(at("http://127.0.0.1:8000")).isEqualTo("http://127.0.0.1:8000/v1/chat/completions");
    assertThat(at("http://127.0.0.1:8000/")).isEqualTo("http://127.0.0.1:8000/v1/chat/completions");
  }

  @Test
  void aBaseUrlEndingInV1IsNotGivenASecond() {
    assertThat(at("http://127.0.0.1:11434/v1"))
        .isEqualTo("http://127.0.0.1:11434/v1/chat/completions");
    assertThat(at("http://127.0.0.1:11434/v1/"))
        .isEqualTo("http://127.0.0.1:11434/v1/chat/completions");
  }

  @Test
  void aGatewayPathPrefixIsKept() {
    assertThat(at("http://host/gateway/llama/v1"))
        .isEqualTo("http://host/gateway/llama/v1/chat/completions");
    assertThat(at("https://host/gateway/llama"))
        .isEqualTo("https://host/gateway/llama/v1/chat/completions");
  }

  @Test
  void aGatewayQueryIsKept() {
    assertThat(at("https://gw.example/openai/v1?api-version=2024-06-01"))
        .isEqualTo("https://gw.example/openai/v1/chat/completions?api-version=2024-06-01");
  }
}
