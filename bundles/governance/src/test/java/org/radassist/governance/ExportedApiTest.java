package org.radassist.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The exported package holds interfaces, records, enums and exceptions only, plus the factory for
 * hosts without OSGi: an implementation class here would freeze with the API.
 */
class ExportedApiTest {

  @Test
  void everyExportedTypeIsAnInterfaceRecordEnumExceptionOrTheFactory() throws Exception {
    List<String> offending = new ArrayList<>();
    for (Class<?> type : exportedTypes()) {
      boolean allowed =
          type.isInterface()
              || type.isRecord()
              || type.isEnum()
              || Throwable.class.isAssignableFrom(type)
              || type == Governances.class;
      if (!allowed) {
        offending.add(type.getName());
      }
    }
    assertThat(offending).isEmpty();
    assertThat(exportedTypes()).contains(Governance.class, GovernanceSettings.class);
  }

  @Test
  void theFactoryCannotBeInstantiatedAndOnlyCreates() throws Exception {
    assertThat(Governances.class.getDeclaredConstructors())
        .allMatch(c -> Modifier.isPrivate(c.getModifiers()));
    assertThat(Governances.class.getDeclaredMethods())
        .filteredOn(m -> Modifier.isPublic(m.getModifiers()))
        .allMatch(m -> m.getName().equals("create") && m.getReturnType() == Governance.class);
  }

  /** The public top-level types compiled into this package. */
  private static List<Class<?>> exportedTypes()
      throws IOException, URISyntaxException, ClassNotFoundException {
    Path dir =
        Path.of(Governance.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve("org/radassist/governance");
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".class") && !name.contains("$") && !name.equals("package-info.class")) {
          Class<?> type =
              Class.forName("org.radassist.governance." + name.substring(0, name.length() - 6));
          if (Modifier.isPublic(type.getModifiers())) {
            types.add(type);
          }
        }
      }
    }
    return types;
  }
}
