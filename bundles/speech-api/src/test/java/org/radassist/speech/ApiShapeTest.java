package org.radassist.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The speech API is interfaces and records only (enums nested in them): implementations live in the
 * speech hook bundle, which may be absent while this one is always installed.
 */
class ApiShapeTest {

  static List<Class<?>> apiTypes() throws IOException, URISyntaxException, ClassNotFoundException {
    Path dir =
        Path.of(SpeechHook.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path pkg = dir.resolve("org/radassist/speech");
    List<String> names;
    try (Stream<Path> files = Files.list(pkg)) {
      names =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".class") && !n.equals("package-info.class"))
              .map(n -> "org.radassist.speech." + n.substring(0, n.length() - ".class".length()))
              .sorted()
              .toList();
    }
    List<Class<?>> types = new java.util.ArrayList<>();
    for (String n : names) {
      types.add(Class.forName(n));
    }
    return types;
  }

  @Test
  void everyTypeIsAnInterfaceARecordOrAnEnum() throws Exception {
    List<Class<?>> types = apiTypes();
    assertThat(types).hasSizeGreaterThanOrEqualTo(12);
    assertThat(types)
        .allSatisfy(
            t ->
                assertThat(t.isInterface() || t.isRecord() || t.isEnum())
                    .as("%s is an interface, record or enum", t.getName())
                    .isTrue());
  }

  @Test
  void theImplementationsAreNotHere() throws Exception {
    assertThat(apiTypes())
        .extracting(Class::getSimpleName)
        .doesNotContain("DictationSession", "DictationRouter", "PanelDictationSource")
        .contains("SpeechHook", "StudyDictation", "SessionStatus", "DictationSegment");
  }

  @Test
  void aSegmentNamesWhatIsWrongWithIt() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new DictationSegment("loopback", " ", 0, true, "x"))
        .withMessageContaining("studyInstanceUid");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new DictationSegment("loopback", "1.2.3", -1, true, "x"))
        .withMessageContaining("-1");
  }
}
