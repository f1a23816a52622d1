package org.radassist.governance.internal.config;

import java.util.Collections;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Config Admin cannot veto an update, but every delivery to a component passes the configuration
 * plugins: this is the plugin's memory. A configuration that fits the Metatype of its PID is
 * remembered as the last valid one; one that does not is rewritten, on its way to the component, to
 * the last valid one, so the component keeps running as it was. When none is known (an invalid
 * configuration found at start), only the offending keys are dropped and their defaults apply.
 */
final class LastValidConfigurations {
  private final Map<String, Map<String, Object>> lastValid = new ConcurrentHashMap<>();

  /**
   * Checks {@code properties} of {@code pid} against its attributes and, when they break them,
   * rewrites {@code properties} in place as described above.
   *
   * @return why the configuration was refused, naming each key and reason; empty when it fits
   */
  Optional<String> admit(
      String pid,
      Dictionary<String, Object> properties,
      Map<String, MetatypeAttributes.Attribute> attributes) {
    Map<String, String> problems = FrameworkPropertyValues.problems(properties, attributes);
    if (problems.isEmpty()) {
      lastValid.put(pid, declaredValues(properties, attributes));
      return Optional.empty();
    }
    StringBuilder why = new StringBuilder();
    problems.forEach(
        (key, reason) ->
            why.append(why.length() == 0 ? "" : "; ")
                .append(key)
                .append('=')
                .append(FrameworkPropertyValues.show(properties.get(key)))
                .append(": ")
                .append(reason));
    Map<String, Object> previous = lastValid.get(pid);
    if (previous != null) {
      for (String key : attributes.keySet()) {
        properties.remove(key);
      }
      previous.forEach(properties::put);
      why.append(" (the previous configuration stays in force)");
    } else {
      problems.keySet().forEach(properties::remove);
      why.append(" (no previous configuration known: the defaults of these keys apply)");
    }
    return Optional.of(why.toString());
  }

  /** Forgets a PID whose configuration was deleted: its defaults are in force again. */
  void forget(String pid) {
    lastValid.remove(pid);
  }

  private static Map<String, Object> declaredValues(
      Dictionary<String, Object> properties, Map<String, MetatypeAttributes.Attribute> attributes) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String key : Collections.list(properties.keys())) {
      if (attributes.containsKey(key)) {
        Object v = properties.get(key);
        values.put(key, v.getClass().isArray() ? cloneArray(v) : v);
      }
    }
    return Collections.unmodifiableMap(values);
  }

  private static Object cloneArray(Object array) {
    int n = java.lang.reflect.Array.getLength(array);
    Object copy = java.lang.reflect.Array.newInstance(array.getClass().getComponentType(), n);
    System.arraycopy(array, 0, copy, 0, n);
    return copy;
  }
}
