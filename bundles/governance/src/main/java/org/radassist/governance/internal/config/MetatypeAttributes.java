package org.radassist.governance.internal.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.osgi.framework.Bundle;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The configuration attributes a bundle declares, read from its Metatype XML ({@code
 * OSGI-INF/metatype/*.xml}, written by bnd from the {@code @ObjectClassDefinition}s): for each
 * designated PID, the attribute ids with their types. Read from the files because Weasis runs no
 * Metatype service.
 */
final class MetatypeAttributes {
  private static final System.Logger LOG = System.getLogger(MetatypeAttributes.class.getName());

  private MetatypeAttributes() {}

  /**
   * An attribute's type name (String, Integer, Long, Double, Boolean ...), whether it is a list,
   * its bounds (numbers), the values its options allow (empty: any), and whether it must be given
   * (required with no default: a blank text is no value).
   */
  record Attribute(
      String id,
      String type,
      boolean multiple,
      String min,
      String max,
      List<String> options,
      boolean required) {
    Attribute(String id, String type, boolean multiple) {
      this(id, type, multiple, "", "", List.of(), false);
    }

    /** Why one value breaks the declaration, or empty when it fits. */
    Optional<String> problem(Object value) {
      if (required && value instanceof String text && text.isBlank()) {
        return Optional.of("required, must not be blank");
      }
      if (!options.isEmpty() && !options.contains(String.valueOf(value))) {
        return Optional.of("not one of " + String.join(", ", options));
      }
      if (value instanceof Number n) {
        double v = n.doubleValue();
        if (!min.isEmpty() && v < Double.parseDouble(min)) {
          return Optional.of("below the minimum " + min);
        }
        if (!max.isEmpty() && v > Double.parseDouble(max)) {
          return Optional.of("above the maximum " + max);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * PID -> attributes of every Metatype document a bundle carries; a document that cannot be read
   * is logged and skipped.
   */
  static Map<String, Map<String, Attribute>> of(Bundle bundle) {
    Enumeration<URL> documents = bundle.findEntries("OSGI-INF/metatype", "*.xml", false);
    if (documents == null) {
      return Map.of();
    }
    Map<String, Map<String, Attribute>> pids = new LinkedHashMap<>();
    for (URL url : Collections.list(documents)) {
      try (InputStream in = url.openStream()) {
        pids.putAll(read(in));
      } catch (IOException | RuntimeException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            bundle.getSymbolicName() + ": " + url.getPath() + ": " + e.getMessage());
      }
    }
    return pids;
  }

  /** PID -> attributes (in declaration order) of one Metatype document. */
  static Map<String, Map<String, Attribute>> read(InputStream xml) throws IOException {
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      DocumentBuilder b = f.newDocumentBuilder();
      doc = b.parse(xml);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("not a Metatype document: " + e.getMessage(), e);
    }
    Map<String, Map<String, Attribute>> byOcd = new HashMap<>();
    NodeList ocds = doc.getElementsByTagName("OCD");
    for (int i = 0; i < ocds.getLength(); i++) {
      Element ocd = (Element) ocds.item(i);
      Map<String, Attribute> attributes = new LinkedHashMap<>();
      NodeList ads = ocd.getElementsByTagName("AD");
      for (int j = 0; j < ads.getLength(); j++) {
        Element ad = (Element) ads.item(j);
        String cardinality = ad.getAttribute("cardinality");
        boolean multiple = !cardinality.isEmpty() && Integer.parseInt(cardinality.trim()) != 0;
        String type = ad.getAttribute("type").isEmpty() ? "String" : ad.getAttribute("type");
        List<String> options = new ArrayList<>();
        NodeList os = ad.getElementsByTagName("Option");
        for (int k = 0; k < os.getLength(); k++) {
          options.add(((Element) os.item(k)).getAttribute("value"));
        }
        attributes.put(
            ad.getAttribute("id"),
            new Attribute(
                ad.getAttribute("id"),
                type,
                multiple,
                ad.getAttribute("min").trim(),
                ad.getAttribute("max").trim(),
                List.copyOf(options),
                // Metatype's required defaults to true; an attribute with a default has a value
                !ad.hasAttribute("default") && !"false".equals(ad.getAttribute("required"))));
      }
      byOcd.put(ocd.getAttribute("id"), attributes);
    }
    Map<String, Map<String, Attribute>> byPid = new LinkedHashMap<>();
    NodeList designates = doc.getElementsByTagName("Designate");
    for (int i = 0; i < designates.getLength(); i++) {
      Element d = (Element) designates.item(i);
      String pid = d.getAttribute("pid");
      NodeList objects = d.getElementsByTagName("Object");
      if (pid.isEmpty() || objects.getLength() == 0) {
        continue; // factory designations are not configured from framework properties
      }
      Map<String, Attribute> attributes =
          byOcd.get(((Element) objects.item(0)).getAttribute("ocdref"));
      if (attributes != null) {
        byPid.put(pid, attributes);
      }
    }
    return byPid;
  }
}
