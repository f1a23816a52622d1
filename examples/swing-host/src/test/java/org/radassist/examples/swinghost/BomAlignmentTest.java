package org.radassist.examples.swinghost;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * radassist-bom has no parent (importing it must not manage the build's test libraries), so its
 * versions are written down twice: every artifact it manages that the root pom also manages must
 * carry the root pom's version, and the rest must be what the build's own dependencies resolve to.
 */
class BomAlignmentTest {
  static final Path ROOT = Path.of(System.getProperty("radassist.root"));
  static final Path REPO = Path.of(System.getProperty("maven.repo.local"));

  @Test
  void everyVersionTheBomManagesIsTheVersionTheBuildUses() throws Exception {
    Map<String, String> bom = managed(ROOT.resolve("bom/pom.xml"));
    Map<String, String> root = managed(ROOT.resolve("pom.xml"));
    Map<String, String> rootProperties = properties(read(ROOT.resolve("pom.xml")));
    assertThat(bom).hasSizeGreaterThan(25);
    int compared = 0;
    for (var e : bom.entrySet()) {
      String ga = e.getKey();
      if (root.containsKey(ga)) {
        assertThat(e.getValue()).as(ga).isEqualTo(root.get(ga));
        compared++;
      } else if (ga.startsWith("org.eclipse.jetty")) {
        assertThat(e.getValue()).as(ga).isEqualTo(rootProperties.get("jetty.version"));
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(20);
    // not managed by the root pom: what okio and HAPI (at the BOM's versions) declare
    assertThat(bom.get("org.jetbrains.kotlin:kotlin-stdlib"))
        .isEqualTo(dependencyVersion(pom("com.squareup.okio", "okio-jvm", bom), "kotlin-stdlib"));
    assertThat(bom.get("joda-time:joda-time"))
        .isEqualTo(dependencyVersion(pom("ca.uhn.hapi", "hapi-base", bom), "joda-time"));
  }

  @Test
  void everyJarOfTheSdkClassPathIsManagedByTheBom() throws Exception {
    Map<String, String> bom = managed(ROOT.resolve("bom/pom.xml"));
    java.util.Set<String> expected = new java.util.HashSet<>();
    bom.forEach((ga, v) -> expected.add(ga.substring(ga.indexOf(':') + 1) + "-" + v + ".jar"));
    try (var jars = java.nio.file.Files.list(Path.of(System.getProperty("sdk.lib")))) {
      assertThat(jars.map(p -> p.getFileName().toString()).toList())
          .isNotEmpty()
          .allSatisfy(jar -> assertThat(expected).as("managed by radassist-bom").contains(jar));
    }
  }

  private static Path pom(String group, String artifact, Map<String, String> bom) {
    String v = bom.get(group + ":" + artifact);
    return REPO.resolve(group.replace('.', '/'))
        .resolve(artifact)
        .resolve(v)
        .resolve(artifact + "-" + v + ".pom");
  }

  private static String dependencyVersion(Path pom, String artifactId) throws Exception {
    Document d = read(pom);
    NodeList deps = d.getElementsByTagName("dependency");
    for (int i = 0; i < deps.getLength(); i++) {
      Element dep = (Element) deps.item(i);
      if (artifactId.equals(child(dep, "artifactId"))) {
        return resolve(child(dep, "version"), properties(d));
      }
    }
    throw new AssertionError(pom + " has no dependency " + artifactId);
  }

  /** groupId:artifactId to version of a pom's dependencyManagement, properties resolved. */
  static Map<String, String> managed(Path pom) throws Exception {
    Document d = read(pom);
    Map<String, String> props = properties(d);
    props.put("project.version", child(d.getDocumentElement(), "version"));
    Map<String, String> out = new HashMap<>();
    NodeList dms = d.getElementsByTagName("dependencyManagement");
    Element dm = (Element) dms.item(0);
    NodeList deps = dm.getElementsByTagName("dependency");
    for (int i = 0; i < deps.getLength(); i++) {
      Element dep = (Element) deps.item(i);
      String v = child(dep, "version");
      if (v != null) {
        out.put(child(dep, "groupId") + ":" + child(dep, "artifactId"), resolve(v, props));
      }
    }
    return out;
  }

  static Map<String, String> properties(Document d) {
    Map<String, String> props = new HashMap<>();
    NodeList list = d.getElementsByTagName("properties");
    if (list.getLength() > 0) {
      NodeList children = list.item(0).getChildNodes();
      for (int i = 0; i < children.getLength(); i++) {
        Node n = children.item(i);
        if (n instanceof Element e) {
          props.put(e.getTagName(), e.getTextContent().trim());
        }
      }
    }
    return props;
  }

  private static String resolve(String value, Map<String, String> props) {
    Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(props.getOrDefault(m.group(1), m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }

  private static Document read(Path pom) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
  }
}
