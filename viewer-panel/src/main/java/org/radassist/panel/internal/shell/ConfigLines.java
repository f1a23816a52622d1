package org.radassist.panel.internal.shell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The RadAssist configurations in force, from Config Admin. Its package is imported optionally:
 * this class is loaded only when status asks, and a host without Config Admin gets one line.
 */
final class ConfigLines {
  private ConfigLines() {}

  static List<String> of(BundleContext context) {
    try {
      return read(context);
    } catch (NoClassDefFoundError e) {
      return List.of(
          "configuration: (no Config Admin in this host: every component uses its" + " defaults)");
    }
  }

  private static List<String> read(BundleContext context) {
    ServiceReference<ConfigurationAdmin> ref =
        context.getServiceReference(ConfigurationAdmin.class);
    if (ref == null) {
      return List.of("configuration: (no Config Admin running: defaults)");
    }
    ConfigurationAdmin admin = context.getService(ref);
    try {
      Configuration[] configs =
          admin == null ? null : admin.listConfigurations("(service.pid=org.radassist.*)");
      if (configs == null || configs.length == 0) {
        return List.of("configuration: none set (every component uses its defaults)");
      }
      List<String> lines = new ArrayList<>();
      for (Configuration c : configs) {
        TreeMap<String, Object> props = new TreeMap<>();
        if (c.getProperties() != null) {
          for (String key : Collections.list(c.getProperties().keys())) {
            if (!key.startsWith("service.") && !key.startsWith("felix.")) {
              Object v = c.getProperties().get(key);
              props.put(key, v instanceof Object[] a ? java.util.Arrays.toString(a) : v);
            }
          }
        }
        lines.add("configuration " + c.getPid() + " " + props);
      }
      Collections.sort(lines);
      return lines;
    } catch (Exception e) {
      return List.of("configuration: unreadable: " + e);
    } finally {
      context.ungetService(ref);
    }
  }
}
