package org.radassist.speech.internal;

import java.util.Map;
import java.util.function.Function;
import org.osgi.framework.BundleContext;

/**
 * How the speech hook and its loopback intake read a setting: a Config Admin configuration, when
 * there is one, is used whole; otherwise the framework property {@code <prefix><key>} (Weasis'
 * extension file), else the component's own property. (The FHIRcast components fill keys missing
 * from their configuration from framework properties one by one, so a hub token can stay out of
 * Config Admin.)
 */
public final class ComponentSettings {
  private static final System.Logger LOG = System.getLogger(ComponentSettings.class.getName());

  private ComponentSettings() {}

  /** Key → trimmed text, or null when not set. */
  public static Function<String, String> lookup(
      BundleContext context, Map<String, Object> properties, String frameworkPrefix) {
    boolean fromConfigAdmin = properties.containsKey("service.pid");
    return key -> {
      Object v = fromConfigAdmin ? null : context.getProperty(frameworkPrefix + key);
      if (v == null) {
        v = properties.get(key);
      }
      return v == null ? null : String.valueOf(v).trim();
    };
  }

  /**
   * A whole number, or {@code fallback} when unset or blank. A malformed one can only come from a
   * framework property (Config Admin values are type-checked by the governance bundle's guard): it
   * is refused with a log line naming it, and the component runs on the default.
   */
  public static long number(Function<String, String> setting, String key, long fallback) {
    String v = setting.apply(key);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      LOG.log(
          System.Logger.Level.ERROR,
          "RadAssist speech hook: {0} must be a whole number, was ''{1}''; the default {2} applies",
          key,
          v,
          fallback);
      return fallback;
    }
  }
}
