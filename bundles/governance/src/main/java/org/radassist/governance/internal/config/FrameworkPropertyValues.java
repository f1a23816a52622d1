package org.radassist.governance.internal.config;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Turns the framework properties of one PID into a Config Admin dictionary: attribute {@code key}
 * of PID {@code org.radassist.x.y} is the framework property {@code radassist.x.y.key} (what an
 * admin writes in Weasis' extension JSON), typed as the Metatype declares it; a list is one string
 * separated by '|'.
 */
final class FrameworkPropertyValues {
  /** Marks a configuration this bridge made, so that it never overwrites an admin's own. */
  static final String SOURCE = "radassist.config.source";

  static final String FROM_FRAMEWORK_PROPERTIES = "framework-properties";

  private FrameworkPropertyValues() {}

  /** The framework-property prefix of a PID: {@code org.radassist.x} -> {@code radassist.x.}. */
  static String prefix(String pid) {
    return (pid.startsWith("org.") ? pid.substring(4) : pid) + ".";
  }

  /**
   * The dictionary for {@code pid}, or an empty one when no framework property names one of its
   * attributes.
   *
   * @throws IllegalArgumentException naming the property and the reason when a value does not fit
   *     its declared type
   */
  static Dictionary<String, Object> of(
      String pid,
      Map<String, MetatypeAttributes.Attribute> attributes,
      UnaryOperator<String> frameworkProperty) {
    Dictionary<String, Object> d = new Hashtable<>();
    for (MetatypeAttributes.Attribute a : attributes.values()) {
      String name = prefix(pid) + a.id();
      String raw = frameworkProperty.apply(name);
      if (raw == null) {
        continue;
      }
      try {
        Object value = a.multiple() ? list(a.type(), raw) : scalar(a.type(), raw.trim());
        problem(a, value)
            .ifPresent(
                why -> {
                  throw new IllegalArgumentException(why);
                });
        d.put(a.id(), value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "framework property " + name + "=" + raw + ": " + e.getMessage(), e);
      }
    }
    if (!d.isEmpty()) {
      d.put(SOURCE, FROM_FRAMEWORK_PROPERTIES);
    }
    return d;
  }

  /**
   * Why a configuration breaks the Metatype of its PID (a value of the wrong type, out of bounds,
   * not one of the options), naming the key; empty when every declared key fits.
   */
  static Optional<String> problem(
      Dictionary<String, Object> properties, Map<String, MetatypeAttributes.Attribute> attributes) {
    return problems(properties, attributes).entrySet().stream()
        .findFirst()
        .map(e -> e.getKey() + "=" + show(properties.get(e.getKey())) + ": " + e.getValue());
  }

  /**
   * Each declared key whose value breaks its declaration, with the reason, in declaration order.
   */
  static Map<String, String> problems(
      Dictionary<String, Object> properties, Map<String, MetatypeAttributes.Attribute> attributes) {
    Map<String, String> problems = new LinkedHashMap<>();
    for (MetatypeAttributes.Attribute a : attributes.values()) {
      Object v = properties.get(a.id());
      if (v == null) {
        continue;
      }
      try {
        Object typed =
            v instanceof String text
                ? (a.multiple() ? list(a.type(), text) : scalar(a.type(), text.trim()))
                : v;
        problem(a, typed).ifPresent(why -> problems.put(a.id(), why));
      } catch (IllegalArgumentException e) {
        problems.put(a.id(), e.getMessage());
      }
    }
    return problems;
  }

  private static Optional<String> problem(MetatypeAttributes.Attribute a, Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value.getClass().isArray()) {
      int n = java.lang.reflect.Array.getLength(value);
      for (int i = 0; i < n; i++) {
        Optional<String> why = a.problem(java.lang.reflect.Array.get(value, i));
        if (why.isPresent()) {
          return why;
        }
      }
      return Optional.empty();
    }
    if (value instanceof java.util.Collection<?> c) {
      for (Object o : c) {
        Optional<String> why = a.problem(o);
        if (why.isPresent()) {
          return why;
        }
      }
      return Optional.empty();
    }
    return a.problem(value);
  }

  static String show(Object v) {
    if (v != null && v.getClass().isArray()) {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < java.lang.reflect.Array.getLength(v); i++) {
        parts.add(String.valueOf(java.lang.reflect.Array.get(v, i)));
      }
      return String.join("|", parts);
    }
    return String.valueOf(v);
  }

  private static Object list(String type, String raw) {
    List<Object> values = new ArrayList<>();
    for (String part : raw.split("\\|")) {
      if (!part.isBlank()) {
        values.add(scalar(type, part.trim()));
      }
    }
    return switch (type) {
      case "Integer" -> values.stream().mapToInt(v -> (Integer) v).toArray();
      case "Long" -> values.stream().mapToLong(v -> (Long) v).toArray();
      case "Double" -> values.stream().mapToDouble(v -> (Double) v).toArray();
      default -> values.stream().map(String::valueOf).toArray(String[]::new);
    };
  }

  private static Object scalar(String type, String v) {
    try {
      return switch (type) {
        case "Integer" -> Integer.valueOf(v);
        case "Long" -> Long.valueOf(v);
        case "Double" -> Double.valueOf(v);
        case "Float" -> Float.valueOf(v);
        case "Short" -> Short.valueOf(v);
        case "Boolean" -> bool(v);
        default -> v;
      };
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not " + article(type) + " number", e);
    }
  }

  private static String article(String type) {
    String t = type.toLowerCase(Locale.ROOT);
    return ("aeiou".indexOf(t.charAt(0)) >= 0 ? "an " : "a ") + t;
  }

  private static Boolean bool(String v) {
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.valueOf(v);
    }
    throw new IllegalArgumentException("not true or false");
  }
}
