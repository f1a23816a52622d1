package org.radassist.hl7.internal;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.util.concurrent.Callable;

/**
 * HAPI set up once for the whole bundle's use: v2.3.1 .. 2.5.1 messages parsed into 2.5.1
 * structures, no validation (RIS messages vary), ids generated in memory (HAPI's default writes an
 * "id_file" into the host's working directory).
 *
 * <p>HAPI finds its message classes through the thread's context class loader, which in OSGi is not
 * this bundle's (HAPI is embedded here): every HAPI call runs {@link #call with this bundle's class
 * loader}, and HAPI's own threads get it too.
 */
final class Hapi {
  private Hapi() {}

  static HapiContext context() {
    HapiContext c = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
    c.setValidationContext(ValidationContextFactory.noValidation());
    c.getParserConfiguration().setIdGenerator(new InMemoryIDGenerator());
    return c;
  }

  static ClassLoader bundleClassLoader() {
    return Hapi.class.getClassLoader();
  }

  /** Runs a HAPI call with this bundle's class loader as the thread's context class loader. */
  static <T, E extends Exception> T call(HapiCall<T, E> call) throws E {
    Thread t = Thread.currentThread();
    ClassLoader previous = t.getContextClassLoader();
    t.setContextClassLoader(bundleClassLoader());
    try {
      return call.call();
    } finally {
      t.setContextClassLoader(previous);
    }
  }

  /** A {@link Callable} with a narrower exception. */
  @FunctionalInterface
  interface HapiCall<T, E extends Exception> {
    T call() throws E;
  }
}
