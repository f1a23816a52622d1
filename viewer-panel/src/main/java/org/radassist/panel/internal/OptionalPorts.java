package org.radassist.panel.internal;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.radassist.panel.internal.audit.AuditTrailPort;
import org.radassist.panel.internal.metrics.AuditMetricsPort;

/**
 * Turns suppliers of optional services (the audit trail) into the controller's ports without naming
 * the services' types: their packages are optional imports, and the adapters that do name them are
 * only reached when a service is actually there. Nothing here links to an optional bundle until
 * then.
 */
public final class OptionalPorts {
  private OptionalPorts() {}

  public static Supplier<Optional<MetricsPort>> metrics(Supplier<? extends Optional<?>> trails) {
    return adapted(trails, s -> AuditMetricsPort.adapt(s));
  }

  public static Supplier<Optional<AuditPort>> audit(Supplier<? extends Optional<?>> trails) {
    return adapted(trails, s -> AuditTrailPort.adapt(s));
  }

  private static <P> Supplier<Optional<P>> adapted(
      Supplier<? extends Optional<?>> services, Function<Object, P> adapter) {
    return () -> {
      Optional<?> service = services.get();
      return service == null || service.isEmpty()
          ? Optional.empty()
          : Optional.of(adapter.apply(service.get()));
    };
  }
}
