package org.radassist.workstation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleJarsTest {
  @TempDir Path temp;

  @Test
  void installsBundlesOnceButNotTheFrameworkSlf4jOrPlainJars() throws IOException {
    Path a = jar("a.jar", "org.example.a;singleton:=true");
    Path a2 = jar("a2.jar", "org.example.a");
    Path felix = jar("felix.jar", "org.apache.felix.framework");
    Path slf4j = jar("slf4j.jar", "slf4j.api");
    Path plain = jar("plain.jar", null);
    String cp =
        String.join(
            File.pathSeparator,
            a.toString(),
            a2.toString(),
            felix.toString(),
            slf4j.toString(),
            plain.toString(),
            temp.resolve("classes").toString(),
            temp.resolve("missing.jar").toString());
    assertThat(BundleJars.fromClassPath(cp))
        .containsExactly(new BundleJars.BundleJar(a, "org.example.a", false));
  }

  private Path jar(String name, String bsn) throws IOException {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (bsn != null) {
      m.getMainAttributes().putValue("Bundle-SymbolicName", bsn);
    }
    Path p = temp.resolve(name);
    try (OutputStream out = Files.newOutputStream(p);
        JarOutputStream jar = new JarOutputStream(out, m)) {
      jar.flush();
    }
    return p;
  }
}
