package org.radassist.apicheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the check reads from a class file, on classes whose shape this test knows. */
class ClassFileTest {

  /** A public record whose API names Optional and List, and whose body uses StringBuilder. */
  public record Sample(Optional<String> name, List<Integer> sizes) implements Serializable {
    public String describe() {
      return new StringBuilder().append(name).toString();
    }
  }

  /** A public exception. */
  public static final class SampleException extends IllegalStateException {
    public SampleException(String message) {
      super(message);
    }
  }

  /** A public class that is none of the allowed kinds. */
  public static final class SampleHelper {
    private SampleHelper() {}

    public static int twice(int x) {
      return 2 * x;
    }
  }

  private static ClassFile read(Class<?> type) throws IOException {
    String entry = type.getName().replace('.', '/') + ".class";
    // .class resources are never encapsulated, so this reads JDK classes too
    try (InputStream in = type.getResourceAsStream("/" + entry)) {
      return ClassFile.parse(entry, in.readAllBytes());
    }
  }

  @Test
  void aRecordIsNamedPublicAndARecordWithItsApiTypes() throws IOException {
    ClassFile sample = read(Sample.class);

    assertThat(sample.binaryName()).isEqualTo("org.radassist.apicheck.ClassFileTest$Sample");
    assertThat(sample.topLevel()).isEqualTo("org.radassist.apicheck.ClassFileTest");
    assertThat(sample.packageName()).isEqualTo("org.radassist.apicheck");
    assertThat(sample.isPublic()).isTrue();
    assertThat(sample.isRecord()).isTrue();
    assertThat(ExportedApiTest.kind(sample, Map.of())).isEqualTo("record");
    // the generic signatures of the accessors name the element types
    assertThat(sample.apiReferred())
        .contains("java/util/Optional", "java/util/List", "java/lang/String", "java/lang/Integer")
        .contains("java/io/Serializable");
    // the body's types are references, not API
    assertThat(sample.referred()).contains("java/lang/StringBuilder");
    assertThat(sample.apiReferred()).doesNotContain("java/lang/StringBuilder");
  }

  @Test
  void exceptionsInterfacesEnumsAndAnnotationsAreAllowedKindsAndAHelperClassIsNot()
      throws IOException {
    assertThat(ExportedApiTest.kind(read(SampleException.class), Map.of())).isEqualTo("exception");
    assertThat(ExportedApiTest.kind(read(Serializable.class), Map.of())).isEqualTo("interface");
    assertThat(ExportedApiTest.kind(read(Thread.State.class), Map.of())).isEqualTo("enum");
    assertThat(ExportedApiTest.kind(read(Deprecated.class), Map.of())).isEqualTo("annotation");
    assertThat(ExportedApiTest.kind(read(SampleHelper.class), Map.of())).isEqualTo("class");
  }

  @Test
  void whatIsNotAClassFileIsRefusedByName() {
    assertThatThrownBy(() -> ClassFile.parse("x/Broken.class", new byte[] {1, 2, 3, 4, 0, 0}))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("x/Broken.class");
  }
}
