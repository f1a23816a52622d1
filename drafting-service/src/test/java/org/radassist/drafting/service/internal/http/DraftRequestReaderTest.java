package org.radassist.drafting.service.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.radassist.drafting.DraftRequest;
import org.radassist.drafting.wire.DraftWire;

class DraftRequestReaderTest {
  private final DraftRequestReader reader =
      new DraftRequestReader(DraftWire.create(), 4096, 200, Set.of("radassist:default", "mrrt:ct"));

  static String body(String dictationJson, String templateId) {
    return "{\"session\":\"s1\",\"study\":{\"token\":\"st-1\",\"modality\":\"CT\"},"
        + "\"dictation\":"
        + dictationJson
        + ",\"template\":{\"id\":\""
        + templateId
        + "\"}}";
  }

  @Test
  void aWellFormedRequestIsRead() {
    DraftRequest r =
        reader.read(
            body("[{\"seq\":1,\"final\":true,\"text\":\"no acute fx\"}]", "mrrt:ct")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(r.dictationText()).isEqualTo("no acute fx");
    assertThat(r.template().id()).isEqualTo("mrrt:ct");
  }

  static Stream<Arguments> badBodies() {
    byte[] latin1 =
        body("[{\"seq\":1,\"text\":\"caf\u00e9\"}]", "radassist:default")
            .getBytes(StandardCharsets.ISO_8859_1);
    return Stream.of(
        Arguments.of("empty body", new byte[0], 400, "empty-body"),
        Arguments.of("not UTF-8", latin1, 400, "not-utf8"),
        Arguments.of(
            "malformed JSON",
            "{\"session\":".getBytes(StandardCharsets.UTF_8),
            400,
            "malformed-json"),
        Arguments.of(
            "trailing garbage", "{} x".getBytes(StandardCharsets.UTF_8), 400, "malformed-json"),
        Arguments.of(
            "JSON but not the contract",
            "[1,2]".getBytes(StandardCharsets.UTF_8),
            422,
            "invalid-request"),
        Arguments.of(
            "missing study",
            "{\"session\":\"s\"}".getBytes(StandardCharsets.UTF_8),
            422,
            "invalid-request"),
        Arguments.of(
            "empty dictation", utf8(body("[]", "radassist:default")), 422, "empty-dictation"),
        Arguments.of(
            "blank dictation",
            utf8(body("[{\"seq\":1,\"text\":\"   \"}]", "radassist:default")),
            422,
            "empty-dictation"),
        Arguments.of(
            "binary dictation",
            utf8(body("[{\"seq\":1,\"text\":\"ab\\u0000\\u0001cd\"}]", "radassist:default")),
            422,
            "binary-dictation"),
        Arguments.of(
            "replacement characters",
            utf8(body("[{\"seq\":1,\"text\":\"ab\uFFFDcd\"}]", "radassist:default")),
            422,
            "binary-dictation"),
        Arguments.of(
            "dictation too long",
            utf8(body("[{\"seq\":1,\"text\":\"" + "a".repeat(201) + "\"}]", "radassist:default")),
            413,
            "dictation-too-long"),
        Arguments.of(
            "unknown template",
            utf8(body("[{\"seq\":1,\"text\":\"x\"}]", "mrrt:nope")),
            422,
            "unknown-template"));
  }

  @ParameterizedTest(name = "{0} -> {2} {3}")
  @MethodSource("badBodies")
  void badBodiesAreRefusedWithAPreciseProblem(String what, byte[] body, int status, String slug) {
    assertThatThrownBy(() -> reader.read(body))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(status);
              assertThat(e.problem().slug()).isEqualTo(slug);
              assertThat(e.problem().detail()).isNotBlank();
            });
  }

  @Test
  void onlyJsonInUtf8IsAcceptedAsContentType() {
    reader.checkContentType("application/json");
    reader.checkContentType("Application/JSON; charset=UTF-8");
    for (String bad :
        new String[] {
          null, "", "text/plain", "application/json; charset=latin1", "multipart/form-data"
        }) {
      assertThatThrownBy(() -> reader.checkContentType(bad))
          .as(String.valueOf(bad))
          .isInstanceOfSatisfying(
              ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(415));
    }
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() {
    reader.checkDeclaredLength(4096);
    assertThatThrownBy(() -> reader.checkDeclaredLength(4097))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(413));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
