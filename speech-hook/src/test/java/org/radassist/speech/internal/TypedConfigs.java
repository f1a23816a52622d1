package org.radassist.speech.internal;

import java.lang.reflect.Proxy;
import java.util.Map;
import org.osgi.framework.BundleContext;

/**
 * A component's typed configuration as DS would hand it: the given values by method name, the
 * annotation's defaults for the rest (0, false or null without one); and a framework that only has
 * properties.
 */
public final class TypedConfigs {
  private TypedConfigs() {}

  public static <A> A of(Class<A> type, Map<String, Object> values) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (method.getName().equals("annotationType")) {
                return type;
              }
              if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? type + "" + values : null;
              }
              Object v = values.get(method.getName());
              if (v == null) {
                v = method.getDefaultValue();
              }
              if (v == null && method.getReturnType().isPrimitive()) {
                // DS: a missing number is 0, a missing boolean false
                v =
                    method.getReturnType() == boolean.class
                        ? Boolean.FALSE
                        : java.lang.reflect.Array.get(
                            java.lang.reflect.Array.newInstance(method.getReturnType(), 1), 0);
              }
              return v;
            }));
  }

  /** A framework whose properties are the given ones (all a component asks of it). */
  public static BundleContext framework(Map<String, String> properties) {
    return (BundleContext)
        Proxy.newProxyInstance(
            TypedConfigs.class.getClassLoader(),
            new Class<?>[] {BundleContext.class},
            (proxy, method, args) ->
                method.getName().equals("getProperty") ? properties.get((String) args[0]) : null);
  }
}
