package org.radassist.drafting.service.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.radassist.drafting.service.internal.store.StoredEvent;

class SseFormatTest {

  private static String sse(String data) {
    StringBuilder b = new StringBuilder();
    ApiHandler.appendSse(b, new StoredEvent(7, "section.delta", data));
    return b.toString();
  }

  @Test
  void oneLineOfDataIsOneDataField() {
    assertThat(sse("{\"a\":1}")).isEqualTo("id: 7\nevent: section.delta\ndata: {\"a\":1}\n\n");
  }

  @Test
  void everyLineBreakKindStartsANewDataFieldAndATrailingBreakKeepsItsEmptyLine() {
    assertThat(sse("a\r\nb\rc\nd\n"))
        .isEqualTo("id: 7\nevent: section.delta\ndata: a\ndata: b\ndata: c\ndata: d\ndata: \n\n");
  }

  @Test
  void emptyDataIsOneEmptyDataField() {
    assertThat(sse("")).isEqualTo("id: 7\nevent: section.delta\ndata: \n\n");
  }
}
