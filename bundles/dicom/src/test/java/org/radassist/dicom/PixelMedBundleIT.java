package org.radassist.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/**
 * The wrapped PixelMed jar: what it exports, what it requires, and that it reads a real SR on its
 * own.
 */
class PixelMedBundleIT {

  private static final String VERSION = "20220618.0.0";
  private final File bundle = new File(System.getProperty("bundle.file"));

  private Manifest manifest() throws Exception {
    try (JarFile jar = new JarFile(bundle)) {
      return jar.getManifest();
    }
  }

  private List<String> clauses(String header) throws Exception {
    String value = manifest().getMainAttributes().getValue(header);
    // split on commas outside quotes
    return Arrays.asList(value.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)"));
  }

  @Test
  void exportsPixelMedPackagesAtPixelMedsOwnVersion() throws Exception {
    assertThat(manifest().getMainAttributes().getValue("Bundle-SymbolicName"))
        .isEqualTo("com.pixelmed");
    assertThat(manifest().getMainAttributes().getValue("Bundle-Version")).isEqualTo(VERSION);
    assertThat(clauses("Export-Package"))
        .anySatisfy(c -> assertThat(c).startsWith("com.pixelmed.dicom;version=\"" + VERSION + "\""))
        .anySatisfy(c -> assertThat(c).startsWith("com.pixelmed.utils;version=\"" + VERSION + "\""))
        .noneSatisfy(c -> assertThat(c).startsWith("com.pixelmed.test"));
  }

  @Test
  void shipsOnlyTheDicomPackageAndWhatItReachesNotTheNetworkFtpOrDatabaseTools() throws Exception {
    try (JarFile jar = new JarFile(bundle)) {
      List<String> classes =
          jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).toList();
      for (String unused :
          List.of(
              "com/pixelmed/network/",
              "com/pixelmed/ftp/",
              "com/pixelmed/database/",
              "com/pixelmed/query/",
              "com/pixelmed/web/",
              "com/pixelmed/apps/",
              "com/pixelmed/dose/")) {
        assertThat(classes).as(unused).noneMatch(n -> n.startsWith(unused));
      }
      assertThat(classes).contains("com/pixelmed/dicom/AttributeList.class");
      assertThat(classes.size()).isLessThan(700); // of PixelMed's 1,233
    }
    assertThat(clauses("Export-Package"))
        .noneSatisfy(c -> assertThat(c).startsWith("com.pixelmed.network"));
  }

  @Test
  void importsWhatPixelMedOnlySometimesNeedsOptionally() throws Exception {
    List<String> imports = clauses("Import-Package");
    // javax.naming went with the network and database packages (Weasis' runtime lacks it)
    assertThat(imports).noneMatch(c -> c.startsWith("javax.naming"));
    for (String optional : List.of("javax.json", "javax.vecmath", "javax.xml.bind", "java.rmi")) {
      assertThat(imports)
          .as(optional)
          .filteredOn(c -> c.startsWith(optional))
          .isNotEmpty()
          .allSatisfy(c -> assertThat(c).contains("resolution:=optional"));
    }
    // every mandatory import is either the JDK or PixelMed itself
    assertThat(imports)
        .filteredOn(c -> !c.contains("resolution:=optional"))
        .allSatisfy(
            c ->
                assertThat(c)
                    .matches(
                        "(java|javax\\.(swing|imageio|xml|net)|org\\.(w3c|xml|slf4j)|com\\.pixelmed)[.;a-z0-9A-Z_\"=\\[\\],()]*.*"));
  }

  @Test
  void importsSlf4jWithoutVersionBecauseWeasisExportsItUnversioned() throws Exception {
    assertThat(clauses("Import-Package")).contains("org.slf4j");
  }

  @Test
  void carriesPixelMedsLicenceAndNoTestClasses() throws Exception {
    try (JarFile jar = new JarFile(bundle)) {
      assertThat(jar.getEntry("META-INF/COPYRIGHT")).isNotNull();
      assertThat(jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("com/pixelmed/test/")))
          .isEmpty();
    }
  }

  @Test
  void readsARealStructuredReportWithNothingButTheBundleOnTheClassPath() throws Exception {
    Path sr = Path.of(System.getProperty("radassist.shared"), "data/dicom/sr/offis_report02.dcm");
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {
              bundle.toURI().toURL(),
              org.slf4j.Logger.class.getProtectionDomain().getCodeSource().getLocation()
            },
            ClassLoader.getPlatformClassLoader())) {
      // PixelMed finds slf4j through the context loader; keep it off the Debian jar's Class-Path
      // entries
      Thread.currentThread().setContextClassLoader(loader);
      Class<?> attributeList = loader.loadClass("com.pixelmed.dicom.AttributeList");
      Object list = attributeList.getConstructor().newInstance();
      Method read = attributeList.getMethod("read", String.class);
      read.invoke(list, sr.toString());
      Class<?> srClass = loader.loadClass("com.pixelmed.dicom.StructuredReport");
      Object report = srClass.getConstructor(attributeList).newInstance(list);
      assertThat(report.toString()).contains("CONTAINER");
    }
  }
}
