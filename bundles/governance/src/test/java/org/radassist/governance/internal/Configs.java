package org.radassist.governance.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Typed configurations as SCR makes them: a property {@code a.b} answers method {@code a_b}, a
 * missing one the method's default.
 */
final class Configs {
  private Configs() {}

  static <T> T of(Class<T> type, Map<String, ?> properties) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              Object v = properties.get(method.getName().replace('_', '.'));
              return v != null ? v : method.getDefaultValue();
            }));
  }
}
